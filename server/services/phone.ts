import ct from 'countries-and-timezones';
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** An ISO 3166 two-letter country code libphonenumber-js knows, such as GB or ES. */
export type PhoneCountry = CountryCode;

/**
 * Reads the clinic's phone country when a number is about to be read (the setting may change while the server runs);
 * null when there is none (a UTC clinic with no country set).
 */
export type PhoneCountrySource = () => Promise<PhoneCountry | null>;

/** True for a two-letter code libphonenumber-js has numbering rules for. */
export function isPhoneCountry(code: string): code is PhoneCountry {
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code);
}

/**
 * The country whose numbering a clinic's patients use when they leave out the country code: CLINIC_COUNTRY when
 * set, else the first country of the clinic's time zone (Europe/London -> GB), else none (UTC): then only numbers
 * written with their country code can be normalised.
 */
export function clinicCountry(options: { country?: string | null; timeZone: string }): PhoneCountry | null {
  const explicit = options.country?.trim().toUpperCase();
  if (explicit && isPhoneCountry(explicit)) return explicit;
  const zone = ct.getTimezone(options.timeZone);
  const country = zone?.countries[0];
  return country && isPhoneCountry(country) ? country : null;
}

/**
 * A phone number in E.164 (`+447700900101`) however it was typed: `07700 900101`, `+44 7700 900101`,
 * `0044 7700 900101` or `447700900101` are all the same number for a clinic in GB. Null when the text is not a
 * possible number for that country (too short, letters), so callers can refuse it or fall back to its digits.
 */
export function toE164(raw: string | null | undefined, country: PhoneCountry | null): string | null {
  const text = (raw ?? '').trim();
  if (!/\d/.test(text)) return null;
  const parsed = parsePhoneNumberFromString(text, country ? { defaultCountry: country } : undefined);
  return parsed?.isPossible() ? parsed.number : null;
}

/**
 * The form a phone number is stored and compared in: E.164 when it is a possible number, otherwise the text as
 * typed (trimmed), so nothing a patient gave is lost. Null for an empty value.
 */
export function storedPhone(raw: string | null | undefined, country: PhoneCountry | null): string | null {
  const text = (raw ?? '').trim();
  if (!text) return null;
  return toE164(text, country) ?? text;
}

/**
 * The digits two spellings of one number share: those of its E.164 form (country code included) when it has one,
 * else the digits as typed. Rows saved before numbers were normalised compare the same way.
 */
export function comparablePhoneDigits(raw: string | null | undefined, country: PhoneCountry | null): string {
  return (toE164(raw, country) ?? raw ?? '').replace(/\D/g, '');
}

/**
 * The digit strings one number may be stored as: its E.164 digits, its national form's (`07700900101`) and the
 * digits as typed. Lets a database query find rows saved before numbers were normalised; compare the rows found
 * with {@link comparablePhoneDigits}.
 */
export function phoneDigitVariants(raw: string | null | undefined, country: PhoneCountry | null): string[] {
  const typed = (raw ?? '').replace(/\D/g, '');
  const e164 = toE164(raw, country);
  const national = e164 ? (parsePhoneNumberFromString(e164)?.formatNational() ?? '').replace(/\D/g, '') : '';
  return [...new Set([e164?.slice(1) ?? '', national, typed])].filter(Boolean);
}
