import type { Sequelize, Transaction } from 'sequelize';
import { unavailable } from '../errors';

/** The bound when no server set one (scripts): TRANSACTION_TIMEOUT_SECONDS' default. */
const DEFAULT_LIMIT_MS = 10_000;

/** Per database: how long one transaction (all its attempts) may take. */
const limits = new WeakMap<Sequelize, number>();

/**
 * Bounds every transaction on `sequelize` to `ms` (the server sets TRANSACTION_TIMEOUT_SECONDS at start-up).
 * Returns a function that puts the previous bound back (tests share one database between servers).
 */
export function limitTransactions(sequelize: Sequelize, ms: number): () => void {
  const previous = limits.get(sequelize);
  limits.set(sequelize, ms);
  return () => {
    if (previous === undefined) limits.delete(sequelize);
    else limits.set(sequelize, previous);
  };
}

/** The 503 a transaction answers when it ran out of time; nothing of it was written. */
export function transactionTimedOut() {
  return unavailable('database_busy', 'The clinic database did not finish this change in time, so nothing was saved. Please try again.');
}

interface Connection {
  /** node-sqlite3: stops the statement in progress (SQLITE_INTERRUPT). */
  interrupt?: () => void;
  /** mysql2: closes the socket; the server rolls back what the connection left open. */
  destroy?: () => void;
}

/**
 * One transaction's time limit, across its attempts. When it expires the caller hears 503 at once and the
 * transaction is abandoned: its statement in progress is stopped (MySQL: the connection is closed, which the server
 * answers with a rollback even in a lock wait; SQLite: the statement is interrupted) and Sequelize rolls it back. A
 * transaction that already returned and is committing is left to finish (the query time-out bounds it), so a 503
 * never hides a change that was saved.
 */
export class TransactionDeadline {
  private expired = false;
  private committing = false;
  private current: Transaction | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly expiry: Promise<never>;

  constructor(
    private readonly sequelize: Sequelize,
    limitMs?: number,
  ) {
    this.expiry = new Promise<never>((_, reject) => {
      this.timer = setTimeout(() => {
        this.expired = true;
        if (this.committing) return;
        this.abandon();
        reject(transactionTimedOut());
      }, limitMs ?? limits.get(sequelize) ?? DEFAULT_LIMIT_MS);
    });
    // Nobody may be racing the expiry when it comes (between attempts): that is not an unhandled failure.
    this.expiry.catch(() => undefined);
  }

  /** Runs `work` inside transaction `t`, unless time is up, and stops waiting for it when time runs out. */
  async guard<T>(t: Transaction, work: (t: Transaction) => Promise<T>): Promise<T> {
    if (this.expired) throw transactionTimedOut();
    this.current = t;
    this.committing = false;
    const result = await Promise.race([work(t), this.expiry]);
    this.committing = true;
    return result;
  }

  /** `attempt`, or the 503 as soon as time runs out (the attempt then finishes its rollback on its own). */
  race<T>(attempt: Promise<T>): Promise<T> {
    return Promise.race([attempt, this.expiry]);
  }

  /** Stops the timer once the transaction is over. */
  clear(): void {
    clearTimeout(this.timer);
  }

  private abandon(): void {
    const t = this.current as (Transaction & { connection?: Connection; finished?: string; forceCleanup(): Promise<void> }) | undefined;
    const connection = t?.connection;
    if (!t || !connection) return;
    if (this.sequelize.getDialect() === 'sqlite') {
      connection.interrupt?.();
      return;
    }
    connection.destroy?.();
    // A ROLLBACK cannot be sent on a closed connection: mark the transaction over (its later queries are refused)
    // and hand the connection back to the pool to be thrown away, as Sequelize does when a rollback fails.
    t.finished = 'rollback';
    void t.forceCleanup().catch(() => undefined);
  }
}
