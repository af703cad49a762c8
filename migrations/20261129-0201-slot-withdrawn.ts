import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';

/**
 * When slot generation took a slot out of the schedule without deleting it. A free slot the schedule no longer has
 * is deleted, unless cancelled or no-show appointments still refer to it (their history keeps its time, and the
 * foreign key is RESTRICT): then it is withdrawn instead. Withdrawn slots are not bookable, not shown, and do not
 * stand in the way of the new schedule's slots.
 */
export const up: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.addColumn('time_slots', 'withdrawn_at', { type: DataTypes.DATE(3), allowNull: true });
};

export const down: Migration = async ({ context: { sequelize } }) => {
  // Plain ALTER TABLE on both engines: Sequelize's removeColumn on SQLite rebuilds the table and loses its indexes.
  await sequelize.query('ALTER TABLE time_slots DROP COLUMN withdrawn_at');
};
