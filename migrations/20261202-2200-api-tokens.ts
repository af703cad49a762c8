import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';

/**
 * API clients' bearer tokens (issue 16), created and revoked by an admin. Only a SHA-256 of the token is stored (the
 * token is 32 random bytes, so a plain hash is enough: nothing to guess), with its first characters to tell tokens
 * apart in the panel. Scopes are a space-separated list (`fhir:read`). Revoked, never deleted: the audit trail names
 * the token of every read.
 */
export const up: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.createTable('api_tokens', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: { type: DataTypes.STRING(100), allowNull: false },
    token_hash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    token_prefix: { type: DataTypes.STRING(16), allowNull: false },
    scopes: { type: DataTypes.STRING(200), allowNull: false },
    created_by: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'users', key: 'id' }, onUpdate: 'CASCADE' },
    last_used_at: { type: DataTypes.DATE(3), allowNull: true, defaultValue: null },
    revoked_at: { type: DataTypes.DATE(3), allowNull: true, defaultValue: null },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
    updated_at: { type: DataTypes.DATE(3), allowNull: false },
  });
};

export const down: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.dropTable('api_tokens');
};
