import { DataTypes, Model, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/**
 * The last token number handed out per department and clinic day. Check-in increments this one row inside its
 * transaction, which serialises concurrent check-ins; COUNT+1 or MAX+1 would hand out duplicates under load.
 */
export class QueueCounter extends Model<InferAttributes<QueueCounter>, InferCreationAttributes<QueueCounter>> {
  declare departmentId: number;
  /** 'YYYY-MM-DD' in the clinic's time zone. */
  declare clinicDay: string;
  declare lastSequence: number;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    QueueCounter.init(
      {
        departmentId: { type: DataTypes.INTEGER, primaryKey: true },
        clinicDay: { type: DataTypes.DATEONLY, primaryKey: true },
        lastSequence: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      },
      { sequelize, tableName: 'queue_counters', timestamps: false },
    );
  }
}
