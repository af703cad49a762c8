import { DateTime } from 'luxon';
import { Op } from 'sequelize';
import { formatCsvDay } from '../../common/clinic-format';
import type { DepartmentReport, DoctorReport, EstimateDayReport, ReportFigures, ReportResponse } from '../../common/reports';
import { Appointment, Department, DoctorProfile, QueueEntry, TimeSlot, User } from '../models';
import { clinicDayBounds } from './clinic-time';
import { estimateReport } from './estimate-report';
import { consultationLength } from '../queue/rules/eta';
import { roundedMean, TIMING_COLUMNS, waitLength, type EntryTimings } from '../queue/rules/timings';

/** The columns the figures need (a range of days can hold many entries). */
const ENTRY_COLUMNS = ['departmentId', ...TIMING_COLUMNS] as const;

type Entry = EntryTimings & Pick<QueueEntry, 'departmentId'>;

/** Rounded to one decimal, as the live figures are. */
const round = (n: number) => Math.round(n * 10) / 10;

/** The p-th percentile by nearest rank: the smallest value with at least p % of the values at or below it. */
export function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]);
}

/** A completed visit's consultation length in minutes (eta.ts says how it is measured). */
function consultationOf(e: Entry): number | null {
  return e.status === 'completed' ? consultationLength(e) : null;
}

const known = (values: Array<number | null>) => values.filter((v): v is number => v !== null);

/** The figures over some entries, plus `appointmentNoShows` booked appointments nobody came for. */
export function figuresOf(entries: Entry[], appointmentNoShows: number, zone: string): ReportFigures {
  const arrivals = entries.filter((e) => e.transferredFromId === null);
  const waits = known(entries.map(waitLength));
  const byHour = new Array<number>(24).fill(0);
  for (const e of arrivals) byHour[DateTime.fromJSDate(e.checkedInAt, { zone }).hour]++;
  return {
    checkIns: arrivals.length,
    patientsSeen: entries.filter((e) => e.status === 'completed').length,
    noShows: entries.filter((e) => e.status === 'skipped').length + appointmentNoShows,
    averageWaitMinutes: roundedMean(waits),
    p90WaitMinutes: percentile(waits, 90),
    averageConsultationMinutes: roundedMean(entries.map(consultationOf)),
    arrivalsByHour: byHour,
  };
}

/**
 * The clinic's figures for the clinic days `from` to `to` (both included), for the whole clinic, each department
 * and each doctor: over the queue entries of those days, plus the appointments of those days marked as no-shows.
 * A department's line counts the entries issued in it; a doctor's, the entries named for or called by them.
 */
export async function buildReport(from: string, to: string, zone: string): Promise<ReportResponse> {
  const entries: Entry[] = await QueueEntry.findAll({
    attributes: [...ENTRY_COLUMNS],
    where: { clinicDay: { [Op.between]: [from, to] } },
    raw: false,
  });
  const noShows = await Appointment.findAll({
    attributes: ['id', 'doctorId'],
    where: { status: 'no_show' },
    include: [
      {
        model: TimeSlot,
        as: 'slot',
        attributes: ['id'],
        where: { startsAt: { [Op.gte]: clinicDayBounds(from, zone).start, [Op.lt]: clinicDayBounds(to, zone).end } },
      },
      { model: DoctorProfile, as: 'doctor', attributes: ['id', 'departmentId'] },
    ],
  });
  const departments = await Department.findAll({ order: [['name', 'ASC']] });
  const doctors = await DoctorProfile.findAll({ include: [{ model: User, as: 'user', attributes: ['fullName'] }], order: [['id', 'ASC']] });

  const departmentLines: DepartmentReport[] = departments
    .map((d) => ({
      id: d.id,
      name: d.name,
      ...figuresOf(entries.filter((e) => e.departmentId === d.id), noShows.filter((a) => a.doctor?.departmentId === d.id).length, zone),
    }))
    .filter((line) => line.checkIns || line.patientsSeen || line.noShows);
  const doctorLines: DoctorReport[] = doctors
    .map((d) => ({
      id: d.id,
      name: d.user?.fullName ?? `Doctor ${d.id}`,
      departmentId: d.departmentId,
      ...figuresOf(entries.filter((e) => e.doctorId === d.id), noShows.filter((a) => a.doctorId === d.id).length, zone),
    }))
    .filter((line) => line.checkIns || line.patientsSeen || line.noShows);
  return {
    from,
    to,
    timeZone: zone,
    total: figuresOf(entries, noShows.length, zone),
    departments: departmentLines,
    doctors: doctorLines,
    estimates: await estimateReport(from, to),
  };
}

/** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet (=, +, -, @ get a leading '). */
function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const HOURS = Array.from({ length: 24 }, (_, h) => `arrivals_${String(h).padStart(2, '0')}`);

/** The estimate columns, filled on the `estimate` lines (one per clinic day and department). */
const ESTIMATE_COLUMNS = ['estimates', 'mean_estimated_wait_minutes', 'mean_real_wait_minutes', 'estimate_mae_minutes', 'real_wait_inside_range_share'];

/**
 * The same figures as CSV: one line for the clinic, then each department and each doctor, then an `estimate` line
 * per clinic day and department setting the estimates shown at check-in against the real waits (the report's
 * estimates table). The estimate columns come last, so the earlier columns keep their places.
 */
export function reportCsv(report: ReportResponse): string {
  const header = ['scope', 'id', 'name', 'from', 'to', 'check_ins', 'patients_seen', 'no_shows', 'average_wait_minutes', 'p90_wait_minutes', 'average_consultation_minutes', ...HOURS, ...ESTIMATE_COLUMNS];
  const noEstimates = ESTIMATE_COLUMNS.map(() => null);
  const line = (scope: string, id: number | null, name: string, f: ReportFigures) =>
    [scope, id, name, formatCsvDay(report.from), formatCsvDay(report.to), f.checkIns, f.patientsSeen, f.noShows, f.averageWaitMinutes, f.p90WaitMinutes, f.averageConsultationMinutes, ...f.arrivalsByHour, ...noEstimates]
      .map(cell)
      .join(',');
  const names = new Map(report.departments.map((d) => [d.id, d.name]));
  const estimateLine = (e: EstimateDayReport) =>
    ['estimate', e.departmentId, names.get(e.departmentId) ?? `Department ${e.departmentId}`, formatCsvDay(e.day), formatCsvDay(e.day), ...Array<null>(6 + HOURS.length).fill(null), e.count, e.meanEstimatedMinutes, e.meanRealMinutes, e.maeMinutes, e.insideShare]
      .map(cell)
      .join(',');
  return [
    header.join(','),
    line('clinic', null, 'All departments', report.total),
    ...report.departments.map((d) => line('department', d.id, d.name, d)),
    ...report.doctors.map((d) => line('doctor', d.id, d.name, d)),
    ...report.estimates.map(estimateLine),
  ].join('\r\n') + '\r\n';
}
