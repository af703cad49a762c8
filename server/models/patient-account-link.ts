import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** A family link: the account may manage this other patient's appointments (confirmed by `confirmedBy` at the desk). */
export class PatientAccountLink extends Model<InferAttributes<PatientAccountLink>, InferCreationAttributes<PatientAccountLink>> {
  declare id: CreationOptional<number>;
  declare accountId: number;
  declare patientId: number;
  declare confirmedBy: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    PatientAccountLink.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        accountId: { type: DataTypes.INTEGER, allowNull: false },
        patientId: { type: DataTypes.INTEGER, allowNull: false },
        confirmedBy: { type: DataTypes.INTEGER, allowNull: false },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'patient_account_links' },
    );
  }
}
