/**
 * THE WAIT ESTIMATE. Every ETA the screens show is computed here, on the server, and nowhere else.
 *
 * - A doctor's pace is the mean length of their last ROLLING_WINDOW consultations completed today (from the start
 *   of the consultation, or from the call when it was completed without being started, to completion). Before
 *   their first completed consultation of the day it is their configured consultation minutes.
 * - An entry for a named doctor waits for the patients ahead of it in that doctor's calling order (their own and
 *   their department's shared entries), one pace each: ahead x pace.
 * - An entry for "any doctor" waits for the patients ahead of it in the department's calling order, shared among
 *   the doctors serving the department now: ahead x (mean pace of those doctors) / (how many they are). A doctor
 *   serves now when their weekly availability today covers this moment and they have no exception (leave) today;
 *   when nobody does (before opening, a schedule not entered yet), all the department's doctors count.
 * - Rounded to whole minutes. The patient currently with the doctor is not counted as ahead.
 */

/** How many of today's latest consultations a doctor's pace is averaged over. */
export const ROLLING_WINDOW = 10;

/** The pace assumed when there is no doctor to take one from (a department without doctors). */
export const DEFAULT_CONSULTATION_MINUTES = 15;

/** From the start of the consultation (or the call, when it was never started) to completion, in minutes. */
export function consultationLength(entry: {
  consultationStartedAt: Date | null;
  calledAt: Date | null;
  completedAt: Date | null;
}): number | null {
  const start = entry.consultationStartedAt ?? entry.calledAt;
  if (!start || !entry.completedAt) return null;
  const minutes = (entry.completedAt.getTime() - start.getTime()) / 60_000;
  return minutes >= 0 ? minutes : null;
}

/** A doctor's pace: the mean of the latest ROLLING_WINDOW of `durations` (minutes, oldest first), else `configured`. */
export function paceMinutes(durations: readonly number[], configured: number): number {
  const recent = durations.slice(-ROLLING_WINDOW);
  if (!recent.length) return configured;
  return recent.reduce((sum, d) => sum + d, 0) / recent.length;
}

/** The estimate for an entry with a named doctor: `ahead` patients at that doctor's pace. */
export function namedDoctorEta(ahead: number, pace: number): number {
  return Math.round(ahead * pace);
}

/** The estimate for an "any doctor" entry: `ahead` patients shared among the doctors serving now (their paces). */
export function anyDoctorEta(ahead: number, servingPaces: readonly number[]): number {
  const paces = servingPaces.length ? servingPaces : [DEFAULT_CONSULTATION_MINUTES];
  const mean = paces.reduce((sum, p) => sum + p, 0) / paces.length;
  return Math.round((ahead * mean) / paces.length);
}

/**
 * Whether a doctor serves at local time `time` ('HH:MM') of a clinic day, given that day's availability intervals
 * and whether an exception (leave) covers the day.
 */
export function servesAt(
  intervals: ReadonlyArray<{ startTime: string; endTime: string }>,
  onLeave: boolean,
  time: string,
): boolean {
  return !onLeave && intervals.some((i) => i.startTime <= time && time < i.endTime);
}

/** The range shown around an estimate (common/wait-range.ts, which the screens use too). */
export { waitRange as etaRange } from '../../../common/wait-range';

/** How many of today's consultations a doctor's usual pace (from recent days) weighs as, when both are known. */
export const HISTORY_WEIGHT = 10;

/**
 * A doctor's cycle for the forecast (rules/forecast.ts), in minutes from one call to the next. Without history it is
 * their pace today (paceMinutes). With history, today's latest consultations are blended with the usual pace (which
 * counts as HISTORY_WEIGHT consultations, so a slow first patient does not double every estimate), and the usual
 * time around each consultation (walk to the room, no-shows, transfers) is added.
 */
export function cycleMinutes(
  today: readonly number[],
  configured: number,
  history: { consultMinutes: number; cycleMinutes: number } | undefined,
): number {
  if (!history) return paceMinutes(today, configured);
  const recent = today.slice(-ROLLING_WINDOW);
  const consult = (recent.reduce((sum, d) => sum + d, 0) + HISTORY_WEIGHT * history.consultMinutes) / (recent.length + HISTORY_WEIGHT);
  return consult + Math.max(0, history.cycleMinutes - history.consultMinutes);
}
