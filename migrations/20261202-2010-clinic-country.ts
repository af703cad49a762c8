import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';

/**
 * The clinic's country as a setting (`clinic_settings.country`, ISO 3166 such as GB): phone numbers typed without a
 * country code are read as this country's. Null follows CLINIC_COUNTRY, else the time zone's country.
 */
export const up: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.addColumn('clinic_settings', 'country', { type: DataTypes.STRING(2), allowNull: true });
};

export const down: Migration = async ({ context: { sequelize } }) => {
  // Plain ALTER TABLE on both engines: Sequelize's removeColumn on SQLite rebuilds the table and loses its indexes.
  await sequelize.query('ALTER TABLE clinic_settings DROP COLUMN country');
};
