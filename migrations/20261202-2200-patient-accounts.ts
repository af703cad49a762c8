import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';

/**
 * Patient sign-in (issue 17), apart from staff sign-in on purpose:
 * - `patient_accounts`: one per patient record, found by phone (E.164) or email, each unique;
 * - `patient_sign_in_codes`: one-time codes (typed) and sign-in links (printed at the desk), stored as SHA-256 only,
 *   short-lived and single-use;
 * - `patient_sessions`: the patient cookie's sessions (its token's SHA-256), a table of their own, so no staff check
 *   can ever find one;
 * - `patient_reports`: allergies and insurance as the patient reports them, waiting for staff to confirm; the
 *   doctor's record in `patients` is never overwritten by them.
 */
export const up: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.createTable('patient_accounts', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    patient_id: { type: DataTypes.INTEGER, allowNull: false, unique: true, references: { model: 'patients', key: 'id' } },
    phone: { type: DataTypes.STRING(32), allowNull: true, unique: true },
    email: { type: DataTypes.STRING(190), allowNull: true, unique: true },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
    updated_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await qi.createTable('patient_sign_in_codes', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    account_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'patient_accounts', key: 'id' }, onDelete: 'CASCADE' },
    kind: { type: DataTypes.STRING(8), allowNull: false },
    code_hash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    expires_at: { type: DataTypes.DATE(3), allowNull: false },
    used_at: { type: DataTypes.DATE(3), allowNull: true },
    failed_attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
    updated_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await qi.addIndex('patient_sign_in_codes', ['account_id', 'expires_at']);
  await qi.createTable('patient_sessions', {
    id: { type: DataTypes.STRING(64), primaryKey: true },
    account_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'patient_accounts', key: 'id' }, onDelete: 'CASCADE' },
    expires_at: { type: DataTypes.DATE(3), allowNull: false },
    ip: { type: DataTypes.STRING(64), allowNull: true },
    user_agent: { type: DataTypes.STRING(255), allowNull: true },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
    updated_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await qi.createTable('patient_reports', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    patient_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'patients', key: 'id' } },
    field: { type: DataTypes.STRING(12), allowNull: false },
    allergies: { type: DataTypes.TEXT, allowNull: true },
    insurance_provider: { type: DataTypes.STRING(100), allowNull: true },
    insurance_number: { type: DataTypes.STRING(64), allowNull: true },
    status: { type: DataTypes.STRING(12), allowNull: false, defaultValue: 'pending' },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
    updated_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await qi.addIndex('patient_reports', ['patient_id', 'status']);
};

export const down: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.dropTable('patient_reports');
  await qi.dropTable('patient_sessions');
  await qi.dropTable('patient_sign_in_codes');
  await qi.dropTable('patient_accounts');
};
