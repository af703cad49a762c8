/**
 * Small helpers of the report and audit screens: clinic days in the clinic's zone, and minutes in words. Dates and
 * times come from the one formatter (clinic-format.ts).
 */

import { clinicDay, formatClinicDay, formatDateTime, formatHourRange } from '../shared/clinic-format';

/** The clinic day ('YYYY-MM-DD') of `at` in `timeZone`. */
export function dayIn(timeZone: string, at: Date = new Date()): string {
  return clinicDay(at, timeZone);
}

/** The day `days` after `day` (negative: before), on the calendar, whatever the zone. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A day for people: "Wed 15 Jul 2026". */
export function longDay(day: string): string {
  return formatClinicDay(day);
}

/** "From ... to ...", or one day. */
export function rangeInWords(from: string, to: string): string {
  return from === to ? longDay(from) : `${longDay(from)} to ${longDay(to)}`;
}

const ONE_DECIMAL = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** Minutes with one decimal and a unit, or a dash when there is nothing to average. */
export function minutes(value: number | null): string {
  return value === null ? '–' : `${ONE_DECIMAL.format(value)} min`;
}

/** An hour of the day as a range: 9 -> "09:00–09:59". */
export function hourRange(hour: number): string {
  return formatHourRange(hour);
}

/** A moment in the clinic's zone: "15 Jul 2026, 09:41". */
export function when(iso: string, timeZone: string | undefined): string {
  return formatDateTime(iso, timeZone);
}
