import type { Orderable } from './ordering';

/**
 * THE WAIT FORECAST: when each waiting patient will be called, found by playing the doctors' day forward under the
 * calling order (rules/ordering.ts). It replaces "patients ahead x pace" where the doctors' hours are known, because
 * that rule cannot see a doctor who starts in two hours, a lunch break, leave, a patient half-way through their
 * consultation, or the booked patients who will come and take their slots.
 *
 * - Each doctor is free from when their current patient is expected to leave (start plus the doctor's cycle, or a
 *   little after now when that has passed), and takes patients only inside their working intervals today: a doctor
 *   free during a break takes the next one when it ends; after their last interval, nobody.
 * - Whichever doctor is free first takes the first entry in calling order among their own and (for the
 *   department's doctors) the shared "any doctor" ones, as calling next does. Each takes one cycle of that doctor:
 *   their consultation pace plus the walk to the room and the odd no-show (read-model/history.ts learns both).
 * - Appointment holders count from their slot start: one who checked in early waits among the walk-ins in check-in
 *   order and moves ahead of them when the slot starts (called at whichever comes first, as calling next would), and
 *   a booked patient who has not come yet is expected then, or as late as booked patients usually come (at the show
 *   rate: a share of a cycle).
 * - An entry nobody can take today (no hours entered, everyone gone) gets no forecast; eta.ts's older rule answers.
 * Cost: one step per entry and booked slot, each looking at every doctor: O((entries + slots) x doctors).
 */

/** A doctor as the forecast sees them. */
export interface ForecastDoctor {
  id: number;
  /** Belongs to the department, so takes its shared entries. */
  own: boolean;
  /** Minutes from one call to the next. */
  cycle: number;
  /** Today's working intervals as epoch ms, earliest first; empty when not working today (leave, no hours). */
  shifts: ReadonlyArray<{ start: number; end: number }>;
  /** When their current patient started (epoch ms: consultation start, else the call); null when free. */
  busySince: number | null;
}

/** A booked patient expected later today: their doctor, when they are expected to be due (epoch ms: the slot start
 * plus the usual delay of those who come, read-model/state.ts), and how likely they still come relative to the show
 * rate (1 before the slot starts, less once it has passed without them). */
export interface ExpectedBooking {
  doctorId: number;
  startsAt: number;
  likelihood: number;
}

/** What the forecast plays: the waiting line in calling order at `now`, the bookings to come, the show rate. */
export interface ForecastInput {
  now: number;
  doctors: readonly ForecastDoctor[];
  line: ReadonlyArray<{ doctorId: number | null; key: Orderable }>;
  bookings: readonly ExpectedBooking[];
  /** Share of booked patients who come. */
  showRate: number;
}

/** The share of a cycle still expected of a consultation that has already run past its usual length. */
const OVERRUN_SHARE = 0.2;
const MINUTE = 60_000;
const PRIORITY_RANK = { emergency: 0, priority: 1, normal: 2 } as const;

/** One entry or expected booking as the forecast plays it (exported for the estimate experiments in bench/). */
export interface ForecastItem {
  /** Index in the line; -1 for a booking still to come, -2 for the new walk-in being asked about. */
  index: number;
  rank: number;
  dueAt: number | null;
  checkedInAt: number;
  sequence: number;
  weight: number;
  /** Called in the forecast already (an early appointment holder waits in two lines: see below). */
  taken: boolean;
}

/** Calling order between two items at `t` (as ordering.ts's rule): negative when `a` goes first. */
export function compareItems(a: ForecastItem, b: ForecastItem, t: number): number {
  const due = (i: ForecastItem) => (i.dueAt !== null && i.dueAt <= t ? 0 : 1);
  return a.rank - b.rank || due(a) - due(b) || a.checkedInAt - b.checkedInAt || a.sequence - b.sequence;
}

/** The line with its head moved past the items already called (from their other line). */
function skipTaken(line: { items: ForecastItem[]; head: number }): { items: ForecastItem[]; head: number } {
  while (line.head < line.items.length && line.items[line.head].taken) line.head++;
  return line;
}

/**
 * The most entries each line (a doctor's id, 0 for the shared one) can have taken from it today: a doctor takes one
 * at a free moment inside an interval and is busy a cycle after, so at most floor(minutes left / cycle) + 1 per
 * interval still to come; the shared line has all the department's own doctors'. Entries are taken from a line
 * in its order, so the ones past this count (booked patients who came early aside: they jump ahead when their slot
 * starts) are never reached, and leaving them out changes no estimate.
 */
function capacities(doctors: readonly ForecastDoctor[], now: number): Map<number, number> {
  const room = new Map<number, number>();
  for (const d of doctors) {
    let most = 0;
    for (const shift of d.shifts) {
      if (shift.end <= now) continue;
      const minutes = (shift.end - Math.max(shift.start, now)) / MINUTE;
      most += d.cycle > 0 ? Math.floor(minutes / d.cycle) + 1 : Infinity;
    }
    room.set(d.id, (room.get(d.id) ?? 0) + most);
    if (d.own) room.set(0, (room.get(0) ?? 0) + most);
  }
  return room;
}

/** The earliest moment at or after `t` inside one of `shifts`; Infinity when there is none today. */
export function nextWorkingMoment(shifts: ForecastDoctor['shifts'], t: number): number {
  for (const shift of shifts) if (t < shift.end) return Math.max(t, shift.start);
  return Infinity;
}

