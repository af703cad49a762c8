import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';

/**
 * When a token was first called. `called_at` moves with every announcement (a recall, a call after returning to the
 * queue), which is what displays show; the average wait needs the first call, which this column keeps.
 */
export const up: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.addColumn('queue_entries', 'first_called_at', { type: DataTypes.DATE(3), allowNull: true });
};

export const down: Migration = async ({ context: { sequelize } }) => {
  // Plain ALTER TABLE on both engines: Sequelize's removeColumn on SQLite rebuilds the table and loses its indexes.
  await sequelize.query('ALTER TABLE queue_entries DROP COLUMN first_called_at');
};
