/**
 * Small helpers of the report and audit screens: clinic days in the clinic's zone, and minutes in words.
 */

/** The clinic day ('YYYY-MM-DD') of `at` in `timeZone`. */
export function dayIn(timeZone: string, at: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The day `days` after `day` (negative: before), on the calendar, whatever the zone. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A day for people: "Wed 15 Jul 2026". */
export function longDay(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** "From ... to ...", or one day. */
export function rangeInWords(from: string, to: string): string {
  return from === to ? longDay(from) : `${longDay(from)} to ${longDay(to)}`;
}

/** Minutes with one decimal and a unit, or a dash when there is nothing to average. */
export function minutes(value: number | null): string {
  return value === null ? '–' : `${value.toLocaleString('en-GB', { maximumFractionDigits: 1 })} min`;
}

/** An hour of the day as a range: 9 -> "09:00–09:59". */
export function hourRange(hour: number): string {
  const h = String(hour).padStart(2, '0');
  return `${h}:00–${h}:59`;
}

/** A moment in the clinic's zone: "15 Jul 2026, 09:41". */
export function when(iso: string, timeZone: string | undefined): string {
  return new Date(iso).toLocaleString('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
