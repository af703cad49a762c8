import { DateTime } from 'luxon';

/**
 * Time in the clinic's zone. Instants are stored in UTC; schedules are local wall-clock times plus the clinic's IANA
 * zone; a "clinic day" is a 'YYYY-MM-DD' date in that zone. Conversions between them live here and nowhere else.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function parseDay(day: string): DateTime {
  const parsed = DAY.test(day) ? DateTime.fromISO(day, { zone: 'UTC' }) : DateTime.invalid('not YYYY-MM-DD');
  if (!parsed.isValid) throw new RangeError(`Not a date (YYYY-MM-DD): ${JSON.stringify(day)}`);
  return parsed;
}

let lastDay: { minute: number; zone: string; day: string } | null = null;

/**
 * The clinic day ('YYYY-MM-DD') that `instant` falls on in `zone`. The last answer is kept for its minute (zone
 * offsets are whole minutes): the queue asks several times per check-in, and a zone conversion is not free.
 */
export function clinicDay(instant: Date, zone: string): string {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (lastDay?.minute === minute && lastDay.zone === zone) return lastDay.day;
  const local = DateTime.fromJSDate(instant, { zone });
  if (!local.isValid) throw new RangeError(`Unknown time zone: ${zone}`);
  lastDay = { minute, zone, day: local.toISODate()! };
  return lastDay.day;
}

/**
 * The UTC instant of a local wall-clock time on a clinic day. On daylight-saving change days:
 * - a time that does not exist (in the spring gap) moves forward by the length of the gap, so 02:30 on a day that
 *   jumps from 02:00 to 03:00 becomes 03:30 (luxon's behaviour, and Temporal's 'compatible');
 * - a time that happens twice (the repeated autumn hour) means the earlier of the two instants.
 * Slot generation relies on both: it converts interval ends with this and steps through real time in between.
 */
export function localToUtc(day: string, time: string, zone: string): Date {
  parseDay(day);
  if (!TIME.test(time)) throw new RangeError(`Not a time (HH:MM): ${JSON.stringify(time)}`);
  const local = DateTime.fromISO(`${day}T${time}`, { zone });
  if (!local.isValid) throw new RangeError(`Unknown time zone: ${zone}`);
  const candidates = local.getPossibleOffsets();
  return new Date(Math.min(...candidates.map((c) => c.toMillis())));
}

/** The instants a clinic day starts and ends (exclusive) in `zone`; not always 24 hours apart. */
export function clinicDayBounds(day: string, zone: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(day, { zone }).startOf('day');
  if (!start.isValid) throw new RangeError(`Not a date in a known zone: ${day} ${zone}`);
  return { start: start.toJSDate(), end: start.plus({ days: 1 }).startOf('day').toJSDate() };
}

/** `day` moved by `days` calendar days ('2026-03-31' + 1 = '2026-04-01'). */
export function addDays(day: string, days: number): string {
  return parseDay(day).plus({ days }).toISODate()!;
}

/** Every day from `from` to `to`, both included, in order; empty when `to` is before `from`. */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = parseDay(from), end = parseDay(to); d <= end; d = d.plus({ days: 1 })) days.push(d.toISODate()!);
  return days;
}

/** ISO weekday of a date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(day: string): number {
  return parseDay(day).weekday;
}
