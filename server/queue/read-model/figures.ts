import { DateTime } from 'luxon';
import { Op, type Transaction } from 'sequelize';
import type { QueueStats } from '../../../common/api';
import {
  Appointment,
  AvailabilityException,
  DoctorAvailability,
  DoctorProfile,
  Patient,
  QueueEntry,
  TimeSlot,
  User,
} from '../../models';
import { clinicDay, isoWeekday } from '../../services/clinic-time';
import { anyDoctorEta, consultationLength, DEFAULT_CONSULTATION_MINUTES, namedDoctorEta, paceMinutes, servesAt } from '../rules/eta';
import { sortForCalling } from '../rules/ordering';
import { roundedMean, TIMING_COLUMNS, waitLength, type EntryTimings } from '../rules/timings';
import type { DepartmentState, DoctorState, RankedEntry } from '../types';

/** How many of the latest calls a department's state carries (displays show a few of them). */
export const RECENT_CALLS = 10;


/**
 * Queue statuses of the entries the screens show one by one: in line, with a doctor, or missed today (a doctor can
 * return a no-show to the queue). Finished ones only count in the figures.
 */
const ACTIVE_STATUSES = ['waiting', 'called', 'in_consultation', 'skipped'] as const;

/**
 * Everything the screens show about one department's clinic day, in four queries: the entries still in line, with
 * a doctor or missed (with patient and appointment slot), the latest calls (likewise), the timing columns of the whole day
 * (for averages and paces), and the doctors (with their names, today's availability and any leave today). Reading
 * the day's finished entries as timing columns only keeps a check-in late in a busy day as quick as the first one.
 * Calling order comes from ordering.ts, estimates from eta.ts; averages are over today, in minutes rounded to one
 * decimal.
 */
