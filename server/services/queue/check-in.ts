import { DateTime } from 'luxon';
import { UniqueConstraintError, type Transaction } from 'sequelize';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../errors';
import { Appointment, Department, DoctorProfile, Patient, QueueEntry, TimeSlot } from '../../models';
import { inTransaction } from '../../db/transaction';
import { audit } from '../audit';
import { clinicDay } from '../clinic-time';
import type { StaffActor } from './access';
import type { QueueContext } from './context';
import { findAppointment } from './appointment-finder';
import { loadEntry } from './entries';
import { formatToken, nextSequence } from './tokens';
import type { AppointmentInput, WalkInInput } from './types';

/** How long before the slot an appointment holder may check in. Earlier, they are told when to come back. */
export const EARLIEST_CHECK_IN_MINUTES = 60;

/**
 * Runs a check-in at most once per idempotency key. A retry whose original already committed gets the original
 * entry back. A retry racing the original (both passed the first look) fails on the unique index over
 * idempotency_key; its whole transaction rolls back (so the token number it took is given back) and it returns the
 * entry the winner created.
 */
async function once(key: string, checkIn: () => Promise<QueueEntry>): Promise<QueueEntry> {
  const earlier = await QueueEntry.findOne({ where: { idempotencyKey: key } });
  if (earlier) return loadEntry(earlier.id);
  try {
    return await checkIn();
  } catch (error) {
    if (error instanceof UniqueConstraintError && mentionsIdempotencyKey(error)) {
      const winner = await QueueEntry.findOne({ where: { idempotencyKey: key } });
      if (winner) return loadEntry(winner.id);
    }
    throw error;
  }
}

// The drivers name the clash differently (SQLite the column, MySQL the index), but both mention the column.
function mentionsIdempotencyKey(error: UniqueConstraintError): boolean {
  const parent = error.parent as { message?: string; sqlMessage?: string } | undefined;
  return [JSON.stringify(error.fields ?? {}), error.message, parent?.message, parent?.sqlMessage].some((text) =>
    text?.includes('idempotency_key'),
  );
}

/** What a new entry is made of; the token number and clinic day are taken here. */
interface NewEntry {
  departmentId: number;
  prefix: string;
  doctorId: number | null;
  patientId: number | null;
  appointmentId: number | null;
  priority: QueueEntry['priority'];
  priorityReason: QueueEntry['priorityReason'];
  checkedInAt: Date;
  idempotencyKey: string | null;
  transferredFromId: number | null;
  /** What an anonymous walk-in typed at the kiosk (staff screens only). */
  firstName?: string | null;
  contactPhone?: string | null;
}

/** What an anonymous walk-in may leave at the kiosk for reception: stored with the entry, never shown publicly. */
export interface WalkInContact {
  firstName?: string | null;
  contactPhone?: string | null;
}

/**
 * Creates a waiting entry with the department's next token for today's clinic day (clinic time zone). Also used
 * by transfers, which pass the original check-in time.
 */
export async function issueEntry(ctx: QueueContext, values: NewEntry, now: Date, transaction: Transaction): Promise<QueueEntry> {
  const day = clinicDay(now, ctx.timeZone);
  const sequence = await nextSequence(ctx.sequelize, values.departmentId, day, transaction);
  const { prefix, ...columns } = values;
  return QueueEntry.create(
    { ...columns, clinicDay: day, sequence, token: formatToken(prefix, sequence) },
    { transaction },
  );
}

/** The department a check-in is for: it must exist and take patients. */
async function openDepartment(id: number, transaction: Transaction): Promise<Department> {
  const department = await Department.findByPk(id, { transaction });
  if (!department) throw notFound('That department');
  if (!department.active) {
    throw conflict('department_closed', `${department.name} is not taking patients at the moment. Please ask at the reception desk.`);
  }
  return department;
}

/**
 * A walk-in: any doctor of the department, or a named one. Only staff may attach a registered patient (the kiosk is
 * anonymous); a priority reason goes only with the priority class.
 */
export async function checkInWalkIn(
  ctx: QueueContext,
  input: WalkInInput,
  actor: StaffActor | null,
  contact: WalkInContact = {},
): Promise<QueueEntry> {
  const priority = input.priority ?? 'normal';
  if (input.priorityReason && priority !== 'priority') {
    throw validationFailed([{ path: 'priorityReason', message: 'A reason is given only with the priority class.' }]);
  }
  if (input.patientId !== undefined && !actor) throw forbidden('Only clinic staff can check in a registered patient.');

  return once(input.idempotencyKey, () =>
    inTransaction(ctx.sequelize, async (transaction) => {
      const now = ctx.now();
      const department = await openDepartment(input.departmentId, transaction);
      if (input.doctorId !== undefined) {
        const doctor = await DoctorProfile.findByPk(input.doctorId, { transaction });
        if (!doctor) throw notFound('That doctor');
        if (doctor.departmentId !== department.id) {
          throw new AppError(422, 'invalid_reference', `That doctor does not work in ${department.name}.`);
        }
      }
      if (input.patientId !== undefined && !(await Patient.findByPk(input.patientId, { transaction }))) {
        throw notFound('That patient');
      }
      const entry = await issueEntry(
        ctx,
        {
          departmentId: department.id,
          prefix: department.prefix,
          doctorId: input.doctorId ?? null,
          patientId: input.patientId ?? null,
          appointmentId: null,
          priority,
          priorityReason: priority === 'priority' ? (input.priorityReason ?? null) : null,
          checkedInAt: now,
          idempotencyKey: input.idempotencyKey,
          transferredFromId: null,
          // Written with the entry, so the desk's live list has them from the first broadcast.
          firstName: contact.firstName ?? null,
          contactPhone: contact.contactPhone ?? null,
        },
        now,
        transaction,
      );
      if (entry.patientId) await auditCheckIn(entry, actor, 'walk_in', transaction);
      ctx.notifier.changed(transaction, { departmentIds: [department.id] });
      return loadEntry(entry.id, transaction);
    }),
  );
}