/**
 * Minutes until each entry of the line is called (same order; null when nobody can take it today) and, when
 * `newWalkIn` is given, until a normal walk-in checking in now for that doctor (null: any doctor) would be.
 */
export function forecast(input: ForecastInput, newWalkIn?: { doctorId: number | null }): { waits: Array<number | null>; next: number | null } {
  const { now, doctors } = input;
  const waits: Array<number | null> = input.line.map(() => null);
  let next: number | null = null;
  // Per owner (doctor id, 0 for the shared line): entries in calling order, and appointment holders and bookings
  // not due yet in slot order, which join the due ones (kept in check-in order) as their slots start.
  const queued = new Map<number, { items: ForecastItem[]; head: number }>();
  const pending = new Map<number, { items: ForecastItem[]; head: number; due: ForecastItem[] }>();
  const queue = (owner: number) => queued.get(owner) ?? queued.set(owner, { items: [], head: 0 }).get(owner)!;
  const later = (owner: number) => pending.get(owner) ?? pending.set(owner, { items: [], head: 0, due: [] }).get(owner)!;
  let remaining = 0;
  // Entries past what their doctors can see today get no forecast whatever happens, so they are left out: a line of
  // thousands (a rush, the benchmark's) costs one pass over it, not an item per entry. See capacities().
  const room = capacities(doctors, now);
  const kept = new Map<number, number>();
  const fits = (owner: number) => (kept.get(owner) ?? 0) < (room.get(owner) ?? 0);
  input.line.forEach(({ doctorId, key }, index) => {
    const dueAt = key.appointmentStartsAt?.getTime() ?? null;
    const early = dueAt !== null && dueAt > now && doctorId !== null;
    const owner = doctorId ?? 0;
    // An early appointment holder can be taken out of line when the slot starts: always kept.
    if (!early && !fits(owner)) return;
    if (!early) kept.set(owner, (kept.get(owner) ?? 0) + 1);
    const item = { index, rank: PRIORITY_RANK[key.priority], dueAt, checkedInAt: key.checkedInAt.getTime(), sequence: key.sequence, weight: 1, taken: false };
    // An appointment holder who came early waits in check-in order like a walk-in (the line is in calling order at
    // `now`), and moves ahead of the walk-ins when the slot starts, whichever comes first.
    if (early) later(doctorId).items.push(item);
    queue(owner).items.push(item);
    remaining++;
  });
  for (const b of input.bookings) {
    later(b.doctorId).items.push({ index: -1, rank: 2, dueAt: b.startsAt, checkedInAt: b.startsAt, sequence: Infinity, weight: input.showRate * b.likelihood, taken: false });
  }
  for (const p of pending.values()) p.items.sort((a, b) => a.dueAt! - b.dueAt! || a.checkedInAt - b.checkedInAt);
  if (newWalkIn && fits(newWalkIn.doctorId ?? 0)) {
    // After everyone in line, whose check-in times may be later than `now` (the start of the minute).
    queue(newWalkIn.doctorId ?? 0).items.push({ index: -2, rank: 2, dueAt: null, checkedInAt: Infinity, sequence: Infinity, weight: 1, taken: false });
    remaining++;
  }

  const free = doctors.map((d) => {
    const done = d.busySince === null ? now : Math.max(d.busySince + d.cycle * MINUTE, now + OVERRUN_SHARE * d.cycle * MINUTE);
    return nextWorkingMoment(d.shifts, done);
  });
  while (remaining > 0) {
    let at = -1;
    for (let i = 0; i < doctors.length; i++) if (free[i] < Infinity && (at < 0 || free[i] < free[at])) at = i;
    if (at < 0) break;
    const doctor = doctors[at];
    const t = free[at];
    const mine = later(doctor.id);
    while (mine.head < mine.items.length && mine.items[mine.head].dueAt! <= t) {
      const item = mine.items[mine.head++];
      if (item.taken) continue;
      let i = mine.due.length;
      while (i > 0 && compareItems(mine.due[i - 1], item, t) > 0) i--;
      mine.due.splice(i, 0, item);
    }
    const own = skipTaken(queue(doctor.id));
    const shared = doctor.own ? skipTaken(queue(0)) : null;
    while (mine.due.length && mine.due[0].taken) mine.due.shift();
    let best: { item: ForecastItem; take: () => void } | null = null;
    const consider = (item: ForecastItem | undefined, take: () => void) => {
      if (item && (!best || compareItems(item, best.item, t) < 0)) best = { item, take };
    };
    consider(own.items[own.head], () => own.head++);
    if (shared) consider(shared.items[shared.head], () => shared.head++);
    consider(mine.due[0], () => mine.due.shift());
    if (!best) {
      // Nothing for this doctor until their next booked patient is due (or ever).
      free[at] = mine.head < mine.items.length ? nextWorkingMoment(doctor.shifts, mine.items[mine.head].dueAt!) : Infinity;
      continue;
    }
    const { item, take } = best as { item: ForecastItem; take: () => void };
    take();
    item.taken = true;
    const wait = (t - now) / MINUTE;
    if (item.index >= 0) waits[item.index] = wait;
    if (item.index === -2) next = wait;
    if (item.index !== -1) remaining--;
    free[at] = nextWorkingMoment(doctor.shifts, t + doctor.cycle * item.weight * MINUTE);
  }
  return { waits, next };
}
