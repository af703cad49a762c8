import { DataTypes, Model, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** The wait estimate a patient was shown at check-in (minutes): set against the real wait in reports. */
export class WaitEstimate extends Model<InferAttributes<WaitEstimate>, InferCreationAttributes<WaitEstimate>> {
  declare queueEntryId: number;
  declare estimatedMinutes: number;
  declare lowMinutes: number;
  declare highMinutes: number;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    WaitEstimate.init(
      {
        queueEntryId: { type: DataTypes.INTEGER, primaryKey: true },
        estimatedMinutes: { type: DataTypes.INTEGER, allowNull: false },
        lowMinutes: { type: DataTypes.INTEGER, allowNull: false },
        highMinutes: { type: DataTypes.INTEGER, allowNull: false },
      },
      { sequelize, tableName: 'wait_estimates', timestamps: false, underscored: true },
    );
  }
}
