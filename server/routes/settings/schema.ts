import { z } from 'zod';
import { isTimeZone as knownTimeZone } from '../../../common/clinic-format';
import { isPhoneCountry } from '../../services/phone';
import { localTime } from '../schema-parts';

/** An IANA zone by name ("Europe/Berlin", or UTC), not an abbreviation such as "CET". */
function isTimeZone(zone: string): boolean {
  return knownTimeZone(zone) && (zone.includes('/') || zone === 'UTC');
}

const languages = z
  .array(z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'Use language codes such as en, ar or pt-BR.'), {
    error: 'Give a list of language codes.',
  })
  .min(1, 'Offer at least one language.')
  .max(12, 'Offer at most 12 languages.')
  .refine((list) => new Set(list).size === list.length, 'List each language once.');

const opening = z
  .object({ weekday: z.number().int().min(1).max(7, 'Weekdays go from 1 (Monday) to 7 (Sunday).'), opens: localTime, closes: localTime })
  .refine((o) => o.closes > o.opens, { path: ['closes'], message: 'Closing must be later than opening.' });

/** PUT /api/settings: the whole object. */
export const SaveSettingsSchema = {
  body: z.object({
    name: z.string({ error: 'Enter the clinic name.' }).trim().min(1, 'Enter the clinic name.').max(100),
    timeZone: z.string({ error: 'Enter a time zone.' }).refine(isTimeZone, 'Use an IANA time zone name such as Europe/London.'),
    openingHours: z.object({
      text: z.string().trim().max(500).transform((v) => (v === '' ? null : v)).nullable(),
      weekly: z.array(opening).max(21),
    }),
    kioskLanguages: languages,
    displayLanguages: languages,
    publicBooking: z.boolean({ error: 'Say true or false.' }),
    slotHorizonDays: z.number({ error: 'Enter a number of days.' }).int().min(1).max(366, 'At most 366 days.'),
    country: z
      .string({ error: 'Enter a two-letter country code such as GB, or leave it empty.' })
      .trim()
      .toUpperCase()
      .transform((v) => (v === '' ? null : v))
      .refine((v) => v === null || isPhoneCountry(v), 'Use a two-letter country code such as GB, ES or AE.')
      .nullable()
      .optional(),
  }),
};
