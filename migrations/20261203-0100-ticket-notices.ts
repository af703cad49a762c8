import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';

/**
 * Notices to waiting patients (issue 16): a patient asks, from their phone ticket page, to be told when they are 3rd
 * in line and when they are called, by web push or SMS. One row per ticket, channel and target (a push endpoint or a
 * phone, `target_key` being its SHA-256), so asking twice changes nothing. `third_sent_at` and `called_sent_at` are
 * set by a conditional update before a notice is sent: whichever server sets it sends it, and no other does.
 * `department_id` and `clinic_day` repeat the ticket's, so the dispatcher finds a queue's subscriptions without a join.
 */
export const up: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.createTable('ticket_notices', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    queue_entry_id: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'queue_entries', key: 'id' },
      onDelete: 'CASCADE',
      onUpdate: 'CASCADE',
    },
    department_id: { type: DataTypes.INTEGER, allowNull: false },
    clinic_day: { type: DataTypes.DATEONLY, allowNull: false },
    channel: { type: DataTypes.ENUM('push', 'sms'), allowNull: false },
    target: { type: DataTypes.TEXT, allowNull: false },
    target_key: { type: DataTypes.STRING(64), allowNull: false },
    language: { type: DataTypes.STRING(8), allowNull: false },
    third_sent_at: { type: DataTypes.DATE(3), allowNull: true, defaultValue: null },
    called_sent_at: { type: DataTypes.DATE(3), allowNull: true, defaultValue: null },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await qi.addIndex('ticket_notices', ['queue_entry_id', 'channel', 'target_key'], { unique: true, name: 'ticket_notices_once' });
  await qi.addIndex('ticket_notices', ['department_id', 'clinic_day'], { name: 'ticket_notices_queue' });
};

export const down: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.dropTable('ticket_notices');
};
