import type { Transaction } from 'sequelize';
import { AppError, conflict, notFound, validationFailed } from '../../errors';
import { Department, DoctorProfile, QueueEntry } from '../../models';
import { issueEntry } from './check-in';
import type { QueueContext } from './context';
import { followAppointment, saveEntry } from './entries';
import { applyStep } from '../rules/transitions';

/** Where a patient is sent and why. At least one of the two targets; a doctor implies their department. */
export interface TransferTarget {
  toDepartmentId?: number;
  toDoctorId?: number;
  reason: string;
}

/** Throws 422 unless the request names a target and gives a reason. Checked before any database work. */
export function checkTransferTarget(target: TransferTarget): void {
  const fields = [];
  if (target.toDepartmentId === undefined && target.toDoctorId === undefined) {
    fields.push({ path: 'toDepartmentId', message: 'Choose a department or a doctor to transfer the patient to.' });
  }
  if (!target.reason?.trim()) fields.push({ path: 'reason', message: 'Please give a reason for the transfer.' });
  if (fields.length) throw validationFailed(fields);
}

/**
 * Moves a visit to another department or doctor: `entry` (locked, checked and allowed to transfer by the caller)
 * becomes 'transferred', and a NEW waiting entry continues the visit in the target queue, with a token from that
 * department's counter, the original check-in time (so the patient does not start again at the back), the same
 * patient, appointment and priority, `transferredFromId` pointing back, and a fresh public code. The patient's old
 * ticket link still works: it follows the chain to the new entry (findByPublicCode).
 */
export async function transferEntry(
  ctx: QueueContext,
  entry: QueueEntry,
  target: TransferTarget,
  now: Date,
  transaction: Transaction,
): Promise<QueueEntry> {
  const doctor = target.toDoctorId !== undefined ? await DoctorProfile.findByPk(target.toDoctorId, { transaction }) : null;
  if (target.toDoctorId !== undefined && !doctor) throw notFound('That doctor');
  const departmentId = doctor?.departmentId ?? target.toDepartmentId!;
  const department = await Department.findByPk(departmentId, { transaction });
  if (!department) throw notFound('That department');
  if (doctor && target.toDepartmentId !== undefined && target.toDepartmentId !== doctor.departmentId) {
    throw new AppError(422, 'invalid_reference', `That doctor does not work in the department chosen; they work in ${department.name}.`);
  }
  if (!department.active) {
    throw conflict('department_closed', `${department.name} is not taking patients at the moment.`);
  }
  if (department.id === entry.departmentId && (doctor?.id ?? null) === entry.doctorId) {
    throw conflict('same_queue', `${entry.token} is already in that queue.`);
  }

  applyStep(entry, 'transfer', now);
  await saveEntry(entry, transaction);
  await followAppointment(entry, 'transfer', transaction);
  return issueEntry(
    ctx,
    {
      departmentId: department.id,
      prefix: department.prefix,
      doctorId: doctor?.id ?? null,
      patientId: entry.patientId,
      appointmentId: entry.appointmentId,
      priority: entry.priority,
      priorityReason: entry.priorityReason,
      checkedInAt: entry.checkedInAt,
      idempotencyKey: null,
      transferredFromId: entry.id,
      // An anonymous walk-in's first name and phone go with them, so the next desk can still reach them.
      firstName: entry.firstName,
      contactPhone: entry.contactPhone,
    },
    now,
    transaction,
  );
}
