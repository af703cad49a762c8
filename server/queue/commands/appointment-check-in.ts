import { dayInZone, formatDay, formatTime } from '../../../common/clinic-format';
import { Appointment, Department, DoctorProfile, QueueEntry, TimeSlot } from '../../models';
import { conflict, notFound } from '../../errors';
import { clinicDay } from '../../services/clinic-time';
import type { StaffActor } from './access';
import { findAppointment } from './appointment-finder';
import { auditCheckIn, issueEntry } from './check-in';
import { queueTransaction, type QueueContext } from './context';
import { loadEntry } from './entries';
import { once, type CheckedIn } from './idempotency';
import type { AppointmentInput } from '../types';

/** How long before the slot an appointment holder may check in. Earlier, they are told when to come back. */
export const EARLIEST_CHECK_IN_MINUTES = 60;

/**
 * An appointment check-in, by booking code or by phone and date of birth. Links the entry to the appointment (its
 * patient and doctor, in the doctor's department) and marks the appointment checked in. Checking in again returns
 * the existing entry. Too early, the wrong day, a cancelled or finished appointment: a 409 that says what to do.
 */
export async function checkInAppointment(
  ctx: QueueContext,
  input: AppointmentInput,
  actor: StaffActor | null,
): Promise<CheckedIn> {
  // The department is known only once the appointment is found; the model is asked about the key there.
  const country = ctx.country ? await ctx.country() : undefined;
  const appointmentId = (await findAppointment(input, { timeZone: ctx.timeZone, now: ctx.now(), country })).id;
  const departmentId = await departmentOfAppointment(appointmentId);
  return once(ctx, input.idempotencyKey, departmentId, async () => {
    // Found before the transaction, so that the transaction's first read is the row lock below: on MySQL a plain
    // read would fix the snapshot before the wait, and a concurrent check-in of the same appointment would be missed.
    return queueTransaction(ctx, async (transaction) => {
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
          if (existing) return { entry: await loadEntry(existing.id, transaction), created: false };
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
      const result = await loadEntry(entry.id, transaction);
      ctx.notifier.changed(transaction, { departmentIds: [department.id], entries: [result] });
      return { entry: result, created: true };
    });
  });
}

/** The department whose queue an appointment joins: its doctor's. */
async function departmentOfAppointment(appointmentId: number): Promise<number> {
  const appointment = await Appointment.findByPk(appointmentId, {
    attributes: ['id'],
    include: [{ model: DoctorProfile, as: 'doctor', attributes: ['departmentId'] }],
  });
  if (!appointment?.doctor) throw notFound('That appointment');
  return appointment.doctor.departmentId;
}

/** A slot's start as patients read it, in the clinic's zone: "Tuesday 8 December 2026" and "14:30". */
function describeSlot(instant: Date, zone: string): { date: string; time: string } {
  return { date: formatDay(dayInZone(instant, zone), 'long'), time: formatTime(instant, zone) };
}
