import type { QueuePriority } from '../../../common/api';
import type { QueueEntry } from '../../models';

/**
 * THE ORDER IN WHICH WAITING PATIENTS ARE CALLED. Written once, here; call next, the positions on every screen and
 * the wait estimates all sort with it, and the README quotes it.
 *
 * 1. Priority class: emergency, then priority (elderly, pregnant, disability), then normal.
 * 2. Within a class, appointment holders whose slot has started (slot start <= now) come before walk-ins and before
 *    appointment holders who arrived early: a booked time is honoured once it has come, but arriving early does not
 *    jump the queue.
 * 3. Then check-in time, earliest first. A transferred patient keeps their original check-in time, and a skipped
 *    patient who returns to the queue keeps theirs, so both get their place back.
 * 4. Then the token's sequence number (and finally the entry id), so equal check-in times still sort the same way
 *    every time.
 */
export interface Orderable {
  priority: QueuePriority;
  checkedInAt: Date;
  sequence: number;
  id?: number;
  /** The start of the booked slot; null for walk-ins. */
  appointmentStartsAt: Date | null;
}

const PRIORITY_RANK: Record<QueuePriority, number> = { emergency: 0, priority: 1, normal: 2 };

/** The sort key of one waiting entry at `now`: compare keys element by element, smaller first. */
export function orderingKey(item: Orderable, now: Date): [number, number, number, number, number] {
  const due = item.appointmentStartsAt !== null && item.appointmentStartsAt.getTime() <= now.getTime();
  return [PRIORITY_RANK[item.priority], due ? 0 : 1, item.checkedInAt.getTime(), item.sequence, item.id ?? 0];
}

/** Compares two waiting entries by the ordering rule at `now`: negative when `a` is called before `b`. */
export function compareForCalling(a: Orderable, b: Orderable, now: Date): number {
  const ka = orderingKey(a, now);
  const kb = orderingKey(b, now);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
  return 0;
}

/**
 * A queue entry seen through the ordering rule. The slot start is read from `entry.appointment.slot`, so load the
 * entries with that include (an entry whose appointment was not loaded counts as a walk-in).
 */
export function orderableOf(entry: QueueEntry): Orderable {
  return {
    priority: entry.priority,
    checkedInAt: entry.checkedInAt,
    sequence: entry.sequence,
    id: entry.id,
    appointmentStartsAt: entry.appointment?.slot?.startsAt ?? null,
  };
}

/** A sorted copy of `entries` in calling order at `now`. */
export function sortForCalling<T extends QueueEntry>(entries: readonly T[], now: Date): T[] {
  return [...entries].sort((a, b) => compareForCalling(orderableOf(a), orderableOf(b), now));
}
