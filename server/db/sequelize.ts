import path from 'node:path';
import { Sequelize, Transaction, type Options } from 'sequelize';
import { ROOT_DIR } from '../config';
import type { Logger } from '../logger';
import { DATABASE_TIMEOUTS, installMysqlTimeouts } from './timeouts';

/** Which SQL engine a database URL points at. */
export type Dialect = 'sqlite' | 'mysql';

/** The dialect of a `DATABASE_URL`. */
export function dialectOf(url: string): Dialect {
  return url.startsWith('sqlite:') ? 'sqlite' : 'mysql';
}

/** The file behind a `sqlite:` URL, resolved against the project root (or `:memory:`). */
export function sqliteStorage(url: string): string {
  const file = url.slice('sqlite:'.length);
  return file === ':memory:' ? file : path.resolve(ROOT_DIR, file);
}

interface SqliteConnection {
  configure(option: 'busyTimeout', value: number): void;
  exec(sql: string, callback: (error: Error | null) => void): void;
  close(callback?: (error: Error | null) => void): void;
  uuid?: string;
}

/** Statements that change the schema: the cached column types are dropped when one runs. */
const SCHEMA_CHANGE = /^\s*(CREATE|ALTER|DROP)\b/i;

type Callback = (error: Error | null, rows?: unknown[]) => void;

/**
 * Sequelize's SQLite dialect asks `PRAGMA table_info` of a table before every SELECT from it (to read its column
 * types), so every read is two statements. Answer the repeats from a cache shared by the instance's connections;
 * any statement that changes the schema (a migration) empties it.
 */
function cacheColumnTypes(connection: SqliteConnection, columns: Map<string, unknown[]>): void {
  const raw = connection as unknown as Record<'all' | 'run' | 'exec', (sql: string, ...rest: unknown[]) => unknown>;
  for (const method of ['run', 'exec'] as const) {
    const original = raw[method].bind(connection);
    raw[method] = (sql, ...rest) => {
      if (SCHEMA_CHANGE.test(sql)) columns.clear();
      return original(sql, ...rest);
    };
  }
  const all = raw.all.bind(connection);
  raw.all = (sql, ...rest) => {
    const callback = rest[rest.length - 1] as Callback;
    if (sql.startsWith('PRAGMA table_info(`') && rest.length === 1) {
      const held = columns.get(sql);
      if (held) {
        process.nextTick(callback, null, held);
        return connection;
      }
      return all(sql, (error: Error | null, rows?: unknown[]) => {
        if (!error && rows) columns.set(sql, rows);
        callback(error, rows);
      });
    }
    if (SCHEMA_CHANGE.test(sql)) columns.clear();
    return all(sql, ...rest);
  };
}

/** How many closed transactions' SQLite connections are kept open for the next ones. */
const IDLE_SQLITE_CONNECTIONS = 4;

/**
 * Sequelize opens a new SQLite connection for every transaction and closes it at the end: opening the file, reading
 * the schema and mapping the WAL index each time cost more than a small transaction itself (a large part of the
 * demo history's seeding time). Keep a few of them open and hand them to the next transactions instead; a transaction
 * always ends with COMMIT or ROLLBACK, so a connection goes back clean. They are closed with the database.
 */
function reuseSqliteConnections(sequelize: Sequelize): void {
  const manager = sequelize.connectionManager as unknown as {
    connections: Record<string, SqliteConnection>;
    getConnection(options?: { uuid?: string }): Promise<SqliteConnection>;
    releaseConnection(connection: SqliteConnection, force?: boolean): void;
    _onProcessExit(): Promise<void>;
  };
  const idle: SqliteConnection[] = [];
  const get = manager.getConnection.bind(manager);
  const release = manager.releaseConnection.bind(manager);
  const exit = manager._onProcessExit.bind(manager);
  manager.getConnection = async (options) => {
    const uuid = options?.uuid;
    if (uuid && uuid !== 'default' && !manager.connections[uuid] && idle.length) return (manager.connections[uuid] = idle.pop()!);
    return get(options);
  };
  manager.releaseConnection = (connection, force) => {
    if (force || !connection.uuid || idle.length >= IDLE_SQLITE_CONNECTIONS) return release(connection, force);
    delete manager.connections[connection.uuid];
    idle.push(connection);
  };
  manager._onProcessExit = async () => {
    await Promise.all(idle.splice(0).map((c) => new Promise<void>((resolve) => c.close(() => resolve()))));
    return exit();
  };
}

