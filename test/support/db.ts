import os from 'node:os';
import path from 'node:path';
import { rmSync } from 'node:fs';
import type { Sequelize } from 'sequelize';
import { openDatabase, type Database } from '../../server/db';
import { dialectOf } from '../../server/db/sequelize';
import { recreateMysqlDatabase } from './mysql-admin';

/**
 * The database this test process runs on: `TEST_DATABASE_URL` (for example
 * mysql://root@127.0.0.1:3306/mediqueue_test) or, by default, a fresh SQLite file in the system's temp folder.
 * Under mocha's parallel mode each worker process has its own: the SQLite file is named by process, and a MySQL
 * database gets the worker's number (`mediqueue_test_w0`, `mediqueue_test_w1`), created empty on first use.
 */
export const TEST_DATABASE_URL = workerDatabase(
  process.env.TEST_DATABASE_URL || `sqlite:${path.join(os.tmpdir(), `mediqueue-test-${process.pid}.sqlite`)}`,
);

function workerDatabase(url: string): string {
  const worker = process.env.MOCHA_WORKER_ID;
  if (worker === undefined || dialectOf(url) === 'sqlite') return url;
  const parsed = new URL(url);
  parsed.pathname = `${parsed.pathname}_w${worker}`;
  return parsed.toString();
}

let opened: Promise<Database> | undefined;

/** This process's one database connection, migrated on first use and shared by every test file it runs. */
export function testDatabase(): Promise<Database> {
  if (!opened) {
    if (dialectOf(TEST_DATABASE_URL) === 'sqlite') {
      const file = TEST_DATABASE_URL.slice('sqlite:'.length);
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
      opened = openDatabase(TEST_DATABASE_URL);
    } else {
      const fresh = process.env.MOCHA_WORKER_ID === undefined ? Promise.resolve() : recreateMysqlDatabase(TEST_DATABASE_URL);
      opened = fresh.then(() => openDatabase(TEST_DATABASE_URL));
    }
  }
  return opened;
}

/** Table names in the order they can be emptied (children before parents). */
async function tablesChildFirst(sequelize: Sequelize): Promise<string[]> {
  const qi = sequelize.getQueryInterface();
  const tables = (await qi.showAllTables()).map((t) => (typeof t === 'string' ? t : (t as { tableName: string }).tableName))
    .filter((t) => t !== 'schema_migrations' && !t.startsWith('sqlite_'));
  const parents = new Map<string, Set<string>>();
  for (const table of tables) {
    const refs = (await qi.getForeignKeyReferencesForTable(table)) as Array<{ referencedTableName?: string }>;
    parents.set(table, new Set(refs.map((r) => r.referencedTableName!).filter((p) => p && p !== table)));
  }
  const order: string[] = [];
  const visit = (table: string, seen: Set<string>) => {
    if (order.includes(table) || seen.has(table)) return;
    seen.add(table);
    for (const [child, ps] of parents) if (ps.has(table)) visit(child, seen);
    order.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return order;
}

/** Told after every reset: running test servers drop what they keep in memory (the queue's live read model). */
const resetListeners = new Set<() => void>();

/** Registers `listener` for every reset; returns the function that removes it. */
export function onDatabaseReset(listener: () => void): () => void {
  resetListeners.add(listener);
  return () => resetListeners.delete(listener);
}

/** Deletes every row of every table (schema stays), so each suite starts from an empty clinic. */
export async function resetDatabase(): Promise<void> {
  const { sequelize } = await testDatabase();
  for (const table of await tablesChildFirst(sequelize)) {
    // The audit trail is append-only (a MySQL trigger refuses DELETE); TRUNCATE is not a DML event.
    if (table === 'audit_logs' && sequelize.getDialect() === 'mysql') await sequelize.query('TRUNCATE TABLE audit_logs');
    else await sequelize.getQueryInterface().bulkDelete(table, {});
  }
  // Table-level deletes pass no model hooks, so the servers' read models are told here.
  for (const listener of resetListeners) listener();
}
