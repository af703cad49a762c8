import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';

/**
 * What phone check-in needs to hold across restarts and server processes:
 * - `server_secrets`: named random secrets made once (the check-in codes' HMAC key), so a restart does not retire the
 *   code on the waiting-room screen and two servers on one database accept each other's codes;
 * - `check_in_posters`: printed posters' check-in codes, each valid until a chosen time and revocable;
 * - `kiosk_profiles.phone_check_in`: a kiosk profile can turn phone check-in off for the codes linked to it;
 * - `kiosk_profiles.lock_zoom`: a kiosk profile can forbid zooming on the clinic's own kiosk hardware;
 * - `display_profiles.check_in_kiosk_id`: the kiosk profile whose check-in a display's QR code opens (none: the
 *   clinic-wide check-in).
 */
export const up: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.createTable('server_secrets', {
    name: { type: DataTypes.STRING(64), primaryKey: true },
    value: { type: DataTypes.STRING(128), allowNull: false },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await qi.createTable('check_in_posters', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    label: { type: DataTypes.STRING(100), allowNull: false },
    // A poster for a kiosk profile goes with it: left behind, it would widen to the whole clinic.
    kiosk_profile_id: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'kiosk_profiles', key: 'id' }, onDelete: 'CASCADE' },
    valid_until: { type: DataTypes.DATE(3), allowNull: false },
    revoked_at: { type: DataTypes.DATE(3), allowNull: true },
    // No foreign key: a poster must outlive the account that printed it (as audit entries do).
    created_by: { type: DataTypes.INTEGER, allowNull: true },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
    updated_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await qi.addColumn('kiosk_profiles', 'phone_check_in', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true });
  await qi.addColumn('kiosk_profiles', 'lock_zoom', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false });
  // No foreign key here: SQLite cannot drop a column that has one (down), and deleting a kiosk profile clears the
  // link in the same transaction (services/kiosk-profiles.ts), as ON DELETE SET NULL would.
  await qi.addColumn('display_profiles', 'check_in_kiosk_id', { type: DataTypes.INTEGER, allowNull: true });
};

export const down: Migration = async ({ context: { queryInterface: qi, sequelize } }) => {
  // Plain ALTER TABLE on both engines: Sequelize's removeColumn on SQLite rebuilds the table and loses its indexes.
  await sequelize.query('ALTER TABLE display_profiles DROP COLUMN check_in_kiosk_id');
  await sequelize.query('ALTER TABLE kiosk_profiles DROP COLUMN lock_zoom');
  await sequelize.query('ALTER TABLE kiosk_profiles DROP COLUMN phone_check_in');
  await qi.dropTable('check_in_posters');
  await qi.dropTable('server_secrets');
};
