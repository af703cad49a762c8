import type { Department, DoctorProfile, QueueEntry } from '../../models';
import { issueEntries, type NewEntry } from './check-in';
import { queueTransaction, type QueueContext } from './context';

/** The most walk-ins one transaction takes: a rush beyond this is written in several. */
const MAX_BATCH = 100;

/** An anonymous walk-in ready to be written: its columns (the check-in time is the write's), department and doctor. */
export interface BatchedWalkIn {
  values: Omit<NewEntry, 'checkedInAt'>;
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
 * written at once (nothing waits for a batch to fill); under a rush each transaction carries what arrived during
 * the previous one, which is what lets a 2-core server take hundreds of check-ins a second on one department.
 *
 * Every walk-in still gets its own answer: if the batch fails (a retry whose key another server already used, say),
 * each of its walk-ins is written again on its own, so one bad row cannot fail the others and each gets its own
 * error. Walk-ins that name a patient are not batched (they check the patient and write an audit row).
 */
export class WalkInBatches {
  /** Department id -> walk-ins waiting for the next transaction; present while one is being written. */
  private readonly waiting = new Map<number, Pending[]>();

  constructor(private readonly ctx: QueueContext) {}

  /** The walk-in's entry once its batch has committed (it is in the live model by then). */
  issue(walkIn: BatchedWalkIn): Promise<QueueEntry> {
    return new Promise((resolve, reject) => {
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
      setImmediate(() => void this.drain(departmentId));
    });
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
      if (batch.length === 1) return batch[0].reject(error);
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
