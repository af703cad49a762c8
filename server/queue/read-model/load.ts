import { Op } from 'sequelize';
import { Appointment, DoctorProfile, Patient, QueueEntry, TimeSlot } from '../../models';
import { clinicDay, clinicDayBounds } from '../../services/clinic-time';
import type { DepartmentState } from '../types';
import { loadDirectory } from './directory';
import { loadPaceHistory } from './history';
import { LiveDepartment } from './live-department';
import { departmentStateOf } from './state';

/** Statuses whose entries the screens show one by one, and so are read with their patient and appointment slot. */
const ACTIVE_STATUSES = ['waiting', 'called', 'in_consultation', 'skipped'] as const;

/**
 * Reads one department's clinic day from the database into a new live day: the entries still in line, with a
 * doctor or missed (with patient and appointment slot), the finished ones without joins, and the day's bookings
 * with its doctors that are still to come (the forecast expects them).
 */
export async function loadDepartmentDay(departmentId: number, day: string, now: Date, timeZone: string): Promise<LiveDepartment> {
  const { start, end } = clinicDayBounds(day, timeZone);
  const [active, finished, booked] = await Promise.all([
    QueueEntry.findAll({
      where: { departmentId, clinicDay: day, status: { [Op.in]: [...ACTIVE_STATUSES] } },
      include: [
        { model: Patient, as: 'patient' },
        { model: Appointment, as: 'appointment', include: [{ model: TimeSlot, as: 'slot' }] },
      ],
      order: [['id', 'ASC']],
    }),
    QueueEntry.findAll({ where: { departmentId, clinicDay: day, status: { [Op.notIn]: [...ACTIVE_STATUSES] } }, order: [['id', 'ASC']] }),
    Appointment.findAll({
      attributes: ['id', 'doctorId'],
      where: { status: 'booked' },
      include: [
        { model: TimeSlot, as: 'slot', attributes: ['startsAt'], where: { startsAt: { [Op.gte]: start, [Op.lt]: end } } },
        { model: DoctorProfile, as: 'doctor', attributes: [], where: { departmentId } },
      ],
    }),
  ]);
  const live = new LiveDepartment(departmentId, day, now);
  live.expectBookings(booked.map((a) => ({ id: a.id, doctorId: a.doctorId, startsAt: a.slot!.startsAt.getTime() })));
  for (const entry of [...finished, ...active]) live.apply(entry);
  return live;
}

/**
 * One department's state computed from scratch from the database (no cache): what the live read model must always
 * equal. Used by tests and the benchmark as the reference.
 */
export async function departmentState(departmentId: number, options: { timeZone: string; now: Date }): Promise<DepartmentState> {
  const day = clinicDay(options.now, options.timeZone);
  const [live, directory, history] = await Promise.all([
    loadDepartmentDay(departmentId, day, options.now, options.timeZone),
    loadDirectory(day),
    loadPaceHistory(day, options.timeZone),
  ]);
  return departmentStateOf(live, directory, options.now, options.timeZone, history);
}
