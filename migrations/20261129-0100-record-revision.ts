import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';

/**
 * Consultation records (issue 6). `medical_records.revision` moves with every saved change, so an autosave based on
 * an older revision is refused instead of overwriting a newer one. `prescription_items.allergy_confirmed` remembers
 * that the doctor prescribed a row despite a recorded allergy, so later autosaves of the same row do not ask again.
 */
export const up: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.addColumn('medical_records', 'revision', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
  await qi.addColumn('prescription_items', 'allergy_confirmed', {
    type: DataTypes.BOOLEAN,
    allowNull: false,
    defaultValue: false,
  });
};

export const down: Migration = async ({ context: { sequelize } }) => {
  // Plain ALTER TABLE on both engines: Sequelize's removeColumn on SQLite rebuilds the table and loses its indexes.
  await sequelize.query('ALTER TABLE prescription_items DROP COLUMN allergy_confirmed');
  await sequelize.query('ALTER TABLE medical_records DROP COLUMN revision');
};
