import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';

/**
 * Family accounts (issue 17): a patient account may manage the appointments of other patients (a parent, a child's),
 * once reception has confirmed the link at the desk. One row per (account, patient).
 */
export const up: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.createTable('patient_account_links', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    account_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'patient_accounts', key: 'id' }, onDelete: 'CASCADE' },
    patient_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'patients', key: 'id' } },
    // No foreign key: the link outlives the staff account that confirmed it (as audit entries do).
    confirmed_by: { type: DataTypes.INTEGER, allowNull: false },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
    updated_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await qi.addIndex('patient_account_links', ['account_id', 'patient_id'], { unique: true, name: 'patient_account_links_pair' });
};

export const down: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.dropTable('patient_account_links');
};
