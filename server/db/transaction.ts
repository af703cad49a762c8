import type { Sequelize, Transaction } from 'sequelize';

const RETRYABLE_MYSQL = new Set([1213 /* deadlock */, 1205 /* lock wait timeout */]);
const MAX_ATTEMPTS = 5;

/** True for errors the MySQL manual (and SQLite's locking) say to answer by running the transaction again. */
export function isRetryable(error: unknown): boolean {
  const parent = (error as { parent?: { errno?: number; code?: string } })?.parent;
  if (!parent) return false;
  return (parent.errno !== undefined && RETRYABLE_MYSQL.has(parent.errno)) || parent.code === 'SQLITE_BUSY';
}

/**
 * Runs `work` in a transaction, re-running it (with jittered back-off) when the database reports a deadlock or
 * lock timeout. `work` must therefore be safe to run again: do side effects only in `transaction.afterCommit`.
 */
export async function inTransaction<T>(sequelize: Sequelize, work: (t: Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await sequelize.transaction(work);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt));
    }
  }
}
