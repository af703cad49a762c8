import { Op } from 'sequelize';
import { Appointment, QueueEntry, TimeSlot } from '../../models';
import { addDays, clinicDayBounds } from '../../services/clinic-time';
import { consultationLength } from '../rules/eta';

/** How many clinic days back a doctor's usual pace is learned from. */
export const HISTORY_DAYS = 28;

/** A doctor's usual pace on recent days, in minutes per patient. */
export interface DoctorHistory {
  /** Mean consultation length (start to completion). */
  consultMinutes: number;
  /**
   * Doctor time per patient called, from call to call: the consultation plus the walk to the room, averaged with the
   * few minutes spent on patients who do not come (no-shows) and the visits that end in a transfer.
   */
  cycleMinutes: number;
  /** Patients called it was learned from. */
  visits: number;
}

/** What recent days teach the forecast. */
export interface PaceHistory {
  /** Doctor id -> their paces. Doctors with no completed visit in the window are absent. */
  doctors: ReadonlyMap<number, DoctorHistory>;
  /** Share of booked patients who came (checked in), DEFAULT_SHOW_RATE without bookings to learn from. */
  showRate: number;
  /**
   * How long after their slot start booked patients who came usually checked in, in minutes (those who came early
   * count as 0: they wait in line, and are due at the slot start). 0 without bookings to learn from.
   */
  bookingDelayMinutes: number;
}

/** The show rate assumed before the clinic has a history of bookings. */
export const DEFAULT_SHOW_RATE = 0.9;

/** No history: a new clinic, or a test that wants the rules without it. */
export const NO_HISTORY: PaceHistory = { doctors: new Map(), showRate: DEFAULT_SHOW_RATE, bookingDelayMinutes: 0 };

/**
 * Reads the doctors' paces over the HISTORY_DAYS clinic days before `day` (today's own visits are the live model's).
 * Two queries (timing columns, bookings with their check-ins), read when a clinic day's model is first used: it does not change during the day, so
 * no check-in or call ever waits for it.
 */
export async function loadPaceHistory(day: string, timeZone: string): Promise<PaceHistory> {
  const rows = await QueueEntry.findAll({
    attributes: ['doctorId', 'status', 'calledAt', 'consultationStartedAt', 'completedAt', 'skippedAt', 'transferredAt'],
    where: {
      clinicDay: { [Op.gte]: addDays(day, -HISTORY_DAYS), [Op.lt]: day },
      doctorId: { [Op.ne]: null },
      status: { [Op.in]: ['completed', 'skipped', 'transferred'] },
      calledAt: { [Op.ne]: null },
    },
    // Summed in a fixed order: floating-point sums differ in the last bits with the order, and so could a rounded estimate.
    order: [['id', 'ASC']],
  });
  const sums = new Map<number, { consult: number; consults: number; doctorTime: number; visits: number }>();
  for (const row of rows) {
    const called = row.calledAt!.getTime();
    const end = row.status === 'completed' ? row.completedAt : row.status === 'skipped' ? row.skippedAt : row.transferredAt;
    if (!end) continue;
    let sum = sums.get(row.doctorId!);
    if (!sum) sums.set(row.doctorId!, (sum = { consult: 0, consults: 0, doctorTime: 0, visits: 0 }));
    sum.doctorTime += Math.max(0, end.getTime() - called) / 60_000;
    sum.visits++;
    if (row.status !== 'completed') continue;
    const length = consultationLength(row);
    if (length !== null) {
      sum.consult += length;
      sum.consults++;
    }
  }
  const doctors = new Map<number, DoctorHistory>();
  for (const [doctorId, sum] of sums) {
    if (!sum.consults) continue;
    doctors.set(doctorId, { consultMinutes: sum.consult / sum.consults, cycleMinutes: sum.doctorTime / sum.visits, visits: sum.visits });
  }
  return { doctors, ...(await bookingHabits(day, timeZone)) };
}

/**
 * The share of the window's bookings (not cancelled) whose patient checked in, and how late after the slot start
 * those who came checked in on average.
 */
async function bookingHabits(day: string, timeZone: string): Promise<Pick<PaceHistory, 'showRate' | 'bookingDelayMinutes'>> {
  const appointments = await Appointment.findAll({
    attributes: ['id', 'status'],
    where: { status: { [Op.ne]: 'cancelled' } },
    include: [
      {
        model: TimeSlot,
        as: 'slot',
        attributes: ['startsAt'],
        where: { startsAt: { [Op.gte]: clinicDayBounds(addDays(day, -HISTORY_DAYS), timeZone).start, [Op.lt]: clinicDayBounds(day, timeZone).start } },
      },
      { model: QueueEntry, as: 'queueEntries', attributes: ['checkedInAt'], where: { transferredFromId: null }, required: false },
    ],
    // Summed in a fixed order, as above.
    order: [['id', 'ASC']],
  });
  if (appointments.length < 20) return { showRate: DEFAULT_SHOW_RATE, bookingDelayMinutes: 0 };
  const came = appointments.filter((a) => a.status !== 'booked' && a.status !== 'no_show');
  let delay = 0;
  let delays = 0;
  for (const a of came) {
    const checkIns = (a.queueEntries ?? []).map((e) => e.checkedInAt.getTime());
    if (!checkIns.length || !a.slot) continue;
    delay += Math.max(0, Math.min(...checkIns) - a.slot.startsAt.getTime()) / 60_000;
    delays++;
  }
  return { showRate: came.length / appointments.length, bookingDelayMinutes: delays ? delay / delays : 0 };
}
