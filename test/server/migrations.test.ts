import { expect } from 'chai';
import type { Sequelize } from 'sequelize';
import { createMigrator } from '../../server/db/migrator';
import { resetDatabase, testDatabase } from '../support/db';

const APP_TABLES = [
  'api_tokens',
  'webhooks',
  'webhook_outbox',
  'departments',
  'users',
  'sessions',
  'audit_logs',
  'doctor_profiles',
  'patients',
  'doctor_availabilities',
  'availability_exceptions',
  'time_slots',
  'appointments',
  'queue_counters',
  'queue_entries',
  'medical_records',
  'record_addenda',
  'prescription_items',
  'clinic_settings',
  'display_profiles',
  'display_profile_departments',
  'kiosk_profiles',
  'kiosk_profile_departments',
  'medicines',
  'medicine_favourites',
  'patient_phone_originals',
  'ticket_languages',
  'ticket_notices',
  'server_secrets',
  'check_in_posters',
  'wait_estimates',
  'patient_accounts',
  'patient_sign_in_codes',
  'patient_sessions',
  'patient_reports',
  'patient_account_links',
];

async function appTables(sequelize: Sequelize): Promise<string[]> {
  const tables = await sequelize.getQueryInterface().showAllTables();
  return tables
    .map((t) => (typeof t === 'string' ? t : (t as { tableName: string }).tableName))
    .filter((t) => t !== 'schema_migrations' && !t.startsWith('sqlite_'))
    .sort();
}

async function referencedTables(sequelize: Sequelize, table: string): Promise<string[]> {
  const refs = (await sequelize.getQueryInterface().getForeignKeyReferencesForTable(table)) as Array<{
    referencedTableName: string;
  }>;
  return [...new Set(refs.map((r) => r.referencedTableName))].sort();
}

describe('migrations', () => {
  let sequelize: Sequelize;

  before(async () => {
    sequelize = (await testDatabase()).sequelize;
    await resetDatabase();
  });

  // Whatever happens above, the rest of the suite needs a fully migrated database.
  after(async () => {
    await createMigrator(sequelize).up();
  });

  it('go all the way down, leaving no application table, and all the way up again', async () => {
    const migrator = createMigrator(sequelize);
    expect(await appTables(sequelize)).to.have.members(APP_TABLES);

    await migrator.down({ to: 0 });
    expect(await appTables(sequelize)).to.deep.equal([]);
    expect(await migrator.executed()).to.deep.equal([]);

    await migrator.up();
    expect(await appTables(sequelize)).to.deep.equal([...APP_TABLES].sort());
    expect(await migrator.pending()).to.deep.equal([]);
  });

  it('leave real foreign keys behind after going up again', async () => {
    expect(await referencedTables(sequelize, 'appointments')).to.deep.equal(['doctor_profiles', 'patients', 'time_slots']);
    expect(await referencedTables(sequelize, 'queue_entries')).to.deep.equal([
      'appointments',
      'departments',
      'doctor_profiles',
      'patients',
      'queue_entries',
    ]);
    expect(await referencedTables(sequelize, 'medical_records')).to.deep.equal([
      'doctor_profiles',
      'patients',
      'queue_entries',
      'users',
    ]);
    expect(await referencedTables(sequelize, 'prescription_items')).to.deep.equal(['medical_records']);
    expect(await referencedTables(sequelize, 'wait_estimates')).to.deep.equal(['queue_entries']);
    expect(await referencedTables(sequelize, 'kiosk_profile_departments')).to.deep.equal(['departments', 'kiosk_profiles']);
  });
});
