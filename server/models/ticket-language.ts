import { DataTypes, Model, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** The language a patient checked in in, per queue entry: their phone ticket page and printed ticket speak it. */
export class TicketLanguage extends Model<InferAttributes<TicketLanguage>, InferCreationAttributes<TicketLanguage>> {
  declare queueEntryId: number;
  declare language: string;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    TicketLanguage.init(
      {
        queueEntryId: { type: DataTypes.INTEGER, primaryKey: true },
        language: { type: DataTypes.STRING(8), allowNull: false },
      },
      { sequelize, tableName: 'ticket_languages', timestamps: false, underscored: true },
    );
  }
}
