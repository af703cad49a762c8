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

/** What ranking reads of a department at `now`: its doctors (own first), their paces, and who serves now. */
interface Ranking {
  own: DirectoryDoctor[];
  ownIds: Set<number>;
  /** The department's own doctors and those of other departments named by its entries, by id. */
  doctors: DirectoryDoctor[];
  pace: Map<number, number>;
  servingPaces: number[];
}

function rankingOf(day: LiveDepartment, directory: Directory, now: Date, timeZone: string): Ranking {
  const own = [...directory.doctors.values()].filter((d) => d.doctor.departmentId === day.departmentId);
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
  return { own, ownIds, doctors, pace, servingPaces };
}

/**
 * The place and estimate of an entry that has `shared` "any doctor" entries and `named` entries of its own doctor
 * ahead of it at `index` in the department's calling order (eta.ts's rules).
 */
function rankAt(ranking: Ranking, entry: QueueEntry, doctorId: number | null, index: number, shared: number, named: number): RankedEntry {
  if (doctorId === null) return { entry, position: index + 1, etaMinutes: anyDoctorEta(index, ranking.servingPaces) };
  const ahead = named + (ranking.ownIds.has(doctorId) ? shared : 0);
  return { entry, position: ahead + 1, etaMinutes: namedDoctorEta(ahead, ranking.pace.get(doctorId) ?? DEFAULT_CONSULTATION_MINUTES) };
}

/**
 * One waiting entry's place and estimate at `now`, exactly as {@link departmentStateOf} ranks it, without building
 * the rest: a check-in's answer needs only its own. O(log n) for an "any doctor" entry, one pass up to the entry for
 * a named doctor's; nothing allocated on the way. Null when the entry is not waiting.
 */
export function rankOne(day: LiveDepartment, directory: Directory, now: Date, timeZone: string, entryId: number): RankedEntry | null {
  const line = day.line(now);
  const index = day.indexInLine(entryId);
  if (index < 0) return null;
  const { entry, doctorId } = line[index];
  let shared = 0;
  let named = 0;
  // An "any doctor" entry's place is its index; a named doctor's entry counts who is ahead in that doctor's line.
  if (doctorId !== null) {
    for (let i = 0; i < index; i++) {
      const ahead = line[i].doctorId;
      if (ahead === null) shared++;
      else if (ahead === doctorId) named++;
    }
  }
  return rankAt(rankingOf(day, directory, now, timeZone), entry, doctorId, index, shared, named);
}

/**
 * Everything the screens show about one department's clinic day at `now`, computed from the live day and the
 * directory in one pass over the waiting line (plus one per doctor for their own line): places and estimates by
 * eta.ts, calling order by ordering.ts, figures from the running totals. No database read.
 */
export function departmentStateOf(day: LiveDepartment, directory: Directory, now: Date, timeZone: string): DepartmentState {
  const { departmentId } = day;
  // A copy: the live line changes with every commit, and a state read later (after an await) must still show the
  // line it was made from (a pointer copy, microseconds even for thousands waiting).
  const ordered = day.line(now).slice();
  const ranking = rankingOf(day, directory, now, timeZone);
  const { own, doctors } = ranking;

  // One pass, on first use: each entry's place and estimate, and each doctor's line (their own entries and, for the
  // department's own doctors, the shared "any doctor" ones), all in calling order. A refresh that only feeds
  // displays never makes it: they show the next few tokens, the rooms and the figures.
  let ranks: { ranked: RankedEntry[]; rankOf: Map<number, RankedEntry>; lines: Map<number, QueueEntry[]> } | null = null;
  const rankAll = () => {
    if (ranks) return ranks;
    const ranked: RankedEntry[] = [];
    const rankOf = new Map<number, RankedEntry>();
    const lines = new Map<number, QueueEntry[]>(doctors.map((d) => [d.doctor.id, []]));
    const ownLines = own.map((d) => lines.get(d.doctor.id)!);
    let shared = 0;
    const named = new Map<number, number>();
    ordered.forEach(({ entry, id, doctorId }, index) => {
      let rank: RankedEntry;
      if (doctorId === null) {
        rank = rankAt(ranking, entry, null, index, shared, 0);
        shared++;
        for (const line of ownLines) line.push(entry);
      } else {
        const before = named.get(doctorId) ?? 0;
        rank = rankAt(ranking, entry, doctorId, index, shared, before);
        named.set(doctorId, before + 1);
        lines.get(doctorId)?.push(entry);
      }
      ranked.push(rank);
      rankOf.set(id, rank);
    });
    return (ranks = { ranked, rankOf, lines });
  };

  // Each doctor's view, built with the state; their waiting lines on first use.
  let doctorStates: Map<number, DoctorState> | null = null;
  const doctorsNow = (): Map<number, DoctorState> => {
    if (doctorStates) return doctorStates;
    doctorStates = new Map();
    for (const schedule of doctors) {
      const { doctor } = schedule;
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
          if (waiting) return waiting;
          const { lines, rankOf } = rankAll();
          return (waiting = lines.get(doctor.id)!.map((entry, index) => ({ entry, position: index + 1, etaMinutes: rankOf.get(entry.id)!.etaMinutes })));
        },
        missed: mine
          .filter((e) => e.status === 'skipped')
          .sort((x, y) => (y.skippedAt?.getTime() ?? 0) - (x.skippedAt?.getTime() ?? 0) || x.id - y.id),
        stats: day.doctorTotalsOf(doctor.id).stats(day.waitingFor(doctor.id, ranking.ownIds.has(doctor.id))),
      });
    }
    return doctorStates;
  };

  return {
    departmentId,
    clinicDay: day.clinicDay,
    get waiting() {
      return rankAll().ranked;
    },
    get rankOf() {
      return rankAll().rankOf;
    },
    next: (count) => ordered.slice(0, count).map((item) => item.entry),
    // Built now (a few entries per doctor): read after an await, they must match the figures taken with them.
    // Only each doctor's waiting line waits for its first reader.
    doctors: doctorsNow(),
    stats: day.totals.stats(ordered.length),
    recentCalls: day.recentCalls(),
  };
}
