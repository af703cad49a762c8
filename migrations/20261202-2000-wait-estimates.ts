import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';

/**
 * The wait estimate each patient was shown at check-in (`wait_estimates`, one row per queue entry): the point
 * estimate and the range, in minutes. Kept apart from `queue_entries` so recording it never counts as a change to
 * the queue. Reports set it against the wait that followed.
 */
export const up: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.createTable('wait_estimates', {
    queue_entry_id: {
      type: DataTypes.INTEGER,
      primaryKey: true,
      allowNull: false,
      references: { model: 'queue_entries', key: 'id' },
      onDelete: 'CASCADE',
    },
    estimated_minutes: { type: DataTypes.INTEGER, allowNull: false },
    low_minutes: { type: DataTypes.INTEGER, allowNull: false },
    high_minutes: { type: DataTypes.INTEGER, allowNull: false },
  });
};

export const down: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.dropTable('wait_estimates');
};
