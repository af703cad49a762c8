import { formatTime } from '../../../common/clinic-format';
import type { QueueEntry } from '../../models';
import { anyDoctorEta, cycleMinutes, DEFAULT_CONSULTATION_MINUTES, namedDoctorEta, paceMinutes, servesAt } from '../rules/eta';
import { forecast, type ExpectedBooking, type ForecastDoctor, type ForecastInput } from '../rules/forecast';
import type { DepartmentState, DoctorState, RankedEntry } from '../types';
import type { Directory, DirectoryDoctor } from './directory';
import { NO_HISTORY, type PaceHistory } from './history';
import type { LiveDepartment } from './live-department';
import { shiftsOf } from './shifts';

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
 * Everything the screens show about one department's clinic day at `now`, computed from the live day, the
 * directory and the doctors' recent paces: estimates by the forecast (rules/forecast.ts, eta.ts's older rule where it
 * has none), calling order by ordering.ts, figures from the running totals. No database read. Estimates are taken
 * at the start of `now`'s minute, so a view kept for the minute (live-queue.ts) equals one computed afresh within it.
 *
 * What costs a pass over the whole line is made on first use, once per state: the places and estimates of every
 * waiting entry (the forecast plays the doctors' day forward: O(entries x doctors)) and each doctor's line. A
 * refresh that only feeds displays never makes them (they show the next few tokens, the rooms and the figures);
 * the check-ins answered after one commit share one.
 */
export function departmentStateOf(
  day: LiveDepartment,
  directory: Directory,
  now: Date,
  timeZone: string,
  history: PaceHistory = NO_HISTORY,
): DepartmentState {
  const { departmentId } = day;
  // A copy: the live line changes with every commit, and a state read later (after an await) must still show the
  // line it was made from (a pointer copy, microseconds even for thousands waiting).
  const ordered = day.line(now).slice();
  const counts = day.waitingCounts();
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
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  // Read now, with the rest of the state; played forward only when someone needs the estimates.
  const input: ForecastInput = {
    now: minute,
    doctors: doctors.map((d) => forecastDoctor(d, ownIds.has(d.doctor.id), day, directory.clinicDay, timeZone, history)),
    line: ordered,
    bookings: expectedBookings(day.bookingsToCome(minute - LATE_BOOKING_MINUTES * 60_000), minute, history.bookingDelayMinutes),
    showRate: history.showRate,
  };

  // Each entry's place and estimate, and each doctor's line (their own entries and, for the department's own
  // doctors, the shared "any doctor" ones), all in calling order.
  let waits: Array<number | null> | null = null;
  const forecastWaits = () => (waits ??= forecast(input).waits);
  /** The rank of the entry at `index`, given how many shared and how many of its doctor's entries are before it. */
  const rankAt = (index: number, sharedBefore: number, namedBefore: number): RankedEntry => {
    const { entry, doctorId } = ordered[index];
    const forecastWait = forecastWaits()[index];
    if (doctorId === null) {
      return { entry, position: index + 1, etaMinutes: forecastWait !== null ? Math.round(forecastWait) : anyDoctorEta(index, servingPaces) };
    }
    const place = namedBefore + (ownIds.has(doctorId) ? sharedBefore : 0);
    const etaMinutes = forecastWait !== null ? Math.round(forecastWait) : namedDoctorEta(place, pace.get(doctorId) ?? DEFAULT_CONSULTATION_MINUTES);
    return { entry, position: place + 1, etaMinutes };
  };
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
      const before = doctorId === null ? 0 : (named.get(doctorId) ?? 0);
      const rank = rankAt(index, shared, before);
      if (doctorId === null) {
        shared++;
        for (const line of ownLines) line.push(entry);
      } else {
        named.set(doctorId, before + 1);
        lines.get(doctorId)?.push(entry);
      }
      ranked.push(rank);
      rankOf.set(id, rank);
    });
    return (ranks = { ranked, rankOf, lines });
  };
  // One entry's rank from the end of the line, with the waiting counts taken with it: the check-ins answered after a
  // commit each ask for their own (and the estimate log too), and they are at the end. Ranking a line of thousands (a
  // Map and an object per entry) for every commit, or scanning it from the front, made check-ins slower as a rush
  // filled the day. Once the look-ups on one state have scanned as much as one full ranking would, it is made.
  let scanned = 0;
  const rankOne = (id: number): RankedEntry | undefined => {
    if (ranks || scanned > ordered.length) return rankAll().rankOf.get(id);
    let index = ordered.length - 1;
    while (index >= 0 && ordered[index].id !== id) index--;
    scanned += 2 * (ordered.length - index);
    if (index < 0) return undefined;
    const { doctorId } = ordered[index];
    let sharedAfter = 0;
    let namedAfter = 0;
    for (let i = index + 1; i < ordered.length; i++) {
      const other = ordered[i].doctorId;
      if (other === null) sharedAfter++;
      else if (other === doctorId) namedAfter++;
    }
    const sharedBefore = counts.shared - sharedAfter - (doctorId === null ? 1 : 0);
    const namedBefore = doctorId === null ? 0 : (counts.named.get(doctorId) ?? 0) - namedAfter - 1;
    return rankAt(index, sharedBefore, namedBefore);
  };

  // Each doctor's view, built with the state (a few entries per doctor: read after an await, they must match the
  // figures taken with them); their waiting lines on first use.
  const doctorStates = new Map<number, DoctorState>();
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
      stats: day.doctorTotalsOf(doctor.id).stats(day.waitingFor(doctor.id, ownIds.has(doctor.id))),
    });
  }

  // What a new normal walk-in would be told: the same forecast with them added last, else the older rule. Built
  // on first use (the kiosk's department list asks; a check-in or a call does not).
  let nextWalkIn: DepartmentState['nextWalkIn'] | null = null;
  const nextWalkInNow = (): DepartmentState['nextWalkIn'] => {
    if (nextWalkIn) return nextWalkIn;
    const any = forecast(input, { doctorId: null }).next;
    nextWalkIn = {
      anyDoctor: any !== null ? Math.round(any) : anyDoctorEta(ordered.length, servingPaces),
      byDoctor: new Map(
        own.map((d) => {
          const wait = forecast(input, { doctorId: d.doctor.id }).next;
          const line = day.waitingFor(d.doctor.id, true);
          return [d.doctor.id, wait !== null ? Math.round(wait) : namedDoctorEta(line, pace.get(d.doctor.id)!)];
        }),
      ),
    };
    return nextWalkIn;
  };

  return {
    departmentId,
    clinicDay: day.clinicDay,
    get waiting() {
      return rankAll().ranked;
    },
    rankOf: { get: rankOne, has: (id: number) => rankOne(id) !== undefined },
    next: (count) => ordered.slice(0, count).map((item) => item.entry),
    get nextWalkIn() {
      return nextWalkInNow();
    },
    doctors: doctorStates,
    stats: day.totals.stats(ordered.length),
    recentCalls: day.recentCalls(),
  };
}

