import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';

/**
 * What an anonymous walk-in may leave at the kiosk so reception can find or phone them: a first name and a phone
 * number, both optional. Staff screens only; the public presenters never read these columns.
 */
export const up: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.addColumn('queue_entries', 'first_name', { type: DataTypes.STRING(40), allowNull: true });
  await qi.addColumn('queue_entries', 'contact_phone', { type: DataTypes.STRING(32), allowNull: true });
};

export const down: Migration = async ({ context: { sequelize } }) => {
  // Plain ALTER TABLE on both engines: Sequelize's removeColumn on SQLite rebuilds the table and loses its indexes.
  await sequelize.query('ALTER TABLE queue_entries DROP COLUMN contact_phone');
  await sequelize.query('ALTER TABLE queue_entries DROP COLUMN first_name');
};
