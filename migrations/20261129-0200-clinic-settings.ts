import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';

/**
 * The clinic's settings, saved by an admin: one row (id 1). Until it exists the server runs on its environment
 * (CLINIC_NAME, CLINIC_TIMEZONE), so a fresh install needs no setup step. Lists and opening hours are JSON text,
 * which both engines store and read back the same way.
 */
export const up: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.createTable('clinic_settings', {
    id: { type: DataTypes.INTEGER, primaryKey: true },
    name: { type: DataTypes.STRING(100), allowNull: false },
    time_zone: { type: DataTypes.STRING(64), allowNull: false },
    opening_hours: { type: DataTypes.TEXT, allowNull: false },
    kiosk_languages: { type: DataTypes.STRING(200), allowNull: false },
    display_languages: { type: DataTypes.STRING(200), allowNull: false },
    public_booking: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    slot_horizon_days: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 28 },
    // No foreign key: settings must survive whatever happens to the account that saved them.
    updated_by: { type: DataTypes.INTEGER, allowNull: true },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
    updated_at: { type: DataTypes.DATE(3), allowNull: false },
  });
};

export const down: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.dropTable('clinic_settings');
};
