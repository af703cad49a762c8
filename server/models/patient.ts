import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { medicalRecordNumber } from '../services/codes';

/** Sex as recorded on a patient's profile. */
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/** ABO and Rh blood groups. */
export const BLOOD_GROUPS = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'] as const;
export type BloodGroup = (typeof BLOOD_GROUPS)[number];

/** A person the clinic treats. Patients never sign in; staff find them by name, phone or record number. */
export class Patient extends Model<InferAttributes<Patient>, InferCreationAttributes<Patient>> {
  declare id: CreationOptional<number>;
  declare fullName: string;
  /** 'YYYY-MM-DD'. */
  declare dateOfBirth: string;
  declare sex: CreationOptional<Sex>;
  declare phone: CreationOptional<string | null>;
  /** Generated on creation (see services/codes.ts) unless given, and unique. */
  declare medicalRecordNumber: CreationOptional<string>;
  declare bloodGroup: CreationOptional<BloodGroup | null>;
  declare allergies: CreationOptional<string | null>;
  declare insuranceProvider: CreationOptional<string | null>;
  declare insuranceNumber: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    Patient.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        fullName: { type: DataTypes.STRING(120), allowNull: false, validate: { len: [1, 120] } },
        dateOfBirth: { type: DataTypes.DATEONLY, allowNull: false, validate: { isDate: true } },
        sex: { type: DataTypes.ENUM(...SEXES), allowNull: false, defaultValue: 'unknown' },
        phone: { type: DataTypes.STRING(32), allowNull: true, defaultValue: null },
        medicalRecordNumber: {
          type: DataTypes.STRING(20),
          allowNull: false,
          unique: true,
          defaultValue: () => medicalRecordNumber(),
        },
        bloodGroup: { type: DataTypes.ENUM(...BLOOD_GROUPS), allowNull: true, defaultValue: null },
        allergies: { type: DataTypes.TEXT, allowNull: true, defaultValue: null },
        insuranceProvider: { type: DataTypes.STRING(100), allowNull: true, defaultValue: null },
        insuranceNumber: { type: DataTypes.STRING(64), allowNull: true, defaultValue: null },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'patients' },
    );
  }
}
