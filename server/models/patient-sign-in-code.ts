import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** A typed one-time code (`code`), a printed sign-in link (`link`), or a code checking a new email address (`email`). */
export type SignInCodeKind = 'code' | 'link' | 'email';

/**
 * One way in for a patient account, kept as the SHA-256 of the secret only: it ends at `expiresAt`, on first use
 * (`usedAt`), or after too many wrong tries (`failedAttempts`).
 */
export class PatientSignInCode extends Model<InferAttributes<PatientSignInCode>, InferCreationAttributes<PatientSignInCode>> {
  declare id: CreationOptional<number>;
  declare accountId: number;
  declare kind: SignInCodeKind;
  declare codeHash: string;
  declare expiresAt: Date;
  declare usedAt: CreationOptional<Date | null>;
  declare failedAttempts: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    PatientSignInCode.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        accountId: { type: DataTypes.INTEGER, allowNull: false },
        kind: { type: DataTypes.STRING(8), allowNull: false },
        codeHash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
        expiresAt: { type: DataTypes.DATE(3), allowNull: false },
        usedAt: { type: DataTypes.DATE(3), allowNull: true, defaultValue: null },
        failedAttempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'patient_sign_in_codes' },
    );
  }
}
