import { formatTime } from '../../../common/clinic-format';
import type { QueueEntry } from '../../models';
import { anyDoctorEta, DEFAULT_CONSULTATION_MINUTES, namedDoctorEta, paceMinutes, servesAt } from '../rules/eta';
import type { DepartmentState, DoctorState, RankedEntry } from '../types';
import type { Directory, DirectoryDoctor } from './directory';
import type { LiveDepartment } from './live-department';

/** Whether a doctor serves at `now` in the clinic's zone by the same rule as the estimates (eta.ts servesAt). */
export function worksNow(doctor: DirectoryDoctor, now: Date, timeZone: string): boolean {
  return servesAt(doctor.hours, doctor.onLeave, localTime(now, timeZone));
}

let lastTime: { minute: number; zone: string; text: string } | null = null;

/**
 * 'HH:MM' of `now` in the clinic's zone. Kept for the minute: every check-in and state asks, and a time-zone
 * conversion costs more than the rest of a check-in's estimate.
 */
function localTime(now: Date, zone: string): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (lastTime?.minute !== minute || lastTime.zone !== zone) {
    lastTime = { minute, zone, text: formatTime(now, zone) };
  }
  return lastTime.text;
}

/**
 * Everything the screens show about one department's clinic day at `now`, computed from the live day and the
 * directory in one pass over the waiting line (plus one per doctor for their own line): places and estimates by
 * eta.ts, calling order by ordering.ts, figures from the running totals. No database read.
 */
export function departmentStateOf(day: LiveDepartment, directory: Directory, now: Date, timeZone: string): DepartmentState {
  const { departmentId } = day;
  const ordered = day.line(now);
  const own = [...directory.doctors.values()].filter((d) => d.doctor.departmentId === departmentId);
  const ownIds = new Set(own.map((d) => d.doctor.id));
  const outside = day
    .doctorsWithEntries()
    .filter((id) => !ownIds.has(id))
    .map((id) => directory.doctors.get(id))
    .filter((d): d is DirectoryDoctor => d !== undefined);
  const doctors = [...own, ...outside].sort((a, b) => a.doctor.id - b.doctor.id);

  const pace = new Map(doctors.map((d) => [d.doctor.id, paceMinutes(day.paceOf(d.doctor.id), d.doctor.consultationMinutes)]));
  const serving = own.filter((d) => worksNow(d, now, timeZone));
  const servingPaces = (serving.length ? serving : own).map((d) => pace.get(d.doctor.id)!);

  // One pass: each entry's place and estimate, and each doctor's line (their own entries and, for the department's
  // own doctors, the shared "any doctor" ones), all in calling order.
  const ranked: RankedEntry[] = [];
  const rankOf = new Map<number, RankedEntry>();
  const lines = new Map<number, QueueEntry[]>(doctors.map((d) => [d.doctor.id, []]));
  const ownLines = own.map((d) => lines.get(d.doctor.id)!);
  let shared = 0;
  const named = new Map<number, number>();
  ordered.forEach(({ entry, id, doctorId }, index) => {
    let rank: RankedEntry;
    if (doctorId === null) {
      rank = { entry, position: index + 1, etaMinutes: anyDoctorEta(index, servingPaces) };
      shared++;
      for (const line of ownLines) line.push(entry);
    } else {
      const before = named.get(doctorId) ?? 0;
      const ahead = before + (ownIds.has(doctorId) ? shared : 0);
      named.set(doctorId, before + 1);
      rank = { entry, position: ahead + 1, etaMinutes: namedDoctorEta(ahead, pace.get(doctorId) ?? DEFAULT_CONSULTATION_MINUTES) };
      lines.get(doctorId)?.push(entry);
    }
    ranked.push(rank);
    rankOf.set(id, rank);
  });

  // Each doctor's view is built on first use: a check-in's answer needs only its own place, a refresh all of it.
  let doctorStates: Map<number, DoctorState> | null = null;
  const doctorsNow = (): Map<number, DoctorState> => {
    if (doctorStates) return doctorStates;
    doctorStates = new Map();
    for (const schedule of doctors) {
      const { doctor } = schedule;
      const line = lines.get(doctor.id)!;
      const mine = day.doctorEntriesNow(doctor.id);
      const current =
        mine
          .filter((e) => e.status === 'called' || e.status === 'in_consultation')
          .sort((a, b) => (b.calledAt?.getTime() ?? 0) - (a.calledAt?.getTime() ?? 0) || a.id - b.id)[0] ?? null;
      let waiting: RankedEntry[] | null = null;
      doctorStates.set(doctor.id, {
        doctor,
        schedule,
        current,
        // A display's board needs each doctor's current patient only; the line is built for whoever reads it.
        get waiting() {
          return (waiting ??= line.map((entry, index) => ({ entry, position: index + 1, etaMinutes: rankOf.get(entry.id)!.etaMinutes })));
        },
        missed: mine
          .filter((e) => e.status === 'skipped')
          .sort((x, y) => (y.skippedAt?.getTime() ?? 0) - (x.skippedAt?.getTime() ?? 0) || x.id - y.id),
        stats: day.doctorTotalsOf(doctor.id).stats(line.length),
      });
    }
    return doctorStates;
  };

  return {
    departmentId,
    clinicDay: day.clinicDay,
    waiting: ranked,
    rankOf,
    get doctors() {
      return doctorsNow();
    },
    stats: day.totals.stats(ordered.length),
    recentCalls: day.recentCalls(),
  };
}
