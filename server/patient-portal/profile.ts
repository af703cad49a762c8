import { Op, type Sequelize } from 'sequelize';
import type { AccessEntry, MyProfile, PatientReported, ReportRequest } from '../../common/me';
import { inTransaction } from '../db/transaction';
import { AuditLog, Patient, PatientAccount, PatientReport, User } from '../models';
import { audit } from '../services/audit';
import type { PatientActor } from './actor';

/** The patient's details as the clinic has them, with what the patient reported apart. Audited as a read. */
export async function myProfile(actor: PatientActor): Promise<MyProfile> {
  const patient = (await Patient.findByPk(actor.patientId))!;
  const account = await PatientAccount.findByPk(actor.accountId);
  // The latest report of each kind and what became of it; one the patient replaced themselves (dismissed with no
  // reviewer) is history, not an answer from the clinic.
  const reports = await PatientReport.findAll({ where: { patientId: actor.patientId }, order: [['id', 'DESC']], limit: 50 });
  const reported: PatientReported = {};
  for (const r of reports.filter((row) => row.status === 'pending' || row.reviewedBy !== null)) {
    const outcome = { status: r.status, reportedAt: r.createdAt.toISOString(), reviewedAt: r.reviewedAt?.toISOString() ?? null };
    if (r.field === 'allergies') reported.allergies ??= { value: r.allergies ?? '', ...outcome };
    else reported.insurance ??= { provider: r.insuranceProvider ?? null, number: r.insuranceNumber ?? null, ...outcome };
  }
  await audit(actor.audit('patient.profile_read'));
  return {
    fullName: patient.fullName,
    dateOfBirth: patient.dateOfBirth,
    phone: patient.phone ?? null,
    email: account?.email ?? null,
    medicalRecordNumber: patient.medicalRecordNumber,
    allergies: patient.allergies ?? null,
    insurance: { provider: patient.insuranceProvider ?? null, number: patient.insuranceNumber ?? null },
    reported,
  };
}

/**
 * Stores allergies or insurance as the patient reports them: a pending "patient-reported" row for staff to confirm.
 * The patient's record (what a doctor or the desk wrote) is not touched.
 */
export async function reportChange(sequelize: Sequelize, actor: PatientActor, input: ReportRequest): Promise<void> {
  await inTransaction(sequelize, async (transaction) => {
    const field = 'allergies' in input ? 'allergies' : 'insurance';
    // An earlier pending report of the same kind is replaced by the newer one (kept, marked dismissed, for history).
    await PatientReport.update({ status: 'dismissed' }, { where: { patientId: actor.patientId, field, status: 'pending' }, transaction });
    const row = await PatientReport.create(
      'allergies' in input
        ? { patientId: actor.patientId, field, allergies: input.allergies }
        : { patientId: actor.patientId, field, insuranceProvider: input.insuranceProvider, insuranceNumber: input.insuranceNumber },
      { transaction },
    );
    await audit({ ...actor.audit('patient.report'), entityType: 'patient_report', entityId: row.id, details: { ...actor.details, field } }, transaction);
  });
}

/** Who touched the patient's record and when (`who`: a staff member's name and role, 'you' or 'online'), newest first (the latest 100 rows about this patient). */
export async function myAccessHistory(actor: PatientActor): Promise<AccessEntry[]> {
  const rows = await AuditLog.findAll({
    where: { patientId: actor.patientId, action: { [Op.notLike]: 'patient.access_read' } },
    order: [['id', 'DESC']],
    limit: 100,
  });
  const staffIds = [...new Set(rows.map((r) => r.userId).filter((id): id is number => id !== null))];
  const staff = new Map((await User.findAll({ where: { id: staffIds }, attributes: ['id', 'fullName', 'role'] })).map((u) => [u.id, u]));
  await audit(actor.audit('patient.access_read'));
  return rows.map((r) => {
    const user = r.userId === null ? undefined : staff.get(r.userId);
    // Without a staff member: the patient themselves, or someone online (a booking, a code asked for or mistyped).
    const who = user ? `${user.fullName} (${user.role})` : r.details?.actor === 'patient' ? 'you' : 'online';
    return { at: r.createdAt.toISOString(), who, action: r.action };
  });
}
