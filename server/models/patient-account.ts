import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import type { Patient } from './patient';

/** A patient's own sign-in to the dashboard (/me): found by phone (E.164) or email, one per patient record. */
export class PatientAccount extends Model<InferAttributes<PatientAccount>, InferCreationAttributes<PatientAccount>> {
  declare id: CreationOptional<number>;
  declare patientId: number;
  declare phone: string | null;
  declare email: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare patient?: NonAttribute<Patient>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    PatientAccount.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        patientId: { type: DataTypes.INTEGER, allowNull: false, unique: true },
        phone: { type: DataTypes.STRING(32), allowNull: true, unique: true },
        email: { type: DataTypes.STRING(190), allowNull: true, unique: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'patient_accounts' },
    );
  }
}
