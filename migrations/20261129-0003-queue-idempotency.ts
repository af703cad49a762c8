import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';

const INDEX = 'queue_entries_idempotency_key';

/**
 * The key a kiosk sends with each check-in attempt. A retry after a timeout carries the same key and must get the
 * same ticket: the unique index is what holds when the retry races the original. Walk-ins entered without a key
 * (transfers, older rows) hold NULL, and a unique index allows any number of NULLs on MySQL and SQLite.
 */
export const up: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.addColumn('queue_entries', 'idempotency_key', { type: DataTypes.STRING(64), allowNull: true });
  await qi.addIndex('queue_entries', ['idempotency_key'], { name: INDEX, unique: true });
};

export const down: Migration = async ({ context: { queryInterface: qi, sequelize } }) => {
  await qi.removeIndex('queue_entries', INDEX);
  // Plain ALTER TABLE on both engines: Sequelize's removeColumn on SQLite rebuilds the table and loses its indexes.
  await sequelize.query('ALTER TABLE queue_entries DROP COLUMN idempotency_key');
};
