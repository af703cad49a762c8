import { Op } from 'sequelize';
import type { KioskAppointment, KioskAppointmentLookup, KioskAppointmentState } from '../../../common/kiosk';
import { Appointment, Department, DoctorProfile, Patient, TimeSlot, User } from '../../models';
import { doctorName } from '../../presenters/queue';
import { clinicDay } from '../clinic-time';
import { normalizeCode } from '../codes';
import { EARLIEST_CHECK_IN_MINUTES, NOT_FOUND_BY_CODE, NOT_FOUND_BY_PHONE } from '../queue/check-in';

/** Appointment statuses that can no longer be checked in. */
const CLOSED = new Set(['cancelled', 'no_show', 'completed']);

/**
 * Finds the appointment a patient at the kiosk means, so the kiosk can show it (doctor and time only) before they
 * confirm the check-in. By phone and date of birth: today's first open appointment, else the next booked one, else
 * the latest, so the kiosk can say which day it is. The check-in itself (queue engine) still has the last word.
 */
export async function findKioskAppointment(
  input: KioskAppointmentLookup,
  options: { timeZone: string; now: Date },
): Promise<KioskAppointment> {
  const { timeZone, now } = options;
  const include = [
    { model: TimeSlot, as: 'slot' },
    { model: DoctorProfile, as: 'doctor', include: [{ model: User, as: 'user', attributes: ['fullName'] }, { model: Department, as: 'department' }] },
  ];
  let appointment: Appointment | undefined;
  if ('bookingCode' in input) {
    const code = normalizeCode(input.bookingCode);
    appointment = (await Appointment.findOne({ where: { bookingCode: code }, include })) ?? undefined;
    if (!appointment) throw NOT_FOUND_BY_CODE(code);
  } else {
    const digits = input.phone.replace(/\D/g, '');
    // Compared as digits only: the same number is written with spaces, dashes or brackets by different people.
    const patients = (await Patient.findAll({ attributes: ['id', 'phone'], where: { dateOfBirth: input.dateOfBirth } })).filter(
      (p) => digits.length >= 6 && p.phone?.replace(/\D/g, '') === digits,
    );
    const all = patients.length
      ? await Appointment.findAll({ where: { patientId: { [Op.in]: patients.map((p) => p.id) } }, include })
      : [];
    const today = clinicDay(now, timeZone);
    const dayOf = (a: Appointment) => clinicDay(a.slot!.startsAt, timeZone);
    const byStart = (a: Appointment, b: Appointment) => a.slot!.startsAt.getTime() - b.slot!.startsAt.getTime();
    const open = all.filter((a) => !CLOSED.has(a.status)).sort(byStart);
    appointment =
      open.find((a) => dayOf(a) === today) ??
      all.filter((a) => dayOf(a) === today).sort(byStart)[0] ??
      open.find((a) => dayOf(a) > today) ??
      open.filter((a) => dayOf(a) < today).pop();
    if (!appointment) throw NOT_FOUND_BY_PHONE;
  }

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
