import { Op, type Transaction } from 'sequelize';
import { AvailabilityException, DoctorAvailability, TimeSlot } from '../models';
import { eachDay, isoWeekday, localToUtc } from './clinic-time';

/** What generateSlots works on: one doctor, a range of clinic days (both included), and the clinic's zone. */
export interface GenerateSlotsOptions {
  doctorId: number;
  fromDay: string;
  toDay: string;
  zone: string;
  transaction: Transaction;
}

/** What one run of generateSlots did. */
export interface GenerateSlotsResult {
  /** Slots inserted by this run. */
  created: number;
  /** Wanted slots that were already there (same doctor and start), left exactly as they were. */
  alreadyPresent: number;
  /** Wanted slots not inserted because they would overlap an existing slot (after a change of slot length). */
  overlapping: number;
}

/** A slot to be, as UTC instants. */
export interface PlannedSlot {
  startsAt: Date;
  endsAt: Date;
}

type Interval = Pick<DoctorAvailability, 'weekday' | 'startTime' | 'endTime' | 'slotMinutes'>;
type DaysOff = Pick<AvailabilityException, 'startDate' | 'endDate'>;

const MAX_DAYS = 366;

/**
 * The slots a weekly schedule yields on each day from `fromDay` to `toDay`, skipping days off. Pure.
 * Each interval's ends are converted to UTC on that date (clinic-time.ts settles the daylight-saving cases), then
 * slots are stepped through real time between them, so a change day yields as many slots as it has working minutes.
 * A slot that would run past the interval's end is left out.
 */
export function plannedSlots(
  intervals: Interval[],
  daysOff: DaysOff[],
  fromDay: string,
  toDay: string,
  zone: string,
): PlannedSlot[] {
  const days = eachDay(fromDay, toDay);
  if (days.length > MAX_DAYS) throw new RangeError(`Slots can be generated for at most ${MAX_DAYS} days at a time.`);
  const planned: PlannedSlot[] = [];
  for (const day of days) {
    if (daysOff.some((off) => off.startDate <= day && day <= off.endDate)) continue;
    const weekday = isoWeekday(day);
    for (const interval of intervals.filter((i) => i.weekday === weekday)) {
      const end = localToUtc(day, interval.endTime, zone).getTime();
      const step = interval.slotMinutes * 60_000;
      for (let t = localToUtc(day, interval.startTime, zone).getTime(); t + step <= end; t += step) {
        planned.push({ startsAt: new Date(t), endsAt: new Date(t + step) });
      }
    }
  }
  return planned.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/**
 * Expands a doctor's weekly availability into time slots for the given clinic days, skipping exception days.
 * Repeatable: it only inserts what is missing and never changes or deletes an existing slot, so booked slots are
 * safe. A concurrent run on the same doctor ends in a unique-key error on (doctor_id, starts_at) rather than
 * duplicates; run it through inTransaction and it is retried where the database reports a deadlock.
 */
export async function generateSlots(options: GenerateSlotsOptions): Promise<GenerateSlotsResult> {
  const { doctorId, fromDay, toDay, zone, transaction } = options;
  const intervals = await DoctorAvailability.findAll({ where: { doctorId }, transaction });
  const daysOff = await AvailabilityException.findAll({
    where: { doctorId, startDate: { [Op.lte]: toDay }, endDate: { [Op.gte]: fromDay } },
    transaction,
  });
  const planned = plannedSlots(intervals, daysOff, fromDay, toDay, zone);
  const result: GenerateSlotsResult = { created: 0, alreadyPresent: 0, overlapping: 0 };
  if (planned.length === 0) return result;

  const taken = (
    await TimeSlot.findAll({
      attributes: ['startsAt', 'endsAt'],
      where: {
        doctorId,
        startsAt: { [Op.lt]: planned[planned.length - 1].endsAt },
        endsAt: { [Op.gt]: planned[0].startsAt },
      },
      transaction,
    })
  ).map((s) => ({ start: s.startsAt.getTime(), end: s.endsAt.getTime() }));

  const missing: PlannedSlot[] = [];
  for (const slot of planned) {
    const start = slot.startsAt.getTime();
    const end = slot.endsAt.getTime();
    if (taken.some((t) => t.start === start)) result.alreadyPresent++;
    else if (taken.some((t) => t.start < end && start < t.end)) result.overlapping++;
    else {
      missing.push(slot);
      // Overlapping intervals in the schedule itself must not yield overlapping slots either.
      taken.push({ start, end });
    }
  }
  // Chunked to stay under SQLite's limit on bound parameters per statement.
  for (let i = 0; i < missing.length; i += 500) {
    const rows = missing.slice(i, i + 500).map((s) => ({ doctorId, startsAt: s.startsAt, endsAt: s.endsAt }));
    await TimeSlot.bulkCreate(rows, { transaction });
  }
  result.created = missing.length;
  return result;
}
