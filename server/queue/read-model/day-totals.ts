import type { QueueStats } from '../../../common/api';
import type { QueueEntry } from '../../models';
import { consultationLength } from '../rules/eta';
import { waitLength } from '../rules/timings';

/** What one entry adds to its day's figures. Kept per entry, so a change subtracts the old part and adds the new. */
export interface Contribution {
  doctorId: number | null;
  completed: number;
  /** Check-in to first call, in ms (null when not called yet, or came by transfer). */
  waitMs: number | null;
  /** Consultation length in ms for a completed entry, else null. */
  consultMs: number | null;
}

/** The contribution of `entry` as it is now. */
export function contributionOf(entry: QueueEntry): Contribution {
  const wait = waitLength(entry);
  const consult = entry.status === 'completed' ? consultationLength(entry) : null;
  return {
    doctorId: entry.doctorId ?? null,
    completed: entry.status === 'completed' ? 1 : 0,
    // Whole milliseconds: sums of integers are exact, so the running totals equal a fresh count to the last digit.
    waitMs: wait === null ? null : Math.round(wait * 60_000),
    consultMs: consult === null ? null : Math.round(consult * 60_000),
  };
}

/**
 * Running sums over a day's entries (a department's, or one doctor's within it): completed count, and the sums and
 * counts behind the average wait and consultation. Adding and removing contributions keeps them exact.
 */
export class DayTotals {
  completed = 0;
  private waitSum = 0;
  private waitCount = 0;
  private consultSum = 0;
  private consultCount = 0;

  /** Adds (sign 1) or removes (sign -1) one entry's contribution. */
  add(part: Contribution, sign: 1 | -1): void {
    this.completed += sign * part.completed;
    if (part.waitMs !== null) {
      this.waitSum += sign * part.waitMs;
      this.waitCount += sign;
    }
    if (part.consultMs !== null) {
      this.consultSum += sign * part.consultMs;
      this.consultCount += sign;
    }
  }

  /** The figures, with `waiting` given by the caller; averages in minutes to one decimal, as every screen shows. */
  stats(waiting: number): QueueStats {
    return {
      waiting_count: waiting,
      completed_today: this.completed,
      average_wait_minutes: meanMinutes(this.waitSum, this.waitCount),
      average_consultation_minutes: meanMinutes(this.consultSum, this.consultCount),
    };
  }
}

function meanMinutes(sumMs: number, count: number): number | null {
  return count ? Math.round((sumMs / count / 60_000) * 10) / 10 : null;
}
