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
}

/**
 * Sequelize opens one SQLite connection per transaction and sets no busy timeout, so a second writer would fail
 * at once with SQLITE_BUSY. Give each new connection a timeout so writers wait their turn instead.
 */
function waitForSqliteLocks(sequelize: Sequelize, timeoutMs: number): void {
  const manager = sequelize.connectionManager as unknown as {
    getConnection(options?: unknown): Promise<SqliteConnection>;
  };
  const original = manager.getConnection.bind(manager);
  const configured = new WeakSet<SqliteConnection>();
  manager.getConnection = async (options?: unknown) => {
    const connection = await original(options);
    if (!configured.has(connection)) {
      connection.configure('busyTimeout', timeoutMs);
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
 * SQLite: foreign keys on (Sequelize's default), WAL, and IMMEDIATE write transactions so concurrent writers queue.
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
    if (sqliteStorage(url) !== ':memory:') await sequelize.query('PRAGMA journal_mode = WAL');
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
