import type { Transaction } from 'sequelize';
import { Op } from 'sequelize';
import { forbidden } from '../../errors';
import { QueueEntry, type MedicalRecord } from '../../models';
import { audit } from '../audit';
import { requireStaff, resolveActor, type StaffActor } from '../../queue/commands/access';
import type { RecordRequester } from './context';

/**
 * Who may see and change consultation records (issue 6):
 * - doctors see the records and patients of their department's visits (their own queue, their colleagues' and the
 *   department's shared pool) and write only the records of visits they serve;
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

/** Throws 403 unless `staff` may read `record` (its `queueEntry` loaded). */
export function assertMayReadRecord(staff: RecordStaff, record: MedicalRecord): void {
  if (staff.role === 'admin') return;
  if (staff.role === 'reception') throw forbidden('Reception cannot see consultation records.');
  const doctor = staff.doctor!;
  if (record.doctorId === doctor.id) return;
  if (record.queueEntry && doctorSeesVisit(doctor, record.queueEntry)) return;
  throw forbidden('Doctors can see the records of their own department\'s visits only.');
}

/** Throws 403 unless `staff` is the doctor who holds the record (the one who serves the visit). */
export function assertMayWriteRecord(staff: RecordStaff, record: MedicalRecord): void {
  if (staff.role === 'reception') throw forbidden('Reception cannot see consultation records.');
  if (!staff.doctor) throw forbidden('Only doctors write consultation records.');
  if (record.doctorId !== staff.doctor.id) throw forbidden('Only the doctor who holds this record can change it.');
}

/** Throws 403 unless a doctor has seen the patient in their department; reception and admins may see every patient. */
export async function assertMaySeePatient(staff: RecordStaff, patientId: number): Promise<void> {
  if (!staff.doctor) return;
  const visit = await QueueEntry.findOne({ where: { patientId, ...visitsOfDoctor(staff.doctor) }, attributes: ['id'] });
  if (!visit) throw forbidden('Doctors can see only the patients of their own department\'s visits.');
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
