import type { KioskAppointment, KioskAppointmentLookup, KioskAppointmentState } from '../../../common/kiosk';
import { Department, DoctorProfile, User } from '../../models';
import { doctorName } from '../../queue/presenters';
import { clinicDay } from '../clinic-time';
import type { PhoneCountry } from '../phone';
import { findAppointment } from '../../queue/commands/appointment-finder';
import { EARLIEST_CHECK_IN_MINUTES } from '../../queue/commands/appointment-check-in';

/** Appointment statuses that can no longer be checked in. */
const CLOSED = new Set(['cancelled', 'no_show', 'completed']);

/**
 * Finds the appointment a patient at the kiosk means (by the same rule as the check-in, appointment-finder.ts), so
 * the kiosk can show it (doctor and time only) and whether it can be checked in now, before they confirm.
 */
export async function findKioskAppointment(
  input: KioskAppointmentLookup,
  options: { timeZone: string; now: Date; country?: PhoneCountry | null },
): Promise<KioskAppointment> {
  const { timeZone, now } = options;
  const appointment = await findAppointment(input, {
    timeZone,
    now,
    country: options.country,
    include: [
      { model: DoctorProfile, as: 'doctor', include: [{ model: User, as: 'user', attributes: ['fullName'] }, { model: Department, as: 'department' }] },
    ],
  });
  const slot = appointment.slot!;
  const doctor = appointment.doctor!;
  const checkInFrom = new Date(slot.startsAt.getTime() - EARLIEST_CHECK_IN_MINUTES * 60_000);
  let state: KioskAppointmentState = 'ready';
  if (CLOSED.has(appointment.status)) state = 'closed';
  else if (clinicDay(slot.startsAt, timeZone) !== clinicDay(now, timeZone)) state = 'other_day';
  else if (now < checkInFrom) state = 'too_early';
  return {
    bookingCode: appointment.bookingCode,
    startsAt: slot.startsAt.toISOString(),
    checkInFrom: checkInFrom.toISOString(),
    doctor: { name: doctorName(doctor), room: doctor.room },
    department: { id: doctor.department!.id, name: doctor.department!.name },
    state,
  };
}
