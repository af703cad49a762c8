import type { Sequelize } from 'sequelize';
import type { FamilyLinkPerson, FamilyLinksResponse } from '../../common/patient-reports';
import { inTransaction } from '../db/transaction';
import { conflict, notFound } from '../errors';
import { Patient, PatientAccount, PatientAccountLink } from '../models';
import { audit } from '../services/audit';
import { uniqueClashOn } from '../services/unique';
import { ensureAccount } from './sign-in';

/** The staff member acting, for the audit entry. */
export interface LinkStaff {
  userId: number;
  ip: string;
}

/**
 * Family accounts: one patient (a parent) manages another's (a child's) appointments on their dashboard, once the
 * desk has confirmed it. The guardian's account is made if they have none; the link opens appointments only.
 */
export class FamilyLinks {
  constructor(private readonly sequelize: Sequelize) {}

  /** Links `patientId` to `guardianPatientId`'s account, audited; 404 for an unknown patient, 409 when already linked. */
  async link(patientId: number, guardianPatientId: number, staff: LinkStaff): Promise<void> {
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

  /** Who manages the patient's appointments, and whose the patient manages; 404 for an unknown patient. */
  async list(patientId: number): Promise<FamilyLinksResponse> {
    if (!(await Patient.findByPk(patientId, { attributes: ['id'] }))) throw notFound('That patient');
    const own = await PatientAccount.findOne({ where: { patientId }, attributes: ['id'] });
    const guardianLinks = await PatientAccountLink.findAll({ where: { patientId }, order: [['id', 'ASC']] });
    const guardianAccounts = new Map(
      (await PatientAccount.findAll({ where: { id: guardianLinks.map((l) => l.accountId) }, attributes: ['id', 'patientId'] })).map((a) => [a.id, a.patientId]),
    );
    const managed = own ? await PatientAccountLink.findAll({ where: { accountId: own.id }, order: [['id', 'ASC']] }) : [];
    const people = await peopleById([...guardianAccounts.values(), ...managed.map((l) => l.patientId)]);
    const person = (id: number | undefined, link: PatientAccountLink): FamilyLinkPerson[] => {
      const p = id === undefined ? undefined : people.get(id);
      return p ? [{ id: p.id, fullName: p.fullName, dateOfBirth: p.dateOfBirth, medicalRecordNumber: p.medicalRecordNumber, linkedAt: link.createdAt.toISOString() }] : [];
    };
    return {
      managedBy: guardianLinks.flatMap((l) => person(guardianAccounts.get(l.accountId), l)),
      manages: managed.flatMap((l) => person(l.patientId, l)),
    };
  }

  /** Ends the link (the guardian no longer sees the patient's appointments), audited; 404 when there is none. */
  async unlink(patientId: number, guardianPatientId: number, staff: LinkStaff): Promise<void> {
    await inTransaction(this.sequelize, async (transaction) => {
      const account = await PatientAccount.findOne({ where: { patientId: guardianPatientId }, transaction });
      const link = account && (await PatientAccountLink.findOne({ where: { accountId: account.id, patientId }, transaction, lock: transaction.LOCK.UPDATE }));
      if (!link) throw notFound('That family link');
      await link.destroy({ transaction });
      await audit(
        { userId: staff.userId, action: 'patient.family_unlink', entityType: 'patient_account_link', entityId: link.id, patientId, ip: staff.ip, details: { guardianPatientId } },
        transaction,
      );
    });
  }
}

async function peopleById(ids: number[]): Promise<Map<number, Patient>> {
  const rows = await Patient.findAll({ where: { id: [...new Set(ids)] }, attributes: ['id', 'fullName', 'dateOfBirth', 'medicalRecordNumber'] });
  return new Map(rows.map((p) => [p.id, p]));
}
