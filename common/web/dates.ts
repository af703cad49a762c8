/**
 * Clinic days ('YYYY-MM-DD') for the browser: stepping days and finding a week's Monday. Days are calendar dates, so
 * they are stepped in UTC, where no day is ever 23 or 25 hours long. The words screens show come from the one
 * formatter, common/clinic-format.ts; the formatting functions are re-exported here for the pages that import them
 * from this module.
 */
export { dayInZone, formatDay, formatInstant } from '../clinic-format';

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
