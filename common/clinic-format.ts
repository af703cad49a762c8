/**
 * The one date and time formatter of MediQueue (issue 19): every staff screen, the server's print pages and patient
 * pages, and the CSV exports write dates and times through these functions, so a time reads the same everywhere.
 * They are plain `Intl.DateTimeFormat` calls with the clinic's locale (British English: day before month, 24-hour
 * clock) and time zone, and run alike in Node and in the browser. The staff panel wraps them with the clinic's zone
 * (admin/src/shared/clinic-format.ts); the server passes `config.clinicTimeZone`. test/server/date-formatting.test.ts
 * fails if a screen, presenter or template formats a date any other way.
 *
 * Shapes: "14:05" (time), "2 Dec 2026" (date), "2 Dec 2026, 14:05" (date and time), "Wed 2 Dec 2026" (a clinic day
 * with its weekday), "Mon 1 Dec" (a calendar column), "Monday 1 December 2026" (a heading or a letter), and
 * "2026-12-02" in CSV files, which spreadsheets sort and read in any language.
 */

/** The locale staff screens format with: day before month, 24-hour clock. */
export const CLINIC_LOCALE = 'en-GB';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(options: Intl.DateTimeFormatOptions, timeZone: string | undefined, locale: string | undefined): Intl.DateTimeFormat {
  const key = `${locale ?? CLINIC_LOCALE}|${timeZone ?? ''}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale ?? CLINIC_LOCALE, { ...options, timeZone });
    cache.set(key, found);
  }
  return found;
}

/**
 * Formats `date`; in the clinic's locale a weekday is followed by a space, never a comma ("Tue 8 Dec 2026"), whatever
 * the ICU version: Node's and Chromium's disagree on that comma, and the server and the screens must read alike.
 */
function format(options: Intl.DateTimeFormatOptions, timeZone: string | undefined, locale: string | undefined, date: Date): string {
  const f = formatter(options, timeZone, locale);
  if (!options.weekday || (locale ?? CLINIC_LOCALE) !== CLINIC_LOCALE) return f.format(date);
  return f
    .formatToParts(date)
    .map((part, i, parts) => (part.type === 'literal' && parts[i - 1]?.type === 'weekday' ? ' ' : part.value))
    .join('');
}

/** An instant as the formatters take it: an ISO string or a Date. */
export type Instant = string | Date;

const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
/** Clinic days are calendar dates with no zone: they are formatted as noon UTC in UTC, so no zone moves them. */
const DAY_ZONE = 'UTC';

function dayAsDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
}

/** "14:05": the clock time of an instant in `timeZone` (undefined: the machine's zone). */
export function formatTime(instant: Instant, timeZone?: string, locale?: string): string {
  return formatter(TIME, timeZone, locale).format(new Date(instant));
}

/** "2 Dec 2026, 14:05" */
export function formatDateTime(instant: Instant, timeZone?: string, locale?: string): string {
  return formatter({ ...DATE, ...TIME }, timeZone, locale).format(new Date(instant));
}

/** "2 Dec 2026": the clinic's calendar date of an instant. */
export function formatDateOf(instant: Instant, timeZone?: string, locale?: string): string {
  return formatter(DATE, timeZone, locale).format(new Date(instant));
}

/** "2 Dec 1980": a calendar date ('YYYY-MM-DD', e.g. a birth date) without its weekday. */
export function formatCalendarDate(day: string, locale?: string): string {
  return formatter(DATE, DAY_ZONE, locale).format(dayAsDate(day));
}

/** "Wed 2 Dec 2026": a clinic day ('YYYY-MM-DD') with its weekday. */
export function formatClinicDay(day: string, locale?: string): string {
  return format({ weekday: 'short', ...DATE }, DAY_ZONE, locale, dayAsDate(day));
}

/**
 * A clinic day in words: 'Mon 1 Dec' (`short`, a calendar column), 'Monday 1 December' (`medium`), 'Monday 1
 * December 2026' (`long`, headings and letters).
 */
export function formatDay(day: string, style: 'long' | 'medium' | 'short' = 'medium', locale?: string): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'short'
      ? { weekday: 'short', day: 'numeric', month: 'short' }
      : { weekday: 'long', day: 'numeric', month: 'long', ...(style === 'long' ? { year: 'numeric' } : {}) };
  return format(options, DAY_ZONE, locale, dayAsDate(day));
}

/** A calendar column's heading in two lines, weekday and date: { weekday: "Mon", date: "1 Dec" }. */
export function formatDayHeading(day: string, locale?: string): { weekday: string; date: string } {
  return {
    weekday: formatter({ weekday: 'short' }, DAY_ZONE, locale).format(dayAsDate(day)),
    date: formatter({ day: 'numeric', month: 'short' }, DAY_ZONE, locale).format(dayAsDate(day)),
  };
}

/** "Monday 1 December 2026 at 09:30": an instant as a heading or a letter says it. */
export function formatInstant(instant: Instant, timeZone?: string, locale?: string): string {
  return `${formatDay(dayInZone(new Date(instant), timeZone), 'long', locale)} at ${formatTime(instant, timeZone, locale)}`;
}

/** "09:00": an hour of the day (0-23) as a clock time. */
export function formatHour(hour: number): string {
  return formatTime(new Date(Date.UTC(2000, 0, 1, hour)), DAY_ZONE);
}

/** "09:00–09:59": the hour of the day `hour` as a range (report charts and tables). */
export function formatHourRange(hour: number): string {
  return `${formatHour(hour)}–${formatTime(new Date(Date.UTC(2000, 0, 1, hour, 59)), DAY_ZONE)}`;
}

/** "09:30": the value an `<input type="time">` takes for `hour` and `minute` (a wire format, not for reading). */
export function timeInputValue(hour: number, minute: number): string {
  return formatTime(new Date(Date.UTC(2000, 0, 1, hour, minute)), DAY_ZONE);
}

/** "2026-12-02": a clinic day as a CSV cell (ISO 8601, which spreadsheets sort and read in any language). */
export function formatCsvDay(day: string): string {
  return dayInZone(dayAsDate(day), DAY_ZONE);
}

/**
 * "Tuesday 8 December": a date in words without the year, in `locale` (the patient's language on the kiosk and the
 * TV display; the clinic's by default).
 */
export function formatWeekdayDate(instant: Instant, timeZone?: string, locale?: string): string {
  return format({ weekday: 'long', day: 'numeric', month: 'long' }, timeZone, locale, new Date(instant));
}

/** "Monday": the weekday of an instant in `timeZone`, in `locale`. */
export function formatWeekday(instant: Instant, timeZone?: string, locale?: string): string {
  return formatter({ weekday: 'long' }, timeZone, locale).format(new Date(instant));
}

/**
 * "14:05", or "2:05 PM" where `locale` writes the time so: a wall clock on a patient screen, in the patient's
 * language (with seconds when asked).
 */
export function formatClockTime(instant: Instant, timeZone?: string, locale?: string, seconds = false): string {
  return formatter({ hour: 'numeric', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) }, timeZone, locale).format(new Date(instant));
}

/** The clinic day ('YYYY-MM-DD') of `instant` in `timeZone`. */
export function dayInZone(instant: Date, timeZone?: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return formatter({ year: 'numeric', month: '2-digit', day: '2-digit' }, timeZone, 'en-CA').format(instant);
}

/** The hour of the day (0-23) of `instant` in `timeZone`. */
export function hourInZone(instant: Date, timeZone?: string): number {
  return Number(formatter({ hour: 'numeric', hourCycle: 'h23' }, timeZone, 'en-GB').format(instant));
}

/** The zone the machine running this code is set to (the browser's, before the clinic's is known). */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** True when `zone` is an IANA time zone this runtime knows ("Europe/Berlin"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
