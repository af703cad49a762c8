import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';

/**
 * Staff review of what patients report on their dashboard (issue 17): who confirmed or dismissed a report and when.
 * `status` already says pending / confirmed / dismissed; a report replaced by a newer one of the same kind is
 * dismissed with no reviewer (the patient changed their mind, not staff).
 */
export const up: Migration = async ({ context: { queryInterface: qi } }) => {
  // No foreign key: the review outlives the staff account that made it (as audit entries and family links do).
  await qi.addColumn('patient_reports', 'reviewed_by', { type: DataTypes.INTEGER, allowNull: true });
  await qi.addColumn('patient_reports', 'reviewed_at', { type: DataTypes.DATE(3), allowNull: true });
};

export const down: Migration = async ({ context: { queryInterface: qi } }) => {
  await qi.removeColumn('patient_reports', 'reviewed_at');
  await qi.removeColumn('patient_reports', 'reviewed_by');
};
