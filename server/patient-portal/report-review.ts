import type { Sequelize, Transaction } from 'sequelize';
import type { PatientReportView, ReportValues } from '../../common/patient-reports';
import { inTransaction } from '../db/transaction';
import { conflict, notFound } from '../errors';
import { Patient, PatientReport, User } from '../models';
import { audit } from '../services/audit';

/** The staff member acting, for the review's row and its audit entry. */
export interface ReviewStaff {
  userId: number;
  ip: string;
}

const REVIEWED_SHOWN = 10;

/** The record's fields a report of this kind would change. */
const FIELDS = { allergies: ['allergies'], insurance: ['insuranceProvider', 'insuranceNumber'] } as const;
type Field = (typeof FIELDS)[keyof typeof FIELDS][number];

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').trim() === (b ?? '').trim();
const valuesOf = (source: Partial<Record<Field, string | null>>, kind: PatientReport['field']): ReportValues =>
  Object.fromEntries(FIELDS[kind].map((f) => [f, source[f] ?? null]));

/**
 * Staff confirm or dismiss what a patient reported on their dashboard. Confirming writes the reported value into the
 * patient's record and marks the report reviewed in one transaction, and only when the record still says what the
 * screen showed next to it, so a doctor's newer value is never replaced unseen. Both are audited on the patient.
 */
export class PatientReportReview {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly now: () => Date,
  ) {}

  /** The patient's reports: pending ones oldest first (with the record's current value beside them), then the latest reviewed. */
  async list(patientId: number): Promise<PatientReportView[]> {
    const patient = await Patient.findByPk(patientId);
    if (!patient) throw notFound('That patient');
    const pending = await PatientReport.findAll({ where: { patientId, status: 'pending' }, order: [['id', 'ASC']] });
    const reviewed = await PatientReport.findAll({ where: { patientId, status: ['confirmed', 'dismissed'] }, order: [['id', 'DESC']], limit: REVIEWED_SHOWN });
    const staffIds = [...new Set(reviewed.map((r) => r.reviewedBy).filter((id): id is number => id !== null))];
    const names = new Map((await User.findAll({ where: { id: staffIds }, attributes: ['id', 'fullName'] })).map((u) => [u.id, u.fullName]));
    return [...pending, ...reviewed].map((r) => present(r, r.status === 'pending' ? patient : null, names));
  }

  /** Puts the reported value on the record; 404 for another patient's report, 409 when reviewed already or the record changed. */
  async confirm(patientId: number, reportId: number, expected: ReportValues, staff: ReviewStaff): Promise<PatientReportView> {
    return inTransaction(this.sequelize, async (transaction) => {
      const report = await this.pending(patientId, reportId, transaction);
      const patient = (await Patient.findByPk(patientId, { transaction, lock: transaction.LOCK.UPDATE }))!;
      const fields = FIELDS[report.field];
      if (fields.some((f) => !same(patient[f], expected[f]))) {
        throw conflict('stale', "The patient's record has changed since this screen was loaded. Look at the record's value again before confirming.");
      }
      const replaced = fields.filter((f) => !same(patient[f], report[f]));
      patient.set(Object.fromEntries(fields.map((f) => [f, report[f]?.trim() || null])));
      await patient.save({ transaction });
      await this.review(report, 'confirmed', staff, transaction, { replaced });
      return present(report, null, new Map([[staff.userId, await staffName(staff.userId, transaction)]]));
    });
  }

  /** Marks the report not accepted; the record stays as it is. 404 and 409 as for {@link confirm}. */
  async dismiss(patientId: number, reportId: number, staff: ReviewStaff): Promise<PatientReportView> {
    return inTransaction(this.sequelize, async (transaction) => {
      const report = await this.pending(patientId, reportId, transaction);
      await this.review(report, 'dismissed', staff, transaction, {});
      return present(report, null, new Map([[staff.userId, await staffName(staff.userId, transaction)]]));
    });
  }

  /** The report, locked; the same 404 for a report of another patient as for one that does not exist. */
  private async pending(patientId: number, reportId: number, transaction: Transaction): Promise<PatientReport> {
    const report = await PatientReport.findOne({ where: { id: reportId, patientId }, transaction, lock: transaction.LOCK.UPDATE });
    if (!report) throw notFound('That report');
    if (report.status !== 'pending') throw conflict('already_reviewed', 'This report has already been confirmed or dismissed. The list has been refreshed.');
    return report;
  }

  private async review(report: PatientReport, status: 'confirmed' | 'dismissed', staff: ReviewStaff, transaction: Transaction, details: Record<string, unknown>) {
    report.set({ status, reviewedBy: staff.userId, reviewedAt: this.now() });
    await report.save({ transaction });
    await audit(
      {
        userId: staff.userId,
        action: `patient.report_${status}`,
        entityType: 'patient_report',
        entityId: report.id,
        patientId: report.patientId,
        ip: staff.ip,
        details: { field: report.field, ...details },
      },
      transaction,
    );
  }
}

async function staffName(userId: number, transaction: Transaction): Promise<string> {
  return (await User.findByPk(userId, { attributes: ['fullName'], transaction }))?.fullName ?? '';
}

function present(report: PatientReport, patient: Patient | null, names: Map<number, string>): PatientReportView {
  return {
    id: report.id,
    field: report.field,
    status: report.status,
    reportedAt: report.createdAt.toISOString(),
    reported: valuesOf(report, report.field),
    current: patient ? valuesOf(patient, report.field) : null,
    reviewedBy: report.reviewedBy === null ? null : { id: report.reviewedBy, name: names.get(report.reviewedBy) ?? '' },
    reviewedAt: report.reviewedAt?.toISOString() ?? null,
  };
}
