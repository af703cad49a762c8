import { randomBytes, randomInt } from 'node:crypto';

/**
 * Letters and digits a person can read off a screen or a printed slip and type without guessing: no 0/O, 1/I/L.
 * 31 symbols, so a 6-character code has about 887 million values.
 */
export const UNAMBIGUOUS_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * A random code of `length` symbols from `alphabet`. randomInt draws without modulo bias, so every code is equally
 * likely. Codes are unique only by the database's unique index: callers retry on a duplicate-key error.
 */
export function randomCode(length: number, alphabet: string = UNAMBIGUOUS_ALPHABET): string {
  let code = '';
  for (let i = 0; i < length; i++) code += alphabet[randomInt(alphabet.length)];
  return code;
}

/** A booking code for the kiosk and the confirmation slip, such as `K7Q4MX`. */
export function bookingCode(): string {
  return randomCode(6);
}

/**
 * A medical record number such as `MRN-7KQ4M2XD`. Random rather than sequential so that it reveals neither how many
 * patients the clinic has nor when one registered, and needs no counter row.
 */
export function medicalRecordNumber(): string {
  return `MRN-${randomCode(8)}`;
}

/** The secret in a patient's ticket link: 128 random bits as 22 base64url characters, never typed by hand. */
export function publicCode(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * A typed booking code or record number in the form it is stored in: upper case, no spaces. Look-alikes (0 for O)
 * are not guessed at: the alphabet never issues them, so such a code fails the lookup instead of matching another.
 */
export function normalizeCode(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, '');
}
