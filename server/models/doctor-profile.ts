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
import type { Department } from './department';
import type { User } from './user';

/** What makes a staff user a doctor: licence, specialty, department, room, and the usual length of a consultation. */
export class DoctorProfile extends Model<InferAttributes<DoctorProfile>, InferCreationAttributes<DoctorProfile>> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare licenseNumber: string;
  declare specialization: string;
  /** 0.0 to 5.0, or null when unrated. */
  declare rating: CreationOptional<number | null>;
  declare departmentId: number;
  /** Where patients go when called, as displays announce it ("Room 3"). */
  declare room: string;
  /** The fallback for wait estimates before the doctor has seen anyone today. */
  declare consultationMinutes: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare user?: NonAttribute<User>;
  declare department?: NonAttribute<Department>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    DoctorProfile.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        userId: { type: DataTypes.INTEGER, allowNull: false, unique: true },
        licenseNumber: { type: DataTypes.STRING(64), allowNull: false, unique: true, validate: { len: [1, 64] } },
        specialization: { type: DataTypes.STRING(100), allowNull: false, validate: { len: [1, 100] } },
        rating: decimalAttribute<DoctorProfile>('rating', 2, 1, { min: 0, max: 5 }),
        departmentId: { type: DataTypes.INTEGER, allowNull: false },
        room: { type: DataTypes.STRING(40), allowNull: false, validate: { len: [1, 40] } },
        consultationMinutes: {
          type: DataTypes.INTEGER,
          allowNull: false,
          defaultValue: 15,
          validate: { min: 1, max: 240 },
        },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'doctor_profiles' },
    );
  }
}
