import type { QueuePriority, QueueStatus } from '../../../common/api';

/** Words for the queue's priority classes, as the desk shows them. */
export const PRIORITY_LABELS: Record<QueuePriority, string> = { emergency: 'Emergency', priority: 'Priority', normal: 'Normal' };

/** Words for where a visit stands. */
export const STATUS_LABELS: Record<QueueStatus, string> = {
  waiting: 'Waiting',
  called: 'Called',
  in_consultation: 'In consultation',
  completed: 'Completed',
  skipped: 'No-show',
  cancelled: 'Cancelled',
  transferred: 'Transferred',
};

/** A length of time in minutes, as "12 min" or "1 h 5 min". */
export function duration(ms: number): string {
  const m = Math.max(0, Math.floor(ms / 60_000));
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** The clinic's clock time of an instant, "14:05" (from the one formatter). */
export { formatTime as clockTime } from '../shared/clinic-format';

/** A fresh key for one check-in attempt (128 random bits), reused if the same attempt is retried. */
export function checkInKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `desk-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
