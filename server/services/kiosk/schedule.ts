import { Op } from 'sequelize';
import { AvailabilityException, DoctorAvailability } from '../../models';
import { addDays, clinicDay, isoWeekday, localToUtc } from '../clinic-time';

/** How far ahead the kiosk looks for a closed department's next opening. */
export const LOOKAHEAD_DAYS = 14;

/**
 * When each doctor next starts a working interval after `now`, within LOOKAHEAD_DAYS: weekly availability expanded
 * date by date in the clinic's zone, skipping days an exception covers. Doctors with nothing scheduled are absent.
 */
export async function nextStarts(doctorIds: number[], now: Date, timeZone: string): Promise<Map<number, Date>> {
  const found = new Map<number, Date>();
  if (!doctorIds.length) return found;
  const today = clinicDay(now, timeZone);
  const last = addDays(today, LOOKAHEAD_DAYS);
  const [intervals, exceptions] = await Promise.all([
    DoctorAvailability.findAll({ where: { doctorId: { [Op.in]: doctorIds } }, order: [['startTime', 'ASC']] }),
    AvailabilityException.findAll({
      where: { doctorId: { [Op.in]: doctorIds }, startDate: { [Op.lte]: last }, endDate: { [Op.gte]: today } },
    }),
  ]);
  for (const doctorId of doctorIds) {
    const mine = intervals.filter((i) => i.doctorId === doctorId);
    const leave = exceptions.filter((e) => e.doctorId === doctorId);
    for (let offset = 0; offset <= LOOKAHEAD_DAYS && !found.has(doctorId); offset++) {
      const day = addDays(today, offset);
      if (leave.some((e) => e.startDate <= day && day <= e.endDate)) continue;
      const weekday = isoWeekday(day);
      const start = mine
        .filter((i) => i.weekday === weekday)
        .map((i) => localToUtc(day, i.startTime, timeZone))
        .find((instant) => instant > now);
      if (start) found.set(doctorId, start);
    }
  }
  return found;
}
