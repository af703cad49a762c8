import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import type { PatientAccount } from './patient-account';

/**
 * A patient's sign-in, in a table of its own: staff sessions are looked up in `sessions` only, so a patient's
 * cookie can never pass a staff check. The id is the SHA-256 of the cookie's token.
 */
export class PatientSession extends Model<InferAttributes<PatientSession>, InferCreationAttributes<PatientSession>> {
  declare id: string;
  declare accountId: number;
  declare expiresAt: Date;
  declare ip: string | null;
  declare userAgent: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare account?: NonAttribute<PatientAccount>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    PatientSession.init(
      {
        id: { type: DataTypes.STRING(64), primaryKey: true },
        accountId: { type: DataTypes.INTEGER, allowNull: false },
        expiresAt: { type: DataTypes.DATE(3), allowNull: false },
        ip: { type: DataTypes.STRING(64), allowNull: true },
        userAgent: { type: DataTypes.STRING(255), allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'patient_sessions' },
    );
  }
}
