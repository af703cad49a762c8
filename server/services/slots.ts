import { literal, Op, type Transaction } from 'sequelize';
import { Appointment, AvailabilityException, DoctorAvailability, TimeSlot } from '../models';
import { clinicDayBounds, eachDay, isoWeekday, localToUtc } from './clinic-time';
import { systemNow } from '../clock';

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
  /** Slots inserted (or a withdrawn slot put back) by this run. */
  created: number;
  /** Wanted slots that were already there (same doctor, start and end), left exactly as they were. */
  alreadyPresent: number;
  /** Wanted slots not inserted because they would overlap a booked slot the schedule no longer has. */
  overlapping: number;
  /** Free slots deleted because the schedule no longer has them. */
  removed: number;
  /** Free slots the schedule no longer has, kept (withdrawn) because cancelled or no-show appointments refer to them. */
  withdrawn: number;
  /** Booked slots the schedule no longer has (a day off, a changed interval): kept, their appointments to be moved. */
  bookedOutside: number[];
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

/** An existing slot as generation sees it. */
interface Existing {
  id: number;
  start: number;
  end: number;
  withdrawn: boolean;
}

/**
 * Brings a doctor's slots on the given clinic days in line with their weekly availability and exception days.
 * Repeatable, and safe for bookings:
 * - a wanted slot that exists (same start and end) is left exactly as it is;
 * - a slot the schedule no longer has is deleted only when it is free; when cancelled or no-show appointments refer
 *   to it, it is withdrawn instead (kept for their history, never offered again);
 * - a booked slot is never changed or removed: it is reported in `bookedOutside` (slot ids), and wanted slots that
 *   would overlap it are left out (`overlapping`);
 * - wanted slots that are missing are inserted, or a withdrawn slot with the same start is put back.
 * Deletes and withdrawals re-check "free" in the statement itself, so a booking that commits in between keeps its
 * slot. A concurrent run on the same doctor ends in a unique-key error on (doctor_id, starts_at) rather than
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
  const result: GenerateSlotsResult = { created: 0, alreadyPresent: 0, overlapping: 0, removed: 0, withdrawn: 0, bookedOutside: [] };

  // Slots never cross midnight (intervals end after they start, on the same day), so a day's bounds find them all.
  const existing: Existing[] = (
    await TimeSlot.findAll({
      attributes: ['id', 'startsAt', 'endsAt', 'withdrawnAt'],
      where: {
        doctorId,
        startsAt: { [Op.gte]: clinicDayBounds(fromDay, zone).start, [Op.lt]: clinicDayBounds(toDay, zone).end },
      },
      transaction,
    })
  ).map((s) => ({ id: s.id, start: s.startsAt.getTime(), end: s.endsAt.getTime(), withdrawn: s.withdrawnAt !== null }));
  const { active, referenced } = await appointmentsOn(existing.map((s) => s.id), transaction);

  const wanted = new Map(planned.map((p) => [p.startsAt.getTime(), p.endsAt.getTime()]));
  const kept: Existing[] = [];
  const toDelete: number[] = [];
  const toWithdraw: number[] = [];
  const withdrawnByStart = new Map<number, Existing>();
  for (const slot of existing) {
    if (slot.withdrawn) withdrawnByStart.set(slot.start, slot);
    else if (wanted.get(slot.start) === slot.end) kept.push(slot);
    else if (active.has(slot.id)) {
      kept.push(slot);
      result.bookedOutside.push(slot.id);
    } else if (referenced.has(slot.id)) {
      toWithdraw.push(slot.id);
      withdrawnByStart.set(slot.start, { ...slot, withdrawn: true });
    } else toDelete.push(slot.id);
  }
  result.removed = await deleteFree(toDelete, transaction);
  result.withdrawn = await withdrawFree(toWithdraw, transaction);

  const missing: PlannedSlot[] = [];
  for (const slot of planned) {
    const start = slot.startsAt.getTime();
    const end = slot.endsAt.getTime();
    if (kept.some((k) => k.start === start && k.end === end)) result.alreadyPresent++;
    else if (kept.some((k) => k.start < end && start < k.end)) result.overlapping++;
    else {
      const back = withdrawnByStart.get(start);
      if (back) {
        await TimeSlot.update({ endsAt: slot.endsAt, withdrawnAt: null }, { where: { id: back.id }, transaction });
        result.created++;
      } else missing.push(slot);
      // Overlapping intervals in the schedule itself must not yield overlapping slots either.
      kept.push({ id: back?.id ?? 0, start, end, withdrawn: false });
    }
  }
  for (const rows of chunks(missing)) {
    await TimeSlot.bulkCreate(rows.map((s) => ({ doctorId, startsAt: s.startsAt, endsAt: s.endsAt })), { transaction });
  }
  result.created += missing.length;
  return result;
}

// Chunked to stay under SQLite's limit on bound parameters per statement.
function chunks<T>(items: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Which of the slots have an active appointment, and which have any appointment at all. */
async function appointmentsOn(slotIds: number[], transaction: Transaction) {
  const active = new Set<number>();
  const referenced = new Set<number>();
  for (const ids of chunks(slotIds)) {
    const rows = await Appointment.findAll({ attributes: ['slotId', 'active'], where: { slotId: ids }, transaction });
    for (const row of rows) {
      referenced.add(row.slotId);
      if (row.active) active.add(row.slotId);
    }
  }
  return { active, referenced };
}

// The NOT EXISTS is evaluated by the DELETE/UPDATE itself: a slot booked since it was read is left alone.
const NO_APPOINTMENT = literal('NOT EXISTS (SELECT 1 FROM appointments a WHERE a.slot_id = time_slots.id)');
const NO_ACTIVE_APPOINTMENT = literal(
  'NOT EXISTS (SELECT 1 FROM appointments a WHERE a.slot_id = time_slots.id AND a.active IS NOT NULL)',
);

async function deleteFree(ids: number[], transaction: Transaction): Promise<number> {
  let count = 0;
  for (const part of chunks(ids)) {
    count += await TimeSlot.destroy({ where: { id: part, [Op.and]: [NO_APPOINTMENT] }, transaction });
  }
  return count;
}

async function withdrawFree(ids: number[], transaction: Transaction): Promise<number> {
  let count = 0;
  for (const part of chunks(ids)) {
    const [changed] = await TimeSlot.update(
      { withdrawnAt: systemNow() },
      { where: { id: part, [Op.and]: [NO_ACTIVE_APPOINTMENT] }, transaction },
    );
    count += changed;
  }
  return count;
}
