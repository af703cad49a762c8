import { literal, Op, type Transaction } from 'sequelize';
import type { CalendarDay, CalendarSlot, WeekCalendar } from '../../common/admin';
import { notFound } from '../errors';
import { Appointment, AvailabilityException, DoctorProfile, Patient, TimeSlot, User } from '../models';
import { formatTime } from '../../common/clinic-format';
import { addDays, clinicDay, clinicDayBounds, eachDay, isoWeekday } from './clinic-time';

/** Local 'HH:MM' of an instant in the clinic's zone (the one formatter's clock time). */
export function localTime(instant: Date, zone: string): string {
  return formatTime(instant, zone);
}

/** True when `day` falls in one of the exceptions. */
function offOn(day: string, exceptions: AvailabilityException[]): AvailabilityException | undefined {
  return exceptions.find((e) => e.startDate <= day && day <= e.endDate);
}

/**
 * One doctor's week (Monday to Sunday around `anyDay`) for the calendar: each day's slots as free, booked (with the
 * appointment and patient) or blocked (by staff, or on a day off), and the day off's reason. Withdrawn slots are left
 * out: they are not part of the schedule any more.
 */
export async function weekCalendar(doctorId: number, anyDay: string, zone: string, now: Date): Promise<WeekCalendar> {
  const doctor = await DoctorProfile.findByPk(doctorId, { include: [{ model: User, as: 'user', attributes: ['fullName'] }] });
  if (!doctor) throw notFound('That doctor');
  const weekStart = addDays(anyDay, 1 - isoWeekday(anyDay));
  const weekEnd = addDays(weekStart, 6);
  const [slots, exceptions] = await Promise.all([
    TimeSlot.findAll({
      where: {
        doctorId,
        withdrawnAt: null,
        startsAt: { [Op.gte]: clinicDayBounds(weekStart, zone).start, [Op.lt]: clinicDayBounds(weekEnd, zone).end },
      },
      include: [
        {
          model: Appointment,
          as: 'appointments',
          where: { active: true },
          required: false,
          include: [{ model: Patient, as: 'patient', attributes: ['id', 'fullName'] }],
        },
      ],
      order: [['startsAt', 'ASC']],
    }),
    AvailabilityException.findAll({ where: { doctorId, startDate: { [Op.lte]: weekEnd }, endDate: { [Op.gte]: weekStart } } }),
  ]);

  const days: CalendarDay[] = eachDay(weekStart, weekEnd).map((date) => {
    const off = offOn(date, exceptions);
    return { date, weekday: isoWeekday(date), exception: off ? { id: off.id, reason: off.reason ?? null } : null, slots: [] };
  });
  for (const slot of slots) {
    const day = days.find((d) => d.date === clinicDay(slot.startsAt, zone));
    if (!day) continue;
    const appointment = slot.appointments?.[0];
    const entry: CalendarSlot = {
      id: slot.id,
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
      start: localTime(slot.startsAt, zone),
      end: localTime(slot.endsAt, zone),
      status: appointment ? 'booked' : slot.blocked || day.exception ? 'blocked' : 'free',
      past: slot.startsAt <= now,
      appointment: appointment
        ? {
            id: appointment.id,
            bookingCode: appointment.bookingCode,
            status: appointment.status,
            patient: { id: appointment.patient!.id, fullName: appointment.patient!.fullName },
          }
        : null,
    };
    day.slots.push(entry);
  }
  return {
    doctor: { id: doctor.id, name: doctor.user?.fullName ?? `Doctor ${doctor.id}`, room: doctor.room },
    timeZone: zone,
    weekStart,
    days,
  };
}

/**
 * The free slots of some doctors from `fromDay` to `toDay` (clinic days): not held by an appointment, not blocked or
 * withdrawn, not on a day off, and starting after `now`. Earliest first.
 */
export async function freeSlots(
  doctorIds: number[],
  range: { fromDay: string; toDay: string },
  zone: string,
  now: Date,
  transaction?: Transaction,
): Promise<TimeSlot[]> {
  if (!doctorIds.length) return [];
  const start = clinicDayBounds(range.fromDay, zone).start;
  const slots = await TimeSlot.findAll({
    where: {
      doctorId: doctorIds,
      blocked: false,
      withdrawnAt: null,
      startsAt: { [Op.gte]: start > now ? start : now, [Op.lt]: clinicDayBounds(range.toDay, zone).end },
      id: { [Op.notIn]: literal('(SELECT a.slot_id FROM appointments a WHERE a.active IS NOT NULL)') },
    },
    order: [['startsAt', 'ASC'], ['doctorId', 'ASC']],
    transaction,
  });
  const exceptions = await AvailabilityException.findAll({
    where: { doctorId: doctorIds, startDate: { [Op.lte]: range.toDay }, endDate: { [Op.gte]: range.fromDay } },
    transaction,
  });
  return slots.filter((s) => !offOn(clinicDay(s.startsAt, zone), exceptions.filter((e) => e.doctorId === s.doctorId)));
}
