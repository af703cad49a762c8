import { UniqueConstraintError, ValidationError } from 'sequelize';
import type { Department, DoctorProfile, QueueEntry } from '../../models';
import { issueEntries, type NewEntry } from './check-in';
import { queueTransaction, type QueueContext } from './context';
import type { CheckedIn } from './idempotency';

/** The most walk-ins one transaction takes: a rush beyond this is written in several. */
const MAX_BATCH = 100;

/** An anonymous walk-in ready to be written: its columns (the check-in time is the write's), department and doctor. */
export interface BatchedWalkIn {
  values: Omit<NewEntry, 'checkedInAt'> & { idempotencyKey: string };
  department: Department;
  doctor: DoctorProfile | null;
}

interface Pending {
  walkIn: BatchedWalkIn;
  resolve(entry: QueueEntry): void;
  reject(error: unknown): void;
}

/**
 * GROUP COMMIT for anonymous walk-ins. Check-ins of one department are serialised by its counter row anyway, so
 * while one department's transaction runs, the walk-ins that arrive meanwhile wait here and are then written
 * together: one counter increment by their number and one multi-row insert, in arrival order. A lone walk-in is
 * written after one turn of the event loop (nothing waits for a batch to fill); under a rush each transaction
 * carries what arrived during the previous one, which is what lets a 2-core server take hundreds of check-ins a
 * second on one department.
 *
 * Every walk-in still gets its own answer:
 * - a retry of a walk-in still waiting here or being written (a double tap, a kiosk's retry after a time-out) gets
 *   the same ticket when it is written, as a retry (created: false), and writes nothing;
 * - a batch refused because of one row (a key another server already used) is written again one walk-in at a time,
 *   so that row cannot fail the others and gets its own answer; any other failure (the database away, a lock
 *   time-out) fails the whole batch at once, rather than repeating it row by row.
 * Walk-ins that name a patient are not batched (they check the patient and write an audit row).
 */
export class WalkInBatches {
  /** Department id -> walk-ins waiting for the next transaction; present while one is being written. */
  private readonly waiting = new Map<number, Pending[]>();
  /** Idempotency key -> the walk-in with that key, from when it is queued until its batch has settled. */
  private readonly byKey = new Map<string, Promise<QueueEntry>>();
  private readonly drains = new Set<Promise<void>>();

  constructor(private readonly ctx: QueueContext) {}

  /** The walk-in's entry once its batch has committed (it is in the live model by then). */
  async issue(walkIn: BatchedWalkIn): Promise<CheckedIn> {
    const key = walkIn.values.idempotencyKey;
    const earlier = this.byKey.get(key);
    if (earlier) return { entry: await earlier, created: false };
    const promise = new Promise<QueueEntry>((resolve, reject) => {
      const departmentId = walkIn.department.id;
      const pending = { walkIn, resolve, reject };
      const queue = this.waiting.get(departmentId);
      if (queue) {
        queue.push(pending);
        return;
      }
      this.waiting.set(departmentId, [pending]);
      // One turn of the event loop first, so the requests that arrived in the same turn share this transaction
      // rather than waiting for the next one (it costs a lone check-in well under a millisecond).
      setImmediate(() => {
        const drain = this.drain(departmentId);
        this.drains.add(drain);
        void drain.finally(() => this.drains.delete(drain));
      });
    });
    this.byKey.set(key, promise);
    const forget = () => this.byKey.delete(key);
    promise.then(forget, forget);
    return { entry: await promise, created: true };
  }

  /** Resolves once every walk-in queued so far has been written or refused (for an orderly shutdown). */
  async idle(): Promise<void> {
    while (this.drains.size) await Promise.all([...this.drains]);
  }

  /** Writes the department's waiting walk-ins, batch after batch, until none are left. */
  private async drain(departmentId: number): Promise<void> {
    const queue = this.waiting.get(departmentId)!;
    while (queue.length) await this.settle(queue.splice(0, MAX_BATCH));
    this.waiting.delete(departmentId);
  }

  private async settle(batch: Pending[]): Promise<void> {
    try {
      const entries = await this.write(batch.map((p) => p.walkIn));
      batch.forEach((p, i) => p.resolve(entries[i]));
    } catch (error) {
      if (batch.length === 1 || !(error instanceof UniqueConstraintError || error instanceof ValidationError)) {
        for (const p of batch) p.reject(error);
        return;
      }
      for (const p of batch) {
        try {
          p.resolve((await this.write([p.walkIn]))[0]);
        } catch (own) {
          p.reject(own);
        }
      }
    }
  }

  private write(walkIns: BatchedWalkIn[]): Promise<QueueEntry[]> {
    return queueTransaction(this.ctx, async (transaction) => {
      const now = this.ctx.now();
      const entries = await issueEntries(
        this.ctx,
        walkIns.map((w) => ({ ...w.values, checkedInAt: now })),
        now,
        transaction,
      );
      entries.forEach((entry, i) => {
        entry.department = walkIns[i].department;
        entry.doctor = walkIns[i].doctor;
        entry.patient = null;
        entry.appointment = null;
      });
      this.ctx.notifier.changed(transaction, { departmentIds: [walkIns[0].department.id], entries });
      return entries;
    });
  }
}
