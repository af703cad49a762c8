import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';

/**
 * Webhooks (issue 16): the URLs an admin registered for events, and the outbox of deliveries. An outbox row is
 * written in the transaction of the change it reports, so a rolled-back change leaves none and a committed one is
 * never lost; the delivery worker sends due rows, retrying with exponential backoff, and reads them again after a
 * restart.
 */
export const up: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.createTable('webhooks', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    url: { type: DataTypes.STRING(500), allowNull: false },
    events: { type: DataTypes.STRING(300), allowNull: false },
    secret: { type: DataTypes.STRING(100), allowNull: false },
    clinical: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    created_by: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'users', key: 'id' }, onUpdate: 'CASCADE' },
    last_status: { type: DataTypes.STRING(120), allowNull: true, defaultValue: null },
    last_attempt_at: { type: DataTypes.DATE(3), allowNull: true, defaultValue: null },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
    updated_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await qi.createTable('webhook_outbox', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    webhook_id: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'webhooks', key: 'id' },
      onDelete: 'CASCADE',
      onUpdate: 'CASCADE',
    },
    event: { type: DataTypes.STRING(40), allowNull: false },
    body: { type: DataTypes.TEXT, allowNull: false },
    attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    next_attempt_at: { type: DataTypes.DATE(3), allowNull: false },
    delivered_at: { type: DataTypes.DATE(3), allowNull: true, defaultValue: null },
    failed_at: { type: DataTypes.DATE(3), allowNull: true, defaultValue: null },
    last_error: { type: DataTypes.STRING(255), allowNull: true, defaultValue: null },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
    updated_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await qi.addIndex('webhook_outbox', ['delivered_at', 'failed_at', 'next_attempt_at'], { name: 'webhook_outbox_due' });
  await qi.addIndex('webhook_outbox', ['webhook_id']);
};

export const down: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.dropTable('webhook_outbox');
  await qi.dropTable('webhooks');
};