/**
 * An appointment check-in, by booking code or by phone and date of birth. Links the entry to the appointment (its
 * patient and doctor, in the doctor's department) and marks the appointment checked in. Checking in again returns
 * the existing entry. Too early, the wrong day, a cancelled or finished appointment: a 409 that says what to do.
 */
export async function checkInAppointment(
  ctx: QueueContext,
  input: AppointmentInput,
  actor: StaffActor | null,
): Promise<QueueEntry> {
  return once(input.idempotencyKey, async () => {
    // Found before the transaction, so that the transaction's first read is the row lock below: on MySQL a plain
    // read would fix the snapshot before the wait, and a concurrent check-in of the same appointment would be missed.
    const appointmentId = (await findAppointment(input, { timeZone: ctx.timeZone, now: ctx.now(), country: ctx.country })).id;
    return inTransaction(ctx.sequelize, async (transaction) => {
      const now = ctx.now();
      const appointment = await Appointment.findByPk(appointmentId, { transaction, lock: transaction.LOCK.UPDATE });
      if (!appointment) throw notFound('That appointment');
      const slot = (await TimeSlot.findByPk(appointment.slotId, { transaction }))!;
      const when = describeSlot(slot.startsAt, ctx.timeZone);

      switch (appointment.status) {
        case 'cancelled':
          throw conflict('appointment_cancelled', `Your appointment on ${when.date} at ${when.time} was cancelled. Please ask at the reception desk.`);
        case 'no_show':
        case 'completed':
          throw conflict('appointment_closed', `Your appointment on ${when.date} at ${when.time} is already closed. Please ask at the reception desk.`);
        case 'checked_in':
        case 'in_consultation': {
          const existing = await QueueEntry.findOne({ where: { appointmentId }, order: [['id', 'DESC']], transaction });
          if (existing) return loadEntry(existing.id, transaction);
          break; // Marked by hand without an entry: give it one now.
        }
        case 'booked':
          break;
      }

      const today = clinicDay(now, ctx.timeZone);
      const slotDay = clinicDay(slot.startsAt, ctx.timeZone);
      if (slotDay > today) {
        throw conflict('wrong_day', `Your appointment is on ${when.date} at ${when.time}, not today. Please check in on that day.`);
      }
      if (slotDay < today) {
        throw conflict('wrong_day', `Your appointment was on ${when.date} at ${when.time}. Please ask at the reception desk to book a new one.`);
      }
      const earliest = new Date(slot.startsAt.getTime() - EARLIEST_CHECK_IN_MINUTES * 60_000);
      if (now < earliest) {
        throw conflict(
          'too_early',
          `Your appointment is at ${when.time}. Please check in from ${describeSlot(earliest, ctx.timeZone).time}.`,
        );
      }

      const doctor = (await DoctorProfile.findByPk(appointment.doctorId, { transaction }))!;
      const department = (await Department.findByPk(doctor.departmentId, { transaction }))!;
      await appointment.update({ status: 'checked_in' }, { transaction });
      const entry = await issueEntry(
        ctx,
        {
          departmentId: department.id,
          prefix: department.prefix,
          doctorId: doctor.id,
          patientId: appointment.patientId,
          appointmentId: appointment.id,
          priority: 'normal',
          priorityReason: null,
          checkedInAt: now,
          idempotencyKey: input.idempotencyKey,
          transferredFromId: null,
        },
        now,
        transaction,
      );
      await auditCheckIn(entry, actor, 'appointment', transaction);
      ctx.notifier.changed(transaction, { departmentIds: [department.id] });
      return loadEntry(entry.id, transaction);
    });
  });
}

/** A slot's start as patients read it, in the clinic's zone: "Tuesday 8 December 2026" and "14:30". */
function describeSlot(instant: Date, zone: string): { date: string; time: string } {
  const local = DateTime.fromJSDate(instant, { zone }).setLocale('en-GB');
  return { date: local.toFormat('cccc d LLLL yyyy'), time: local.toFormat('HH:mm') };
}

async function auditCheckIn(
  entry: QueueEntry,
  actor: StaffActor | null,
  kind: 'walk_in' | 'appointment',
  transaction: Transaction,
): Promise<void> {
  await audit(
    {
      userId: actor?.userId ?? null,
      action: 'queue.check_in',
      entityType: 'queue_entry',
      entityId: entry.id,
      patientId: entry.patientId ?? undefined,
      details: { token: entry.token, kind, appointmentId: entry.appointmentId },
    },
    transaction,
  );
}