/**
 * Sequelize opens one SQLite connection per transaction and sets no busy timeout, so a second writer would fail
 * at once with SQLITE_BUSY. Give each new connection a timeout so writers wait their turn instead (and the
 * synchronous setting below).
 */
function waitForSqliteLocks(sequelize: Sequelize, timeoutMs: number): void {
  const manager = sequelize.connectionManager as unknown as {
    getConnection(options?: unknown): Promise<SqliteConnection>;
  };
  const original = manager.getConnection.bind(manager);
  const configured = new WeakSet<SqliteConnection>();
  const columns = new Map<string, unknown[]>();
  manager.getConnection = async (options?: unknown) => {
    const connection = await original(options);
    if (!configured.has(connection)) {
      connection.configure('busyTimeout', timeoutMs);
      cacheColumnTypes(connection, columns);
      // With WAL, NORMAL syncs at checkpoints instead of at every commit: the database cannot be corrupted by a
      // crash, and only the last commits before a power cut can be lost (SQLite's manual recommends it for WAL).
      await new Promise<void>((resolve, reject) => connection.exec('PRAGMA synchronous = NORMAL', (error) => (error ? reject(error) : resolve())));
      configured.add(connection);
    }
    return connection;
  };
}

/**
 * Creates the Sequelize instance for a `DATABASE_URL`.
 *
 * MySQL/MariaDB: the session time zone is pinned to UTC (a named zone would be frozen into a fixed offset when the
 * connection opens and go wrong across daylight saving); the app converts to the clinic's zone itself.
 * SQLite: foreign keys on (Sequelize's default), WAL with synchronous NORMAL, IMMEDIATE write transactions so
 * concurrent writers queue, and transactions' connections reused.
 */
export async function createSequelize(url: string, logger?: Logger): Promise<Sequelize> {
  const logging: Options['logging'] = logger?.isLevelEnabled('trace') ? (sql) => logger.trace(sql) : false;
  const define: Options['define'] = { underscored: true };
  if (dialectOf(url) === 'sqlite') {
    const sequelize = new Sequelize({
      dialect: 'sqlite',
      storage: sqliteStorage(url),
      logging,
      define,
      transactionType: Transaction.TYPES.IMMEDIATE,
    });
    waitForSqliteLocks(sequelize, DATABASE_TIMEOUTS.sqliteBusyMs);
    if (sqliteStorage(url) !== ':memory:') {
      reuseSqliteConnections(sequelize);
      await sequelize.query('PRAGMA journal_mode = WAL');
    }
    return sequelize;
  }
  const sequelize = new Sequelize(url.replace(/^mariadb:/, 'mysql:'), {
    dialect: 'mysql',
    logging,
    timezone: '+00:00',
    define: { ...define, charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
    // DECIMAL columns (ratings, vitals) come back as numbers, as they do on SQLite.
    dialectOptions: { charset: 'utf8mb4', decimalNumbers: true, connectTimeout: DATABASE_TIMEOUTS.connectMs },
    // A hung database must not hold requests: see db/timeouts.ts for how these add up to under 5 s.
    pool: { max: 10, min: 0, acquire: DATABASE_TIMEOUTS.acquireHardMs, idle: 10_000 },
  });
  installMysqlTimeouts(sequelize);
  return sequelize;
}
