import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';

/** Shared by every table: creation and update instants, UTC, millisecond precision. */
const timestamps = {
  created_at: { type: DataTypes.DATE(3), allowNull: false },
  updated_at: { type: DataTypes.DATE(3), allowNull: false },
};

/** Departments, staff users, their server-side sessions, and the audit log. */
export const up: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.createTable('departments', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: { type: DataTypes.STRING(100), allowNull: false, unique: true },
    prefix: { type: DataTypes.STRING(3), allowNull: false, unique: true },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    ...timestamps,
  });

  await qi.createTable('users', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    email: { type: DataTypes.STRING(190), allowNull: false, unique: true },
    full_name: { type: DataTypes.STRING(120), allowNull: false },
    role: { type: DataTypes.ENUM('admin', 'doctor', 'reception'), allowNull: false },
    password_hash: { type: DataTypes.STRING(255), allowNull: false },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    last_sign_in_at: { type: DataTypes.DATE(3), allowNull: true },
    ...timestamps,
  });

  await qi.createTable('sessions', {
    // The SHA-256 of the cookie's token: a leaked table does not hand out live sessions.
    id: { type: DataTypes.STRING(64), primaryKey: true },
    user_id: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'users', key: 'id' },
      onDelete: 'CASCADE',
      onUpdate: 'CASCADE',
    },
    expires_at: { type: DataTypes.DATE(3), allowNull: false },
    ip: { type: DataTypes.STRING(64), allowNull: true },
    user_agent: { type: DataTypes.STRING(255), allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('sessions', ['user_id']);
  await qi.addIndex('sessions', ['expires_at']);

  await qi.createTable('audit_logs', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    user_id: {
      type: DataTypes.INTEGER,
      allowNull: true,
      references: { model: 'users', key: 'id' },
      onDelete: 'SET NULL',
      onUpdate: 'CASCADE',
    },
    action: { type: DataTypes.STRING(64), allowNull: false },
    entity_type: { type: DataTypes.STRING(40), allowNull: true },
    entity_id: { type: DataTypes.STRING(64), allowNull: true },
    // No foreign key on purpose: the audit trail must outlive any row it mentions.
    patient_id: { type: DataTypes.INTEGER, allowNull: true },
    ip: { type: DataTypes.STRING(64), allowNull: true },
    details: { type: DataTypes.TEXT, allowNull: true },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await qi.addIndex('audit_logs', ['user_id', 'created_at']);
  await qi.addIndex('audit_logs', ['patient_id', 'created_at']);
  await qi.addIndex('audit_logs', ['created_at']);
};

export const down: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.dropTable('audit_logs');
  await qi.dropTable('sessions');
  await qi.dropTable('users');
  await qi.dropTable('departments');
};