export async function departmentState(
  departmentId: number,
  options: { timeZone: string; now: Date; transaction?: Transaction },
): Promise<DepartmentState> {
  const { timeZone, now, transaction } = options;
  const day = clinicDay(now, timeZone);
  const withVisit = [
    { model: Patient, as: 'patient' },
    { model: Appointment, as: 'appointment', include: [{ model: TimeSlot, as: 'slot' }] },
  ];
  const [active, recentCalls, timings] = await Promise.all([
    QueueEntry.findAll({
      where: { departmentId, clinicDay: day, status: { [Op.in]: [...ACTIVE_STATUSES] } },
      include: withVisit,
      order: [['id', 'ASC']],
      transaction,
    }),
    QueueEntry.findAll({
      where: { departmentId, clinicDay: day, calledAt: { [Op.ne]: null } },
      include: withVisit,
      order: [
        ['calledAt', 'DESC'],
        ['id', 'DESC'],
      ],
      limit: RECENT_CALLS,
      transaction,
    }),
    QueueEntry.findAll({ attributes: [...TIMING_COLUMNS], where: { departmentId, clinicDay: day }, transaction }),
  ]);
  const outsideDoctorIds = [...new Set(timings.map((e) => e.doctorId).filter((id): id is number => id !== null))];
  const doctors = await DoctorProfile.findAll({
    where: { [Op.or]: [{ departmentId }, { id: { [Op.in]: outsideDoctorIds } }] },
    include: [
      { model: User, as: 'user', attributes: { exclude: ['passwordHash'] } },
      { model: DoctorAvailability, as: 'availabilities', where: { weekday: isoWeekday(day) }, required: false },
      {
        model: AvailabilityException,
        as: 'exceptions',
        where: { startDate: { [Op.lte]: day }, endDate: { [Op.gte]: day } },
        required: false,
      },
    ],
    order: [['id', 'ASC']],
    transaction,
  });

  const ordered = sortForCalling(
    active.filter((e) => e.status === 'waiting'),
    now,
  );
  const own = doctors.filter((d) => d.departmentId === departmentId);
  const pace = new Map(doctors.map((d) => [d.id, paceMinutes(consultationMinutes(timings, d.id), d.consultationMinutes)]));
  const localTime = DateTime.fromJSDate(now, { zone: timeZone }).toFormat('HH:mm');
  const serving = own.filter((d) => servesAt(scheduleOf(d).availabilities ?? [], (scheduleOf(d).exceptions ?? []).length > 0, localTime));
  const servingPaces = (serving.length ? serving : own).map((d) => pace.get(d.id)!);

  /** The entries doctor `d` would call, in order: their own, and the shared ones if the department is theirs. */
  const lineOf = (doctorId: number, sharesPool: boolean) =>
    ordered.filter((e) => e.doctorId === doctorId || (sharesPool && e.doctorId === null));

  const rank = new Map<number, { position: number; etaMinutes: number }>();
  ordered.forEach((entry, index) => {
    if (entry.doctorId === null) {
      rank.set(entry.id, { position: index + 1, etaMinutes: anyDoctorEta(index, servingPaces) });
    } else {
      const doctor = doctors.find((d) => d.id === entry.doctorId);
      const ahead = lineOf(entry.doctorId, doctor?.departmentId === departmentId).indexOf(entry);
      rank.set(entry.id, {
        position: ahead + 1,
        etaMinutes: namedDoctorEta(ahead, pace.get(entry.doctorId) ?? DEFAULT_CONSULTATION_MINUTES),
      });
    }
  });
  const ranked = (entry: QueueEntry, position: number): RankedEntry => ({
    entry,
    position,
    etaMinutes: rank.get(entry.id)!.etaMinutes,
  });

  const doctorStates = new Map<number, DoctorState>();
  for (const doctor of doctors) {
    const line = lineOf(doctor.id, doctor.departmentId === departmentId);
    const current =
      active
        .filter((e) => e.doctorId === doctor.id && (e.status === 'called' || e.status === 'in_consultation'))
        .sort((a, b) => (b.calledAt?.getTime() ?? 0) - (a.calledAt?.getTime() ?? 0))[0] ?? null;
    doctorStates.set(doctor.id, {
      doctor,
      current,
      waiting: line.map((entry, index) => ranked(entry, index + 1)),
      missed: active
        .filter((e) => e.doctorId === doctor.id && e.status === 'skipped')
        .sort((x, y) => (y.skippedAt?.getTime() ?? 0) - (x.skippedAt?.getTime() ?? 0)),
      stats: statsOf(timings.filter((e) => e.doctorId === doctor.id), line.length),
    });
  }

  return {
    departmentId,
    clinicDay: day,
    waiting: ordered.map((entry) => ranked(entry, rank.get(entry.id)!.position)),
    doctors: doctorStates,
    stats: statsOf(timings, ordered.length),
    recentCalls,
  };
}

/** Today's consultation lengths of one doctor in minutes, oldest completion first (for their rolling pace). */
function consultationMinutes(entries: EntryTimings[], doctorId: number): number[] {
  return entries
    .filter((e) => e.doctorId === doctorId && e.status === 'completed' && e.completedAt)
    .sort((a, b) => a.completedAt!.getTime() - b.completedAt!.getTime())
    .map(consultationLength)
    .filter((m): m is number => m !== null);
}

/** The figures over `entries` (today's, of a department or a doctor), with `waiting` given by the caller. */
function statsOf(entries: EntryTimings[], waiting: number): QueueStats {
  const completed = entries.filter((e) => e.status === 'completed');
  return {
    waiting_count: waiting,
    completed_today: completed.length,
    average_wait_minutes: roundedMean(entries.map(waitLength)),
    average_consultation_minutes: roundedMean(completed.map(consultationLength)),
  };
}

/** The day's schedule rows loaded with a doctor (the model does not declare these includes). */
function scheduleOf(doctor: DoctorProfile): { availabilities?: DoctorAvailability[]; exceptions?: AvailabilityException[] } {
  return doctor as DoctorProfile & { availabilities?: DoctorAvailability[]; exceptions?: AvailabilityException[] };
}