/** How long after its slot start a booked patient who has not come is still expected at all (some come late). */
export const LATE_BOOKING_MINUTES = 25;

/**
 * The bookings the forecast expects, from those whose patient has not come (`toCome`, slot starts from
 * LATE_BOOKING_MINUTES ago on): a slot to come at its start plus the usual delay of those who come
 * (`delayMinutes`, learned: a booked patient who comes late is due when they come, one who comes early at the slot
 * start, so the mean delay is positive), and a slot already started as a patient a few minutes away who grows less
 * likely to come the later it gets.
 */
export function expectedBookings(
  toCome: ReadonlyArray<{ doctorId: number; startsAt: number }>,
  now: number,
  delayMinutes: number,
): ExpectedBooking[] {
  const minute = 60_000;
  return toCome.map((b) =>
    b.startsAt >= now
      ? { doctorId: b.doctorId, startsAt: b.startsAt + delayMinutes * minute, likelihood: 1 }
      : { doctorId: b.doctorId, startsAt: now + 5 * minute, likelihood: 1 - (now - b.startsAt) / (LATE_BOOKING_MINUTES * minute) },
  );
}

/** A doctor as the forecast needs them: cycle (today's pace with their history), today's hours, current patient. */
function forecastDoctor(
  d: DirectoryDoctor,
  own: boolean,
  day: LiveDepartment,
  clinicDay: string,
  timeZone: string,
  history: PaceHistory,
): ForecastDoctor {
  const { doctor } = d;
  let busySince: number | null = null;
  for (const e of day.doctorEntriesNow(doctor.id)) {
    if (e.status !== 'called' && e.status !== 'in_consultation') continue;
    const since = (e.consultationStartedAt ?? e.calledAt)?.getTime() ?? null;
    if (since !== null && (busySince === null || since > busySince)) busySince = since;
  }
  return {
    id: doctor.id,
    own,
    cycle: cycleMinutes(day.paceOf(doctor.id), doctor.consultationMinutes, history.doctors.get(doctor.id)),
    shifts: shiftsOf(d, clinicDay, timeZone),
    busySince,
  };
}
