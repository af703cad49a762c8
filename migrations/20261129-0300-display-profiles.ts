import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';

/**
 * Display profiles: what one waiting-room screen shows (departments), in which language, with or without voice,
 * in which theme. The departments are rows of their own, so the database itself refuses a profile naming a
 * department that does not exist, and refuses to delete a department a screen still shows.
 */
export const up: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.createTable('display_profiles', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: { type: DataTypes.STRING(100), allowNull: false, unique: true },
    slug: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    // Plain strings checked by the model, not ENUMs: adding a language must not need an ALTER on MySQL.
    language: { type: DataTypes.STRING(8), allowNull: false, defaultValue: 'en' },
    voice: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    theme: { type: DataTypes.STRING(8), allowNull: false, defaultValue: 'dark' },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
    updated_at: { type: DataTypes.DATE(3), allowNull: false },
  });

  await qi.createTable('display_profile_departments', {
    display_profile_id: {
      type: DataTypes.INTEGER,
      allowNull: false,
      primaryKey: true,
      references: { model: 'display_profiles', key: 'id' },
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
  await qi.addIndex('display_profile_departments', ['department_id']);
};

export const down: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.dropTable('display_profile_departments');
  await qi.dropTable('display_profiles');
};
