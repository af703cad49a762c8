import type { Transaction } from 'sequelize';
import { Op } from 'sequelize';
import { AppError, forbidden, notFound } from '../../errors';
import { QueueEntry, type MedicalRecord } from '../../models';
import { audit } from '../audit';
import { requireStaff, resolveActor, type StaffActor } from '../../queue/commands/access';
import type { RecordRequester } from './context';
import { READ_REASON_SCHEMA } from '../../../common/record-fields';
import { clinicalRelationship, isTreatingNow } from './clinical-relationship';

export { isTreatingNow };

/**
 * Who may see and change consultation records (issue 6):
 * - doctors see the records and patients of their department's visits (their own queue, their colleagues' and the
 *   department's shared pool), the whole history of a patient they are seeing now, and anything else with a recorded
 *   reason; they write only the records of visits they serve;
 * - reception sees no clinical data at all (403 on records);
 * - admins may read, never write.
 */

/** A requester with their role and (for doctors) profile resolved. */
export interface RecordStaff extends StaffActor {
  ip?: string;
}

/** Resolves the requester's doctor profile (403 for a doctor account without one). */
export async function resolveStaff(requester: RecordRequester): Promise<RecordStaff> {
  return { ...requireStaff(await resolveActor(requester.user)), ip: requester.ip };
}

/** True when a visit is the doctor's own or belongs to their department. */
export function doctorSeesVisit(doctor: { id: number; departmentId: number }, entry: Pick<QueueEntry, 'doctorId' | 'departmentId'>) {
  return entry.doctorId === doctor.id || entry.departmentId === doctor.departmentId;
}

/** The visits a doctor may see, as a `where` on queue entries. */
export function visitsOfDoctor(doctor: { id: number; departmentId: number }) {
  return { [Op.or]: [{ doctorId: doctor.id }, { departmentId: doctor.departmentId }] };
}

/** Why a read was allowed, written with it to the audit log. */
export type ReadBasis = 'admin' | 'own_department' | 'treating_now' | 'reason';

/** The shortest reason accepted for reading a record outside the rules (a few words, not "x"). */
export const MIN_REASON_LENGTH = READ_REASON_SCHEMA.minLength ?? 10;

/** A refused read, audited before the 403 goes out (issue 19: a refusal is as much a fact as a read). */
async function refuseRead(staff: RecordStaff, patientId: number, entity: { type: string; id: number }, message: string, reasonRequired: boolean) {
  await audit({
    userId: staff.userId,
    action: 'record.read_refused',
    entityType: entity.type,
    entityId: entity.id,
    patientId,
    ip: staff.ip,
    details: { role: staff.role, reason: reasonRequired ? 'no_reason_given' : 'role' },
  });
  const refusal = reasonRequired ? new AppError(403, 'reason_required', message) : forbidden(message);
  refusal.audited = true;
  return refusal;
}

/**
 * Decides whether `staff` may read `record` (its `queueEntry` loaded), and says on what basis; a refusal is audited
 * as `record.read_refused` before the 403. Admins read everything; reception nothing clinical; a doctor reads the
 * records of their department's visits, and every record of a patient they are seeing now (called or in
 * consultation); any other read needs a reason, which is recorded with the read.
 */
export async function authorizeRecordRead(staff: RecordStaff, record: MedicalRecord, reason?: string): Promise<ReadBasis> {
  const entity = { type: 'medical_record', id: record.id };
  if (staff.role === 'admin') return 'admin';
  if (staff.role === 'reception') throw await refuseRead(staff, record.patientId, entity, 'Reception cannot see consultation records.', false);
  const doctor = staff.doctor!;
  if (record.doctorId === doctor.id || (record.queueEntry && doctorSeesVisit(doctor, record.queueEntry))) return 'own_department';
  if (await isTreatingNow(doctor, record.patientId)) return 'treating_now';
  if (reason && reason.trim().length >= MIN_REASON_LENGTH) return 'reason';
  throw await refuseRead(
    staff,
    record.patientId,
    entity,
    "This record is from another department's visit. Give a reason to read it (it is recorded), or open it while the patient is with you.",
    true,
  );
}

/** Throws 403 (audited) unless `staff` may read `record`; see {@link authorizeRecordRead}. */
export async function assertMayReadRecord(staff: RecordStaff, record: MedicalRecord): Promise<void> {
  await authorizeRecordRead(staff, record);
}

/** Throws 403 unless `staff` is the doctor who holds the record (the one who serves the visit). */
export function assertMayWriteRecord(staff: RecordStaff, record: MedicalRecord): void {
  if (staff.role === 'reception') throw forbidden('Reception cannot see consultation records.');
  if (!staff.doctor) throw forbidden('Only doctors write consultation records.');
  if (record.doctorId !== staff.doctor.id) throw forbidden('Only the doctor who holds this record can change it.');
}

/**
 * How far a doctor sees a patient's history, by the rules in clinical-relationship.ts: `all` while the patient is
 * with them now, or with a recorded reason; `department` when they signed for the patient or their department
 * consulted them. Without a relationship the answer is the same 404 as for a patient who does not exist (audited as
 * a refused read), so neither a check-in nor probing ids tells a doctor anything. Reception and admins see every
 * patient (reception without clinical fields).
 */
export async function patientHistoryScope(staff: RecordStaff, patientId: number, reason?: string): Promise<{ scope: 'all' | 'department'; basis: ReadBasis }> {
  if (!staff.doctor) return { scope: 'all', basis: 'admin' };
  const relationship = await clinicalRelationship(staff.doctor, patientId);
  if (relationship === 'treating_now') return { scope: 'all', basis: 'treating_now' };
  if (reason && reason.trim().length >= MIN_REASON_LENGTH) return { scope: 'all', basis: 'reason' };
  if (relationship) return { scope: 'department', basis: 'own_department' };
  await audit({
    userId: staff.userId,
    action: 'record.read_refused',
    entityType: 'patient',
    entityId: patientId,
    patientId,
    ip: staff.ip,
    details: { role: staff.role, reason: 'no_relationship' },
  });
  throw notFound('That patient');
}

/** Writes a record.* (or prescription.*) audit row for `record`, in `transaction` when the action is a change. */
export async function auditRecord(
  staff: RecordStaff,
  action: string,
  record: Pick<MedicalRecord, 'id' | 'patientId'>,
  transaction?: Transaction,
  details?: Record<string, unknown>,
): Promise<void> {
  await audit(
    {
      userId: staff.userId,
      action,
      entityType: 'medical_record',
      entityId: record.id,
      patientId: record.patientId,
      ip: staff.ip,
      details,
    },
    transaction,
  );
}
