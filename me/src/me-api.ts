import { ApiError } from '../../common/web/api';
import type { BookLocale } from '../../book/src/locale';

/** A refusal in the patient's words: the dashboard's own for sign-in, else the booking page's (book/src/locale.ts). */
export function problem(locale: BookLocale, error: unknown): string {
  if (!(error instanceof ApiError)) throw error;
  const me = locale.texts.me;
  if (error.id === 'invalid_code') return me.invalidCode;
  if (error.id === 'too_many_attempts') return me.tooMany;
  return locale.error(error);
}

/** Fired by a section when the server says the patient is no longer signed in. */
export const SIGNED_OUT = 'me-signed-out';

/** True for the answers that mean "sign in again". */
export function signedOut(error: unknown): boolean {
  return error instanceof ApiError && (error.id === 'not_signed_in' || error.id === 'session_expired');
}

/**
 * Runs a section's request: a lost session signs the page out (an event the page element handles); any other
 * refusal is returned in the patient's words, and is also handed to `onRefused` (the error itself), '' on success.
 */
export async function attempt(host: HTMLElement, locale: BookLocale, work: () => Promise<void>, onRefused?: (error: unknown) => void): Promise<string> {
  try {
    await work();
    return '';
  } catch (error) {
    onRefused?.(error);
    if (!signedOut(error)) return problem(locale, error);
    host.dispatchEvent(new CustomEvent(SIGNED_OUT, { bubbles: true, composed: true }));
    return '';
  }
}
