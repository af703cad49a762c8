/**
 * The staff panel's one date and time formatter (issue 19): every screen shows instants in the clinic's time zone
 * and locale through these functions, so a time reads the same everywhere ("14:05", "2 Dec 2026, 14:05",
 * "Wed 2 Dec 2026"). The zone is set once the panel has loaded the clinic (`setClinicZone`); until then the
 * browser's zone is used.
 */

/** The locale every staff screen formats with: day before month, 24-hour clock. */
export const CLINIC_LOCALE = 'en-GB';

let zone: string | undefined;
const cache = new Map<string, Intl.DateTimeFormat>();

/** Sets the clinic's IANA zone (from GET /api/clinic). */
export function setClinicZone(timeZone: string): void {
  if (timeZone === zone) return;
  zone = timeZone;
  cache.clear();
}

/** The clinic's zone, once known. */
export function clinicZone(): string | undefined {
  return zone;
}

function formatter(key: string, options: Intl.DateTimeFormatOptions, utc = false): Intl.DateTimeFormat {
  const id = `${key}:${utc ? 'UTC' : (zone ?? '')}`;
  let found = cache.get(id);
  if (!found) {
    found = new Intl.DateTimeFormat(CLINIC_LOCALE, { ...options, timeZone: utc ? 'UTC' : zone });
    cache.set(id, found);
  }
  return found;
}

const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };

/** "14:05" */
export function formatTime(iso: string | Date): string {
  return formatter('time', TIME).format(new Date(iso));
}

/** "2 Dec 2026, 14:05" */
export function formatDateTime(iso: string | Date): string {
  return formatter('datetime', { ...DATE, ...TIME }).format(new Date(iso));
}

/** "2 Dec 2026" for an instant, on the clinic's calendar. */
export function formatDateOf(iso: string | Date): string {
  return formatter('date', DATE).format(new Date(iso));
}

/** "Wed 2 Dec 2026" for a clinic day ('YYYY-MM-DD'), which is a calendar date with no zone. */
export function formatClinicDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return formatter('day', { weekday: 'short', ...DATE }, true).format(new Date(Date.UTC(y, m - 1, d)));
}
