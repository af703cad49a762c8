import { DataTypes, Op, type ModelAttributeColumnOptions } from 'sequelize';
import type { Migration } from '../server/db/migrator';

/** Shared by most tables: creation and update instants, UTC, millisecond precision. */
const timestamps = {
  created_at: { type: DataTypes.DATE(3), allowNull: false },
  updated_at: { type: DataTypes.DATE(3), allowNull: false },
};

/**
 * A foreign key column. RESTRICT unless told otherwise: clinical history must never vanish as a side effect of
 * deleting something else.
 */
function fk(
  table: string,
  options: { allowNull?: boolean; onDelete?: 'RESTRICT' | 'CASCADE' | 'SET NULL' } = {},
): ModelAttributeColumnOptions {
  return {
    type: DataTypes.INTEGER,
    allowNull: options.allowNull ?? false,
    references: { model: table, key: 'id' },
    onDelete: options.onDelete ?? 'RESTRICT',
    onUpdate: 'CASCADE',
  };
}

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true };

const APPOINTMENT_ACTIVE = ['booked', 'checked_in', 'in_consultation', 'completed'];
const APPOINTMENT_INACTIVE = ['cancelled', 'no_show'];

/** Doctors, patients, schedules and slots, appointments, the live queue, and visit records. */
export const up: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.createTable('doctor_profiles', {
    id,
    user_id: { ...fk('users'), unique: true },
    license_number: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    specialization: { type: DataTypes.STRING(100), allowNull: false },
    rating: { type: DataTypes.DECIMAL(2, 1), allowNull: true },
    department_id: fk('departments'),
    room: { type: DataTypes.STRING(40), allowNull: false },
    consultation_minutes: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 15 },
    ...timestamps,
  });
  await qi.addIndex('doctor_profiles', ['department_id'], { name: 'doctor_profiles_department' });

  await qi.createTable('patients', {
    id,
    full_name: { type: DataTypes.STRING(120), allowNull: false },
    date_of_birth: { type: DataTypes.DATEONLY, allowNull: false },
    sex: { type: DataTypes.ENUM('female', 'male', 'other', 'unknown'), allowNull: false, defaultValue: 'unknown' },
    phone: { type: DataTypes.STRING(32), allowNull: true },
    medical_record_number: { type: DataTypes.STRING(20), allowNull: false, unique: true },
    blood_group: { type: DataTypes.ENUM('A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'), allowNull: true },
    allergies: { type: DataTypes.TEXT, allowNull: true },
    insurance_provider: { type: DataTypes.STRING(100), allowNull: true },
    insurance_number: { type: DataTypes.STRING(64), allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('patients', ['full_name', 'date_of_birth'], { name: 'patients_name_birth' });
  await qi.addIndex('patients', ['phone'], { name: 'patients_phone' });

  await qi.createTable('doctor_availabilities', {
    id,
    doctor_id: fk('doctor_profiles', { onDelete: 'CASCADE' }),
    weekday: { type: DataTypes.TINYINT, allowNull: false },
    start_time: { type: DataTypes.STRING(5), allowNull: false },
    end_time: { type: DataTypes.STRING(5), allowNull: false },
    slot_minutes: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 15 },
    ...timestamps,
  });
  await qi.addIndex('doctor_availabilities', ['doctor_id', 'weekday'], { name: 'doctor_availabilities_doctor_day' });

  await qi.createTable('availability_exceptions', {
    id,
    doctor_id: fk('doctor_profiles', { onDelete: 'CASCADE' }),
    start_date: { type: DataTypes.DATEONLY, allowNull: false },
    end_date: { type: DataTypes.DATEONLY, allowNull: false },
    reason: { type: DataTypes.STRING(200), allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('availability_exceptions', ['doctor_id', 'start_date'], { name: 'availability_exceptions_doctor' });

  await qi.createTable('time_slots', {
    id,
    // CASCADE reaches only free slots: a booked one is held by appointments.slot_id (RESTRICT).
    doctor_id: fk('doctor_profiles', { onDelete: 'CASCADE' }),
    starts_at: { type: DataTypes.DATE(3), allowNull: false },
    ends_at: { type: DataTypes.DATE(3), allowNull: false },
    blocked: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    ...timestamps,
  });
  await qi.addIndex('time_slots', ['doctor_id', 'starts_at'], { name: 'time_slots_doctor_start', unique: true });

  await qi.createTable('appointments', {
    id,
    patient_id: fk('patients'),
    doctor_id: fk('doctor_profiles'),
    slot_id: fk('time_slots'),
    status: { type: DataTypes.ENUM(...APPOINTMENT_ACTIVE, ...APPOINTMENT_INACTIVE), allowNull: false },
    // TRUE while the appointment holds its slot, NULL once it lets go: see the unique index below.
    active: { type: DataTypes.BOOLEAN, allowNull: true },
    booking_code: { type: DataTypes.STRING(12), allowNull: false, unique: true },
    reason: { type: DataTypes.STRING(255), allowNull: true },
    cancellation_reason: { type: DataTypes.STRING(255), allowNull: true },
    ...timestamps,
  });
  // Ties `active` to `status` in the database too, so a raw UPDATE of the status cannot leave a cancelled row holding
  // its slot, or a re-booked row escaping the unique index. On SQLite this rebuilds the table, so it runs while the
  // table is empty and nothing references it yet.
  await qi.addConstraint('appointments', {
    type: 'check',
    name: 'appointments_active_matches_status',
    fields: ['status', 'active'],
    where: {
      [Op.or]: [
        { status: APPOINTMENT_ACTIVE, active: true },
        { status: APPOINTMENT_INACTIVE, active: null },
      ],
    },
  });
  // Many NULLs are allowed in a unique index (MySQL and SQLite), so cancelled rows never clash, but a second active
  // appointment on one slot does: the database, not a check-then-insert, refuses double booking.
  await qi.addIndex('appointments', ['slot_id', 'active'], { name: 'appointments_slot_active', unique: true });
  await qi.addIndex('appointments', ['patient_id'], { name: 'appointments_patient' });
  await qi.addIndex('appointments', ['doctor_id', 'status'], { name: 'appointments_doctor_status' });

  await qi.createTable('queue_counters', {
    department_id: { ...fk('departments', { onDelete: 'CASCADE' }), primaryKey: true },
    clinic_day: { type: DataTypes.DATEONLY, allowNull: false, primaryKey: true },
    last_sequence: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
  });

  await qi.createTable('queue_entries', {
    id,
    department_id: fk('departments'),
    doctor_id: fk('doctor_profiles', { allowNull: true }),
    patient_id: fk('patients', { allowNull: true }),
    appointment_id: fk('appointments', { allowNull: true }),
    clinic_day: { type: DataTypes.DATEONLY, allowNull: false },
    sequence: { type: DataTypes.INTEGER, allowNull: false },
    token: { type: DataTypes.STRING(12), allowNull: false },
    priority: { type: DataTypes.ENUM('emergency', 'priority', 'normal'), allowNull: false, defaultValue: 'normal' },
    priority_reason: { type: DataTypes.ENUM('elderly', 'pregnant', 'disability'), allowNull: true },
    status: {
      type: DataTypes.ENUM('waiting', 'called', 'in_consultation', 'completed', 'skipped', 'cancelled', 'transferred'),
      allowNull: false,
      defaultValue: 'waiting',
    },
    checked_in_at: { type: DataTypes.DATE(3), allowNull: false },
    called_at: { type: DataTypes.DATE(3), allowNull: true },
    consultation_started_at: { type: DataTypes.DATE(3), allowNull: true },
    completed_at: { type: DataTypes.DATE(3), allowNull: true },
    skipped_at: { type: DataTypes.DATE(3), allowNull: true },
    cancelled_at: { type: DataTypes.DATE(3), allowNull: true },
    transferred_at: { type: DataTypes.DATE(3), allowNull: true },
    recall_count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    public_code: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    // SET NULL rather than RESTRICT: InnoDB checks self-references row by row, so a plain DELETE of the whole table
    // would otherwise fail whenever a transferred entry happens to be deleted before its successor.
    transferred_from_id: fk('queue_entries', { allowNull: true, onDelete: 'SET NULL' }),
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    ...timestamps,
  });
  await qi.addIndex('queue_entries', ['department_id', 'clinic_day', 'sequence'], {
    name: 'queue_entries_department_day_sequence',
    unique: true,
  });
  await qi.addIndex('queue_entries', ['department_id', 'clinic_day', 'status'], { name: 'queue_entries_department_board' });
  await qi.addIndex('queue_entries', ['doctor_id', 'clinic_day', 'status'], { name: 'queue_entries_doctor_board' });
  await qi.addIndex('queue_entries', ['patient_id'], { name: 'queue_entries_patient' });
  await qi.addIndex('queue_entries', ['appointment_id'], { name: 'queue_entries_appointment' });
  await qi.addIndex('queue_entries', ['transferred_from_id'], { name: 'queue_entries_transferred_from' });

  await qi.createTable('medical_records', {
    id,
    queue_entry_id: { ...fk('queue_entries'), unique: true },
    patient_id: fk('patients'),
    doctor_id: fk('doctor_profiles'),
    bp_systolic_mmhg: { type: DataTypes.INTEGER, allowNull: true },
    bp_diastolic_mmhg: { type: DataTypes.INTEGER, allowNull: true },
    pulse_bpm: { type: DataTypes.INTEGER, allowNull: true },
    spo2_percent: { type: DataTypes.INTEGER, allowNull: true },
    temperature_c: { type: DataTypes.DECIMAL(4, 1), allowNull: true },
    respiratory_rate_per_min: { type: DataTypes.INTEGER, allowNull: true },
    weight_kg: { type: DataTypes.DECIMAL(5, 1), allowNull: true },
    height_cm: { type: DataTypes.DECIMAL(5, 1), allowNull: true },
    chief_complaint: { type: DataTypes.STRING(500), allowNull: true },
    diagnosis: { type: DataTypes.STRING(500), allowNull: true },
    icd10_code: { type: DataTypes.STRING(10), allowNull: true },
    notes: { type: DataTypes.TEXT, allowNull: true },
    status: { type: DataTypes.ENUM('draft', 'signed'), allowNull: false, defaultValue: 'draft' },
    signed_at: { type: DataTypes.DATE(3), allowNull: true },
    signed_by: fk('users', { allowNull: true }),
    ...timestamps,
  });
  await qi.addIndex('medical_records', ['patient_id', 'created_at'], { name: 'medical_records_patient' });
  await qi.addIndex('medical_records', ['doctor_id'], { name: 'medical_records_doctor' });
  await qi.addIndex('medical_records', ['signed_by'], { name: 'medical_records_signed_by' });

  await qi.createTable('record_addenda', {
    id,
    medical_record_id: fk('medical_records'),
    author_id: fk('users'),
    text: { type: DataTypes.TEXT, allowNull: false },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await qi.addIndex('record_addenda', ['medical_record_id', 'created_at'], { name: 'record_addenda_record' });
  await qi.addIndex('record_addenda', ['author_id'], { name: 'record_addenda_author' });

  await qi.createTable('prescription_items', {
    id,
    medical_record_id: fk('medical_records', { onDelete: 'CASCADE' }),
    position: { type: DataTypes.INTEGER, allowNull: false },
    medicine: { type: DataTypes.STRING(200), allowNull: false },
    dose: { type: DataTypes.STRING(100), allowNull: true },
    route: { type: DataTypes.STRING(50), allowNull: true },
    frequency: { type: DataTypes.STRING(100), allowNull: true },
    duration: { type: DataTypes.STRING(100), allowNull: true },
    instructions: { type: DataTypes.TEXT, allowNull: true },
  });
  await qi.addIndex('prescription_items', ['medical_record_id', 'position'], { name: 'prescription_items_record' });
};

export const down: Migration = async ({ context: { queryInterface: qi } }) => {
  for (const table of [
    'prescription_items',
    'record_addenda',
    'medical_records',
    'queue_entries',
    'queue_counters',
    'appointments',
    'time_slots',
    'availability_exceptions',
    'doctor_availabilities',
    'patients',
    'doctor_profiles',
  ]) {
    await qi.dropTable(table);
  }
};
