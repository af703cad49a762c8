/**
 * Clinic days ('YYYY-MM-DD') and times for the browser: what day it is in the clinic's zone, stepping days, and the
 * words screens show ("Monday 1 December"). Days are calendar dates, so they are stepped in UTC, where no day is
 * ever 23 or 25 hours long.
 */

/** The clinic day of `instant` in `zone`. */
export function dayInZone(instant: Date, zone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** `day` plus `days` (negative to go back). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The Monday of `day`'s week. */
export function mondayOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/**
 * 'Monday 1 December 2026' (`style` long), 'Mon 1 Dec' (short), 'Monday 1 December' (medium), in `locale`
 * (British English unless a patient page asks for its language).
 */
export function formatDay(day: string, style: 'long' | 'medium' | 'short' = 'medium', locale = 'en-GB'): string {
  const [y, m, d] = day.split('-').map(Number);
  const options: Intl.DateTimeFormatOptions =
    style === 'short'
      ? { weekday: 'short', day: 'numeric', month: 'short' }
      : { weekday: 'long', day: 'numeric', month: 'long', ...(style === 'long' ? { year: 'numeric' } : {}) };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** 'HH:MM' of `iso` in `zone`. */
export function timeInZone(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** 'Monday 1 December 2026 at 09:30' for an instant in `zone`. */
export function formatInstant(iso: string, zone: string): string {
  return `${formatDay(dayInZone(new Date(iso), zone), 'long')} at ${timeInZone(iso, zone)}`;
}

/** '1 December 1980': a date without its weekday (birth dates). */
export function formatDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
