import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';

/**
 * Kiosk profiles: which departments one check-in kiosk offers, whether it prints tickets, and its language. As for
 * display profiles, the departments are rows of their own, so the database refuses a profile naming a department
 * that does not exist and refuses to delete a department a kiosk still offers.
 */
export const up: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.createTable('kiosk_profiles', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: { type: DataTypes.STRING(100), allowNull: false, unique: true },
    printing: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    // A plain string checked by the model, not an ENUM: adding a language must not need an ALTER on MySQL.
    language: { type: DataTypes.STRING(8), allowNull: false, defaultValue: 'en' },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
    updated_at: { type: DataTypes.DATE(3), allowNull: false },
  });

  await qi.createTable('kiosk_profile_departments', {
    kiosk_profile_id: {
      type: DataTypes.INTEGER,
      allowNull: false,
      primaryKey: true,
      references: { model: 'kiosk_profiles', key: 'id' },
      onDelete: 'CASCADE',
      onUpdate: 'CASCADE',
    },
    department_id: {
      type: DataTypes.INTEGER,
      allowNull: false,
      primaryKey: true,
      references: { model: 'departments', key: 'id' },
      onDelete: 'RESTRICT',
      onUpdate: 'CASCADE',
    },
  });
  await qi.addIndex('kiosk_profile_departments', ['department_id']);
};

export const down: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.dropTable('kiosk_profile_departments');
  await qi.dropTable('kiosk_profiles');
};
