import type { Transaction } from 'sequelize';

/**
 * Statements sent straight to a MySQL/MariaDB transaction's connection, past Sequelize's query pipeline.
 *
 * Why: "call next" is on the critical path of every waiting-room display, and its few statements each cost about
 * 0.25 ms more through Sequelize (options cloned, SQL generated, rows built into instances) than the round trip
 * itself (measured on this project's 2-core machine: `SELECT 1` 0.38 ms through `sequelize.query`, 0.14 ms through
 * mysql2). Only for short statements whose SQL is written beside the call, with `?` placeholders (mysql2 escapes
 * the values, Dates in the connection's UTC zone as Sequelize writes them). The connection keeps its query time
 * limit (db/timeouts.ts wraps its `query`). Statements sent this way are not logged at trace level and fire no
 * model hooks; callers say why that is right for them.
 */

/** The mysql2 connection a MySQL transaction holds (callback API), or null on SQLite. */
interface MysqlConnection {
  query(sql: string, values: unknown[], callback: (error: Error | null, result: unknown) => void): unknown;
}

/** True when `transaction` runs on MySQL/MariaDB, where {@link directQuery} may be used. */
export function isDirect(transaction: Transaction): boolean {
  return (transaction as unknown as { sequelize: { getDialect(): string } }).sequelize.getDialect() === 'mysql';
}

/** What mysql2 answers to INSERT, UPDATE and DELETE. */
export interface WriteResult {
  affectedRows: number;
  insertId: number;
}

/**
 * Runs one statement on a MySQL transaction's own connection: rows for a SELECT, {@link WriteResult} for a write.
 * Throws on SQLite (check {@link isDirect} first) and, like Sequelize, wraps a database error so that
 * `error.parent.errno` is there for the deadlock retry (db/transaction.ts).
 */
export function directQuery<T>(transaction: Transaction, sql: string, values: unknown[]): Promise<T> {
  const connection = (transaction as unknown as { connection?: MysqlConnection }).connection;
  if (!isDirect(transaction) || !connection) throw new Error('directQuery needs a MySQL transaction');
  return new Promise<T>((resolve, reject) => {
    connection.query(sql, values, (error, result) => {
      if (error) reject(Object.assign(new Error(error.message), { name: 'SequelizeDatabaseError', parent: error, original: error, sql }));
      else resolve(result as T);
    });
  });
}
