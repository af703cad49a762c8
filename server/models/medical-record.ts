import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import { decimalAttribute } from './decimal';
import type { DoctorProfile } from './doctor-profile';
import type { Patient } from './patient';
import type { PrescriptionItem } from './prescription-item';
import type { QueueEntry } from './queue-entry';
import type { RecordAddendum } from './record-addendum';
import type { User } from './user';

/** A record is edited as a draft; once signed it changes only through addenda. */
export const MEDICAL_RECORD_STATUSES = ['draft', 'signed'] as const;
export type MedicalRecordStatus = (typeof MEDICAL_RECORD_STATUSES)[number];

/** An optional whole-number vital sign within physically possible bounds. */
const vital = (min: number, max: number) => ({
  type: DataTypes.INTEGER,
  allowNull: true,
  defaultValue: null,
  validate: { isInt: true, min, max },
});

/**
 * The doctor's record of one visit (one queue entry): vitals, complaint, diagnosis, notes and prescriptions.
 * Each vital's unit is in its name, so no reader has to guess whether a temperature is Celsius.
 */
export class MedicalRecord extends Model<InferAttributes<MedicalRecord>, InferCreationAttributes<MedicalRecord>> {
  declare id: CreationOptional<number>;
  declare queueEntryId: number;
  declare patientId: number;
  declare doctorId: number;
  declare bpSystolicMmhg: CreationOptional<number | null>;
  declare bpDiastolicMmhg: CreationOptional<number | null>;
  declare pulseBpm: CreationOptional<number | null>;
  declare spo2Percent: CreationOptional<number | null>;
  declare temperatureC: CreationOptional<number | null>;
  declare respiratoryRatePerMin: CreationOptional<number | null>;
  declare weightKg: CreationOptional<number | null>;
  declare heightCm: CreationOptional<number | null>;
  declare chiefComplaint: CreationOptional<string | null>;
  declare diagnosis: CreationOptional<string | null>;
  declare icd10Code: CreationOptional<string | null>;
  declare notes: CreationOptional<string | null>;
  declare status: CreationOptional<MedicalRecordStatus>;
  /** Moves with every saved change of the draft; an autosave based on an older revision is refused. */
  declare revision: CreationOptional<number>;
  declare signedAt: CreationOptional<Date | null>;
  /** The user who signed it. */
  declare signedBy: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare queueEntry?: NonAttribute<QueueEntry>;
  declare patient?: NonAttribute<Patient>;
  declare doctor?: NonAttribute<DoctorProfile>;
  declare signer?: NonAttribute<User | null>;
  declare prescriptionItems?: NonAttribute<PrescriptionItem[]>;
  declare addenda?: NonAttribute<RecordAddendum[]>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    MedicalRecord.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        queueEntryId: { type: DataTypes.INTEGER, allowNull: false, unique: true },
        patientId: { type: DataTypes.INTEGER, allowNull: false },
        doctorId: { type: DataTypes.INTEGER, allowNull: false },
        bpSystolicMmhg: vital(30, 300),
        bpDiastolicMmhg: vital(10, 200),
        pulseBpm: vital(10, 300),
        spo2Percent: vital(0, 100),
        temperatureC: decimalAttribute<MedicalRecord>('temperatureC', 4, 1, { min: 25, max: 45 }),
        respiratoryRatePerMin: vital(1, 120),
        weightKg: decimalAttribute<MedicalRecord>('weightKg', 5, 1, { min: 0.2, max: 700 }),
        heightCm: decimalAttribute<MedicalRecord>('heightCm', 5, 1, { min: 20, max: 280 }),
        chiefComplaint: { type: DataTypes.STRING(500), allowNull: true, defaultValue: null },
        diagnosis: { type: DataTypes.STRING(500), allowNull: true, defaultValue: null },
        icd10Code: {
          type: DataTypes.STRING(10),
          allowNull: true,
          defaultValue: null,
          // ICD-10 shape: a letter, two characters, and an optional dotted extension (J06.9, S72.001A).
          validate: { is: /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/ },
        },
        notes: { type: DataTypes.TEXT, allowNull: true, defaultValue: null },
        status: { type: DataTypes.ENUM(...MEDICAL_RECORD_STATUSES), allowNull: false, defaultValue: 'draft' },
        revision: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        signedAt: { type: DataTypes.DATE(3), allowNull: true, defaultValue: null },
        signedBy: { type: DataTypes.INTEGER, allowNull: true, defaultValue: null },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'medical_records' },
    );
  }
}
