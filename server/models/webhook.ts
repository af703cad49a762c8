import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import { forgetNoWebhooks } from '../webhooks/hook-cache';

/**
 * A URL an admin registered for events (issue 16). Deliveries are signed with `secret` (HMAC-SHA256). A hook that is
 * not `clinical` gets only public-safe data: no patient ids or clinical content.
 */
export class Webhook extends Model<InferAttributes<Webhook>, InferCreationAttributes<Webhook>> {
  declare id: CreationOptional<number>;
  declare url: string;
  /** Space-separated event names. */
  declare events: string;
  declare secret: string;
  declare clinical: CreationOptional<boolean>;
  declare active: CreationOptional<boolean>;
  declare createdBy: number;
  /** The last attempt's outcome ("200", "HTTP 500", "timeout", ...), for the admin panel. */
  declare lastStatus: CreationOptional<string | null>;
  declare lastAttemptAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  /** The events as a list. */
  eventList(): string[] {
    return this.events.split(' ').filter(Boolean);
  }

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    Webhook.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        url: { type: DataTypes.STRING(500), allowNull: false },
        events: { type: DataTypes.STRING(300), allowNull: false },
        secret: { type: DataTypes.STRING(100), allowNull: false },
        clinical: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        createdBy: { type: DataTypes.INTEGER, allowNull: false },
        lastStatus: { type: DataTypes.STRING(120), allowNull: true, defaultValue: null },
        lastAttemptAt: { type: DataTypes.DATE(3), allowNull: true, defaultValue: null },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      {
        sequelize,
        tableName: 'webhooks',
        // The outbox trusts "no hooks" for a few seconds (webhooks/hook-cache.ts); any change here ends that.
        hooks: {
          afterCreate: (_hook, options) => forgetNoWebhooks(options.transaction),
          afterUpdate: (_hook, options) => forgetNoWebhooks(options.transaction),
          afterDestroy: (_hook, options) => forgetNoWebhooks(options.transaction),
          afterBulkCreate: (_hooks, options) => forgetNoWebhooks(options.transaction),
          afterBulkUpdate: (options) => forgetNoWebhooks(options.transaction),
          afterBulkDestroy: (options) => forgetNoWebhooks(options.transaction),
        },
      },
    );
  }
}

/** One delivery of one event to one hook, written in the transaction of the change it reports. */
export class WebhookDelivery extends Model<InferAttributes<WebhookDelivery>, InferCreationAttributes<WebhookDelivery>> {
  declare id: CreationOptional<number>;
  declare webhookId: number;
  declare event: string;
  /** The exact JSON that is sent and signed. */
  declare body: string;
  declare attempts: CreationOptional<number>;
  declare nextAttemptAt: Date;
  declare deliveredAt: CreationOptional<Date | null>;
  /** Set when the worker gave up after its last retry. */
  declare failedAt: CreationOptional<Date | null>;
  declare lastError: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare webhook?: NonAttribute<Webhook>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    WebhookDelivery.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        webhookId: { type: DataTypes.INTEGER, allowNull: false },
        event: { type: DataTypes.STRING(40), allowNull: false },
        body: { type: DataTypes.TEXT, allowNull: false },
        attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        nextAttemptAt: { type: DataTypes.DATE(3), allowNull: false },
        deliveredAt: { type: DataTypes.DATE(3), allowNull: true, defaultValue: null },
        failedAt: { type: DataTypes.DATE(3), allowNull: true, defaultValue: null },
        lastError: { type: DataTypes.STRING(255), allowNull: true, defaultValue: null },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'webhook_outbox' },
    );
  }
}
