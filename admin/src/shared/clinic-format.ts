/**
 * The staff panel's side of the one date and time formatter (common/clinic-format.ts, issue 19): the same functions
 * with the clinic's zone filled in, so every screen shows instants in the clinic's time zone and locale ("14:05",
 * "2 Dec 2026, 14:05", "Wed 2 Dec 2026"). The zone is set once the panel has loaded the clinic (`setClinicZone`);
 * until then the browser's zone is used.
 */
import * as shared from '../../../common/clinic-format';

export { CLINIC_LOCALE, formatCalendarDate, formatClinicDay, formatCsvDay, formatDay, formatDayHeading, formatHour, formatHourRange, timeInputValue } from '../../../common/clinic-format';

let zone: string | undefined;

/** Sets the clinic's IANA zone (from GET /api/clinic). */
export function setClinicZone(timeZone: string): void {
  zone = timeZone;
}

/** The clinic's zone, once known; else the browser's. */
export function clinicZone(): string {
  return zone ?? shared.localTimeZone();
}

/** "14:05" in the clinic's zone. */
export function formatTime(instant: shared.Instant, timeZone = zone): string {
  return shared.formatTime(instant, timeZone);
}

/** "2 Dec 2026, 14:05" in the clinic's zone. */
export function formatDateTime(instant: shared.Instant, timeZone = zone): string {
  return shared.formatDateTime(instant, timeZone);
}

/** "2 Dec 2026": the clinic's calendar date of an instant. */
export function formatDateOf(instant: shared.Instant, timeZone = zone): string {
  return shared.formatDateOf(instant, timeZone);
}

/** "Monday 1 December 2026 at 09:30" in the clinic's zone. */
export function formatInstant(instant: shared.Instant, timeZone = zone): string {
  return shared.formatInstant(instant, timeZone);
}

/** Today's clinic day ('YYYY-MM-DD'), or the day of `at`. */
export function clinicDay(at: Date = new Date(), timeZone = zone): string {
  return shared.dayInZone(at, timeZone);
}

/** The hour of the day (0-23) in the clinic's zone now, or at `at`. */
export function clinicHour(at: Date = new Date()): number {
  return shared.hourInZone(at, zone);
}
