import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';

/**
 * The language a patient checked in in (`ticket_languages`, one row per queue entry), so their phone ticket page
 * speaks it without being told again; and per-language names of departments (`departments.labels`, JSON such as
 * `{"es":"Medicina general","ar":"الطب العام"}`), for every screen a patient reads.
 */
export const up: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.createTable('ticket_languages', {
    queue_entry_id: {
      type: DataTypes.INTEGER,
      primaryKey: true,
      allowNull: false,
      references: { model: 'queue_entries', key: 'id' },
      onDelete: 'CASCADE',
    },
    language: { type: DataTypes.STRING(8), allowNull: false },
  });
  await qi.addColumn('departments', 'labels', { type: DataTypes.TEXT, allowNull: true });
};

export const down: Migration = async ({ context: { queryInterface: qi, sequelize } }) => {
  // Plain ALTER TABLE on both engines: Sequelize's removeColumn on SQLite rebuilds the table and loses its indexes.
  await sequelize.query('ALTER TABLE departments DROP COLUMN labels');
  await qi.dropTable('ticket_languages');
};
