import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** How a notice reaches the patient. */
export const NOTICE_CHANNELS = ['push', 'sms'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/**
 * A patient's request to be told when their ticket is 3rd in line and when it is called (server/notices), by web push
 * (`target` is the browser's push subscription, JSON) or SMS (`target` is the phone). Each notice's time is set once,
 * by the server that sends it.
 */
export class TicketNotice extends Model<InferAttributes<TicketNotice>, InferCreationAttributes<TicketNotice>> {
  declare id: CreationOptional<number>;
  declare queueEntryId: number;
  declare departmentId: number;
  declare clinicDay: string;
  declare channel: NoticeChannel;
  declare target: string;
  /** SHA-256 (hex) of `target`: the unique key's part, as an endpoint may be too long to index. */
  declare targetKey: string;
  declare language: string;
  declare thirdSentAt: CreationOptional<Date | null>;
  declare calledSentAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    TicketNotice.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        queueEntryId: { type: DataTypes.INTEGER, allowNull: false },
        departmentId: { type: DataTypes.INTEGER, allowNull: false },
        clinicDay: { type: DataTypes.DATEONLY, allowNull: false },
        channel: { type: DataTypes.ENUM(...NOTICE_CHANNELS), allowNull: false },
        target: { type: DataTypes.TEXT, allowNull: false },
        targetKey: { type: DataTypes.STRING(64), allowNull: false },
        language: { type: DataTypes.STRING(8), allowNull: false },
        thirdSentAt: { type: DataTypes.DATE(3), allowNull: true, defaultValue: null },
        calledSentAt: { type: DataTypes.DATE(3), allowNull: true, defaultValue: null },
        createdAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'ticket_notices', updatedAt: false },
    );
  }
}
