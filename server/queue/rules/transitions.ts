import type { QueueStatus } from '../../../common/api';
import { conflict } from '../../errors';
import type { QueueEntry } from '../../models';

/** The steps of a visit, as the staff console and the patient's ticket page name them. */
export const QUEUE_STEPS = [
  'call',
  'recall',
  'skip',
  'return_to_queue',
  'start_consultation',
  'complete',
  'transfer',
  'cancel',
] as const;
export type QueueStep = (typeof QUEUE_STEPS)[number];

/**
 * The state machine of a queue entry: for each status, the steps allowed from it and the status each leads to.
 * Anything not listed is refused. completed, cancelled and transferred are final (a transfer continues the visit in a
 * new entry, see steps.ts).
 */
export const TRANSITIONS: Readonly<Record<QueueStatus, Readonly<Partial<Record<QueueStep, QueueStatus>>>>> = {
  waiting: { call: 'called', cancel: 'cancelled', transfer: 'transferred' },
  called: {
    recall: 'called',
    start_consultation: 'in_consultation',
    skip: 'skipped',
    complete: 'completed',
    transfer: 'transferred',
    cancel: 'cancelled',
  },
  in_consultation: { complete: 'completed', transfer: 'transferred' },
  skipped: { return_to_queue: 'waiting', cancel: 'cancelled' },
  completed: {},
  cancelled: {},
  transferred: {},
};

/** The status `step` leads to from `status`, or null when the step is not allowed there. */
export function targetOf(status: QueueStatus, step: QueueStep): QueueStatus | null {
  return TRANSITIONS[status][step] ?? null;
}

const STATUS_WORDS: Record<QueueStatus, string> = {
  waiting: 'is still waiting',
  called: 'has already been called',
  in_consultation: 'is already in consultation',
  completed: 'has already been completed',
  skipped: 'was marked as a no-show',
  cancelled: 'has been cancelled',
  transferred: 'has been transferred',
};

const STEP_WORDS: Record<QueueStep, string> = {
  call: 'it cannot be called',
  recall: 'it cannot be recalled',
  skip: 'it cannot be marked as a no-show',
  return_to_queue: 'it cannot be returned to the queue',
  start_consultation: 'the consultation cannot start',
  complete: 'it cannot be completed',
  transfer: 'it cannot be transferred',
  cancel: 'it cannot be cancelled',
};

/** Throws 409 `invalid_transition` in plain words unless `step` is allowed from the entry's status. */
export function assertStep(entry: { status: QueueStatus; token: string }, step: QueueStep): QueueStatus {
  const target = targetOf(entry.status, step);
  if (!target) {
    throw conflict('invalid_transition', `${entry.token} ${STATUS_WORDS[entry.status]}, so ${STEP_WORDS[step]}.`);
  }
  return target;
}

/** The columns a step writes. */
export type StepChanges = Partial<
  Pick<
    QueueEntry,
    | 'status'
    | 'calledAt'
    | 'firstCalledAt'
    | 'recallCount'
    | 'consultationStartedAt'
    | 'completedAt'
    | 'skippedAt'
    | 'cancelledAt'
    | 'transferredAt'
  >
>;

/**
 * What `step` changes on `entry` at `now`, after checking it is allowed. Every step stamps its time; return to the
 * queue changes only the status, because keeping the original check-in time is what gives the patient their place
 * back (its moment is in the audit trail).
 * A call restarts the recall count: the count says how often *this* call was announced again, which displays show.
 */
export function stepChanges(
  entry: { status: QueueStatus; token: string; recallCount: number; firstCalledAt: Date | null },
  step: QueueStep,
  now: Date,
): StepChanges {
  const status = assertStep(entry, step);
  switch (step) {
    case 'call':
      return { status, calledAt: now, firstCalledAt: entry.firstCalledAt ?? now, recallCount: 0 };
    case 'recall':
      return { status, calledAt: now, recallCount: entry.recallCount + 1 };
    case 'skip':
      return { status, skippedAt: now };
    case 'return_to_queue':
      return { status };
    case 'start_consultation':
      return { status, consultationStartedAt: now };
    case 'complete':
      return { status, completedAt: now };
    case 'transfer':
      return { status, transferredAt: now };
    case 'cancel':
      return { status, cancelledAt: now };
  }
}

/** Applies `step` to the entry in memory (checked and stamped); the caller saves it, which bumps `version`. */
export function applyStep(entry: QueueEntry, step: QueueStep, now: Date): void {
  entry.set(stepChanges(entry, step, now));
}
