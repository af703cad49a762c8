import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';

/**
 * The clinic's formulary (issue 19): medicines the doctor picks from (name, strength, form; seeded from the WHO
 * Model List of Essential Medicines in server/data/who-eml.json on first use), and each doctor's favourites.
 * A medicine is never deleted, only withdrawn (`active` false), so old favourites and prescriptions stay readable.
 */
export const up: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.createTable('medicines', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: { type: DataTypes.STRING(150), allowNull: false },
    strength: { type: DataTypes.STRING(80), allowNull: false, defaultValue: '' },
    form: { type: DataTypes.STRING(60), allowNull: false, defaultValue: '' },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
    updated_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await qi.addIndex('medicines', ['name', 'strength', 'form'], { unique: true, name: 'medicines_name_strength_form' });

  await qi.createTable('medicine_favourites', {
    user_id: {
      type: DataTypes.INTEGER,
      allowNull: false,
      primaryKey: true,
      references: { model: 'users', key: 'id' },
      onDelete: 'CASCADE',
      onUpdate: 'CASCADE',
    },
    medicine_id: {
      type: DataTypes.INTEGER,
      allowNull: false,
      primaryKey: true,
      references: { model: 'medicines', key: 'id' },
      onDelete: 'CASCADE',
      onUpdate: 'CASCADE',
    },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await qi.addIndex('medicine_favourites', ['medicine_id']);
};

export const down: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.dropTable('medicine_favourites');
  await qi.dropTable('medicines');
};
