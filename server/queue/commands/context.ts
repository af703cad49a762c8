import type { Sequelize, Transaction } from 'sequelize';
import { inTransaction } from '../../db/transaction';
import type { LiveQueue } from '../read-model/live-queue';
import type { WalkInBatches } from './walk-in-batches';
import { asQueueCommand } from '../read-model/watch';
import type { QueueNotifier } from '../types';
import type { PhoneCountrySource } from '../../services/phone';

/** What every queue operation runs with: the database, the clinic's zone, whom to tell, and the clock. */
export interface QueueContext {
  sequelize: Sequelize;
  /** The clinic's IANA time zone: clinic days (token numbering, "today") and the times in messages follow it. */
  timeZone: string;
  /** The country phone numbers typed without a country code belong to (absent: the time zone's). */
  country?: PhoneCountrySource;
  notifier: QueueNotifier;
  /** Injected so tests can move the clock (a new clinic day, a slot that has come). */
  now: () => Date;
  /**
   * The live read model, when the engine runs inside the app: it answers "who is next" and "was this key used"
   * from memory. Without it (some tests) the same questions go to the database.
   */
  live?: LiveQueue;
  /** Anonymous walk-ins written together per department (group commit); only with the live model. */
  batches?: WalkInBatches;
  /**
   * Awaited at the end of every queue command's transaction, before it commits: writes what must commit with the
   * change (the webhook outbox, server/webhooks/queue-events.ts).
   */
  beforeCommit?: (transaction: Transaction) => Promise<void>;
}

/**
 * Runs one queue command's transaction (re-run on deadlock, see inTransaction). Its queue-entry writes reach the
 * live read model as the rows it hands to the notifier, so the model's write watcher leaves them alone.
 */
export function queueTransaction<T>(ctx: QueueContext, work: (transaction: Transaction) => Promise<T>): Promise<T> {
  return asQueueCommand(ctx.live ?? null, () =>
    inTransaction(ctx.sequelize, async (transaction) => {
      const result = await work(transaction);
      await ctx.beforeCommit?.(transaction);
      return result;
    }),
  );
}
