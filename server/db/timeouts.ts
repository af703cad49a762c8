import type { Sequelize } from 'sequelize';

/**
 * How long the server waits for the database before answering 503 `database_unavailable`. Together they keep every
 * request under 5 s when the database hangs (a stopped server, a lost network): a connection is acquired within
 * ACQUIRE (creating one within CONNECT), then a query that has not answered within QUERY is abandoned and its
 * connection destroyed, so the pool heals itself when the database comes back.
 */
export const DATABASE_TIMEOUTS = {
  /**
   * Waiting for a free pooled connection while the database is known to be failing (a query timed out or a
   * connection was lost in the last few seconds, and none has answered since). A healthy database under a burst
   * (200 check-ins at once) is waited for as long as it takes, up to `acquireHardMs`.
   */
  acquireMs: 2_000,
  /** Waiting for a free pooled connection in any case. */
  acquireHardMs: 30_000,
  /** How long one failure keeps the database suspect. */
  suspectMs: 10_000,
  /** Opening a new MySQL connection, handshake included. */
  connectMs: 2_000,
  /** One MySQL query, from sending it to its last row. Migrations run before this applies. */
  queryMs: 2_500,
  /** Waiting for a row lock held by another transaction (MySQL innodb_lock_wait_timeout, whole seconds). */
  lockWaitSeconds: 2,
  /** Waiting for SQLite's write lock held by another process (this process queues its own transactions). */
  sqliteBusyMs: 4_000,
  /** Holding this process's SQLite transaction queue (db/transaction.ts) longer than this counts as hung. */
  transactionTurnMs: 4_000,
} as const;

/** Error codes that mean the database is unreachable or not answering, rather than a mistake in a query. */
export const UNAVAILABLE_CODES: ReadonlySet<string> = new Set([
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTCONN',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'SQLITE_BUSY',
]);

type Callback = (error: (Error & { code?: string }) | null, ...rest: unknown[]) => void;

interface MysqlConnection {
  query(options: unknown, ...rest: unknown[]): unknown;
  execute(options: unknown, ...rest: unknown[]): unknown;
  destroy(): void;
}

/** Per database: the query limit (0 until migrations are done) and until when it counts as failing. */
interface TimeoutState {
  ms: number;
  suspectUntil: number;
}

const queryTimeouts = new WeakMap<Sequelize, TimeoutState>();

interface PoolManager {
  getConnection(options?: unknown): Promise<unknown>;
  releaseConnection(connection: unknown): void;
}

/**
 * Fails a wait for a pooled connection after ACQUIRE once the database is suspect, instead of the pool's hard limit:
 * when it hangs, every pooled connection is stuck in a query, and new requests must hear 503 within 5 s. A
 * connection that arrives after its waiter gave up goes straight back to the pool.
 */
function failFastWhenSuspect(sequelize: Sequelize, state: TimeoutState): void {
  const manager = sequelize.connectionManager as unknown as PoolManager;
  const original = manager.getConnection.bind(manager);
  manager.getConnection = (options?: unknown) => {
    const acquiring = original(options);
    return new Promise((resolve, reject) => {
      let waiting = true;
      const check = () => {
        if (!waiting) return;
        if (performance.now() < state.suspectUntil) {
          waiting = false;
          reject(Object.assign(new Error('The database is not answering; gave up waiting for a connection.'), { code: 'ETIMEDOUT' }));
          return;
        }
        timer = setTimeout(check, 250);
      };
      let timer = setTimeout(check, DATABASE_TIMEOUTS.acquireMs);
      acquiring.then(
        (connection) => {
          clearTimeout(timer);
          if (waiting) {
            waiting = false;
            resolve(connection);
          } else manager.releaseConnection(connection);
        },
        (error: unknown) => {
          clearTimeout(timer);
          if (waiting) {
            waiting = false;
            reject(error);
          }
        },
      );
    });
  };
}

/**
 * Gives every MySQL query a time limit: Sequelize sets none, so a hung server held requests for as long as it hung.
 * A query that times out destroys its connection (mysql2 would otherwise keep it, with the stale reply still to
 * come). The limit is off until {@link enableQueryTimeouts}, so long migrations at start-up are not cut short.
 */
export function installMysqlTimeouts(sequelize: Sequelize): void {
  const setting: TimeoutState = { ms: 0, suspectUntil: 0 };
  queryTimeouts.set(sequelize, setting);
  failFastWhenSuspect(sequelize, setting);
  sequelize.addHook('afterConnect', async (raw: unknown) => {
    const connection = raw as MysqlConnection;
    const wrap = (method: 'query' | 'execute') => {
      const original = connection[method].bind(connection);
      connection[method] = (options: unknown, ...rest: unknown[]) => {
        if (!setting.ms) return original(options, ...rest);
        const withTimeout = typeof options === 'string' ? { sql: options, timeout: setting.ms } : { timeout: setting.ms, ...(options as object) };
        const last = rest.length - 1;
        if (last >= 0 && typeof rest[last] === 'function') {
          const callback = rest[last] as Callback;
          rest[last] = (error: (Error & { code?: string }) | null, ...results: unknown[]) => {
            if (error?.code === 'PROTOCOL_SEQUENCE_TIMEOUT') connection.destroy();
            if (!error) setting.suspectUntil = 0;
            else if (error.code && UNAVAILABLE_CODES.has(error.code)) setting.suspectUntil = performance.now() + DATABASE_TIMEOUTS.suspectMs;
            callback(error, ...results);
          };
        }
        return original(withTimeout, ...rest);
      };
    };
    wrap('query');
    wrap('execute');
    // Lock waits end well before a request's 5 s; InnoDB's default is 50 s.
    await new Promise<void>((resolve, reject) =>
      (connection.query as (sql: string, cb: Callback) => void)(
        `SET SESSION innodb_lock_wait_timeout = ${DATABASE_TIMEOUTS.lockWaitSeconds}`,
        (error) => (error ? reject(error) : resolve()),
      ),
    );
  });
}

/** Turns the MySQL query time limit on (after migrations). */
export function enableQueryTimeouts(sequelize: Sequelize): void {
  const setting = queryTimeouts.get(sequelize);
  if (setting) setting.ms = DATABASE_TIMEOUTS.queryMs;
}
