import { AsyncLocalStorage } from 'node:async_hooks';
import type { Sequelize, Transaction } from 'sequelize';
import { unavailable } from '../errors';
import { DATABASE_TIMEOUTS } from './timeouts';
import { TransactionDeadline, transactionTimedOut } from './transaction-deadline';

const RETRYABLE_MYSQL = new Set([1213 /* deadlock */, 1205 /* lock wait timeout */]);
const MAX_ATTEMPTS = 5;
const RETRY_WINDOW_MS = 1_000;

/** True for errors the MySQL manual (and SQLite's locking) say to answer by running the transaction again. */
export function isRetryable(error: unknown): boolean {
  const parent = (error as { parent?: { errno?: number; code?: string } })?.parent;
  if (!parent) return false;
  return (parent.errno !== undefined && RETRYABLE_MYSQL.has(parent.errno)) || parent.code === 'SQLITE_BUSY';
}

const sqliteQueues = new WeakMap<Sequelize, Promise<unknown>>();
const holdingSqliteTurn = new AsyncLocalStorage<Sequelize>();
/** Transactions holding or waiting for the turn, per database. */
const sqliteWaiting = new WeakMap<Sequelize, number>();
/** When the transaction holding the turn got it (performance.now()), per database. */
const sqliteHeldSince = new WeakMap<Sequelize, number>();

/**
 * SQLite admits one writer at a time, and a connection waiting for the lock sleeps inside one of libuv's worker
 * threads (4 by default). With more transactions waiting than there are threads, the one holding the lock cannot
 * run its next statement until the waiters' busy timeout expires (then SQLITE_BUSY). So this process queues
 * its own SQLite transactions and lets one at a time reach the database; the busy timeout is left for other
 * processes. A transaction started inside another one's work does not wait for itself.
 * A transaction that holds the turn for longer than TRANSACTION_TURN (it hangs) makes everyone waiting behind it
 * answer 503; a long queue of quick transactions (a burst of check-ins) is waited out, however long.
 */
async function sqliteTurn<T>(sequelize: Sequelize, run: () => Promise<T>): Promise<T> {
  if (sequelize.getDialect() !== 'sqlite' || holdingSqliteTurn.getStore() === sequelize) return run();
  const previous = sqliteQueues.get(sequelize) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  sqliteQueues.set(sequelize, previous.then(() => mine));
  const ahead = sqliteWaiting.get(sequelize) ?? 0;
  sqliteWaiting.set(sequelize, ahead + 1);
  try {
    // Nobody ahead (the usual case): no timer to set.
    if (ahead > 0 && !(await turnUnlessHung(sequelize, previous))) {
      // Pass the turn on when it comes, as if this transaction had run.
      void previous.then(release);
      throw unavailable('database_unavailable', 'The clinic database is not answering. Please try again shortly.');
    }
    sqliteHeldSince.set(sequelize, performance.now());
    try {
      return await holdingSqliteTurn.run(sequelize, run);
    } finally {
      sqliteHeldSince.delete(sequelize);
      release();
    }
  } finally {
    sqliteWaiting.set(sequelize, (sqliteWaiting.get(sequelize) ?? 1) - 1);
  }
}

/**
 * True once `turn` comes; false as soon as whoever holds the turn has held it for TRANSACTION_TURN (it hangs). One
 * timer at a time, set for the current holder's deadline.
 */
function turnUnlessHung(sequelize: Sequelize, turn: Promise<unknown>): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const check = () => {
      const since = sqliteHeldSince.get(sequelize);
      const left = since === undefined ? DATABASE_TIMEOUTS.transactionTurnMs : since + DATABASE_TIMEOUTS.transactionTurnMs - performance.now();
      if (left <= 0) resolve(false);
      else timer = setTimeout(check, left);
    };
    check();
    void turn.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Runs `work` in a transaction, re-running it (with jittered back-off) when the database reports a deadlock or
 * lock timeout. `work` must therefore be safe to run again: do side effects only in `transaction.afterCommit`.
 * The whole call, attempts and waits for SQLite's turn included, is bounded (TRANSACTION_TIMEOUT_SECONDS, see
 * transaction-deadline.ts): past it the caller gets 503 `database_busy` and the transaction is rolled back. A
 * lock wait or deadlock that is not re-run answers the same 503. A batch job nobody waits on (the demo seed) may
 * pass a longer `timeoutMs`.
 */
export async function inTransaction<T>(
  sequelize: Sequelize,
  work: (t: Transaction) => Promise<T>,
  options: { timeoutMs?: number } = {},
): Promise<T> {
  const started = performance.now();
  const deadline = new TransactionDeadline(sequelize, options.timeoutMs);
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        return await deadline.race(sqliteTurn(sequelize, () => sequelize.transaction((t) => deadline.guard(t, work))));
      } catch (error) {
        if (!isRetryable(error)) throw error;
        // A deadlock is answered at once and worth re-running; lock-wait and busy time-outs already took seconds, and
        // the request must answer (503) within 5 s, so those are not re-run once RETRY_WINDOW_MS has gone.
        if (attempt >= MAX_ATTEMPTS || performance.now() - started > RETRY_WINDOW_MS) throw givenUp(error);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt));
      }
    }
  } finally {
    deadline.clear();
  }
}

/** MySQL's lock-wait time-out and a deadlock that kept coming back answer 503 (was 500); SQLite's busy stays as is. */
function givenUp(error: unknown): unknown {
  const errno = (error as { parent?: { errno?: number } }).parent?.errno;
  return errno !== undefined && RETRYABLE_MYSQL.has(errno) ? transactionTimedOut() : error;
}
