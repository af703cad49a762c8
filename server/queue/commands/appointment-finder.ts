import { Op, type Includeable } from 'sequelize';
import { AppError } from '../../errors';
import { Appointment, Patient, TimeSlot } from '../../models';
import type { AppointmentStatus } from '../../models/appointment';
import { clinicDay } from '../../services/clinic-time';
import { normalizeCode } from '../../services/codes';
import { clinicCountry, comparablePhoneDigits, type PhoneCountry } from '../../services/phone';
import type { AppointmentInput } from '../types';

/** 404 for a booking code nobody has. */
export const NOT_FOUND_BY_CODE = (code: string) =>
  new AppError(
    404,
    'not_found',
    `We could not find a booking with the code ${code}. Please check the code on your confirmation, or ask at the reception desk.`,
  );

/** 404 for a phone number and date of birth with no booking. */
export const NOT_FOUND_BY_PHONE = new AppError(
  404,
  'not_found',
  'We could not find a booking for that phone number and date of birth. Please check them, or ask at the reception desk.',
);

/** Which of a patient's appointments today is meant first: one still to be checked in, then one under way, then closed. */
const TODAY_RANK: Record<AppointmentStatus, number> = {
  booked: 0,
  checked_in: 1,
  in_consultation: 1,
  completed: 2,
  no_show: 2,
  cancelled: 3,
};

/**
 * The appointment a patient means at the kiosk or the desk, by booking code, or by phone and date of birth. By
 * phone: their appointment today (one still to be checked in first), else their next booked one, else their latest
 * booked one, so the answer can say which day it is. The number matches however it is written, read with `country`
 * (default: the time zone's). The kiosk's look-up and the check-in both ask here, so the
 * appointment a patient is shown is the one they are checked in for. Loaded with its slot and `include`.
 */
export async function findAppointment(
  input: Omit<Extract<AppointmentInput, { bookingCode: string }>, 'idempotencyKey'> | Omit<Extract<AppointmentInput, { phone: string }>, 'idempotencyKey'>,
  options: { timeZone: string; now: Date; include?: Includeable[]; country?: PhoneCountry | null },
): Promise<Appointment> {
  const include = [{ model: TimeSlot, as: 'slot' }, ...(options.include ?? [])];
  if ('bookingCode' in input) {
    const code = normalizeCode(input.bookingCode);
    const appointment = code ? await Appointment.findOne({ where: { bookingCode: code }, include }) : null;
    if (!appointment) throw NOT_FOUND_BY_CODE(code);
    return appointment;
  }
  // `07700 900101` typed at the kiosk is the `+44 7700 900101` on the record: both are read with the clinic's country.
  const country = options.country !== undefined ? options.country : clinicCountry({ timeZone: options.timeZone });
  const digits = comparablePhoneDigits(input.phone, country);
  if (digits.length < 6) throw NOT_FOUND_BY_PHONE;
  const patients = (await Patient.findAll({ attributes: ['id', 'phone'], where: { dateOfBirth: input.dateOfBirth } })).filter(
    (p) => p.phone && comparablePhoneDigits(p.phone, country) === digits,
  );
  if (!patients.length) throw NOT_FOUND_BY_PHONE;
  const appointments = await Appointment.findAll({ where: { patientId: { [Op.in]: patients.map((p) => p.id) } }, include });
  const today = clinicDay(options.now, options.timeZone);
  const dayOf = (a: Appointment) => clinicDay(a.slot!.startsAt, options.timeZone);
  const byStart = (a: Appointment, b: Appointment) => a.slot!.startsAt.getTime() - b.slot!.startsAt.getTime();
  const todays = appointments
    .filter((a) => dayOf(a) === today)
    .sort((a, b) => TODAY_RANK[a.status as AppointmentStatus] - TODAY_RANK[b.status as AppointmentStatus] || byStart(a, b));
  const booked = appointments.filter((a) => a.status === 'booked').sort(byStart);
  const chosen = todays[0] ?? booked.find((a) => dayOf(a) > today) ?? booked.filter((a) => dayOf(a) < today).pop();
  if (!chosen) throw NOT_FOUND_BY_PHONE;
  return chosen;
}
