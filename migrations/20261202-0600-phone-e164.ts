import { DataTypes, QueryTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';
import { clinicCountry, storedPhone } from '../server/services/phone';

/**
 * Patients' phone numbers in E.164 (`07700 900101` -> `+447700900101`), read with the clinic's country:
 * CLINIC_COUNTRY, else the country of the saved (or CLINIC_TIMEZONE, or the machine's) time zone. A number that is
 * not a possible one is left as it was. The numbers as they were written are kept in `patient_phone_originals`, so
 * `down` puts them back exactly.
 */
export const up: Migration = async ({ context: { queryInterface: qi, sequelize } }) => {
  await qi.createTable('patient_phone_originals', {
    patient_id: {
      type: DataTypes.INTEGER,
      primaryKey: true,
      allowNull: false,
      references: { model: 'patients', key: 'id' },
      onDelete: 'CASCADE',
    },
    phone: { type: DataTypes.STRING(32), allowNull: false },
  });
  const [saved] = await sequelize.query<{ time_zone: string }>('SELECT time_zone FROM clinic_settings WHERE id = 1', {
    type: QueryTypes.SELECT,
  });
  const timeZone = saved?.time_zone ?? process.env.CLINIC_TIMEZONE ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  const country = clinicCountry({ country: process.env.CLINIC_COUNTRY, timeZone });
  const rows = await sequelize.query<{ id: number; phone: string }>('SELECT id, phone FROM patients WHERE phone IS NOT NULL', {
    type: QueryTypes.SELECT,
  });
  for (const row of rows) {
    const normalised = storedPhone(row.phone, country);
    if (normalised === row.phone) continue;
    await sequelize.query('INSERT INTO patient_phone_originals (patient_id, phone) VALUES (?, ?)', { replacements: [row.id, row.phone] });
    await sequelize.query('UPDATE patients SET phone = ? WHERE id = ?', { replacements: [normalised, row.id] });
  }
};

export const down: Migration = async ({ context: { queryInterface: qi, sequelize } }) => {
  const rows = await sequelize.query<{ patient_id: number; phone: string }>('SELECT patient_id, phone FROM patient_phone_originals', {
    type: QueryTypes.SELECT,
  });
  for (const row of rows) {
    await sequelize.query('UPDATE patients SET phone = ? WHERE id = ?', { replacements: [row.phone, row.patient_id] });
  }
  await qi.dropTable('patient_phone_originals');
};
