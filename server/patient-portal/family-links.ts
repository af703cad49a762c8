import type { Sequelize } from 'sequelize';
import { inTransaction } from '../db/transaction';
import { conflict, notFound } from '../errors';
import { Patient, PatientAccountLink } from '../models';
import { audit } from '../services/audit';
import { uniqueClashOn } from '../services/unique';
import { ensureAccount } from './sign-in';

/**
 * Family accounts: one patient (a parent) manages another's (a child's) appointments on their dashboard, once the
 * desk has confirmed it. The guardian's account is made if they have none; the link opens appointments only.
 */
export class FamilyLinks {
  constructor(private readonly sequelize: Sequelize) {}

  /** Links `patientId` to `guardianPatientId`'s account, audited; 404 for an unknown patient, 409 when already linked. */
  async link(patientId: number, guardianPatientId: number, staff: { userId: number; ip: string }): Promise<void> {
    try {
      await inTransaction(this.sequelize, async (transaction) => {
        if (!(await Patient.findByPk(patientId, { transaction }))) throw notFound('That patient');
        const account = await ensureAccount(guardianPatientId, transaction);
        const link = await PatientAccountLink.create({ accountId: account.id, patientId, confirmedBy: staff.userId }, { transaction });
        await audit(
          { userId: staff.userId, action: 'patient.family_link', entityType: 'patient_account_link', entityId: link.id, patientId, ip: staff.ip, details: { guardianPatientId } },
          transaction,
        );
      });
    } catch (error) {
      if (uniqueClashOn(error, 'patient_account_links')) throw conflict('already_exists', 'These two are already linked.');
      throw error;
    }
  }
}
