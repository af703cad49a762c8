import type { ForecastInput } from '../../server/queue/rules/forecast';
import { nextWorkingMoment } from '../../server/queue/rules/forecast';

/** Lab copy of the forecast with randomness: one run of the doctors' day with drawn durations, shows, arrivals. */
export interface LabOptions {
  runs: number;
  cv: number;
  /** Booking offsets (minutes from slot start to check-in) to draw from; null: deterministic expected booking. */
  offsets: number[] | null;
  /** Priority/emergency walk-in arrivals per minute for the department at a local hour (0: none). */
  priorityRate: (t: number) => number;
  /** Quantile of the runs' waits used as the estimate. */
  quantile: number;
  /** Late start: for a doctor past start who has not called: delays (minutes after start) to draw from. */
  lateDelays: number[] | null;
  notStarted: Set<number>;
  overrunShare: number;
}

const MINUTE = 60_000;
const RANK = { emergency: 0, priority: 1, normal: 2 } as const;

interface Item {
  index: number;
  rank: number;
  dueAt: number | null;
  checkedInAt: number;
  sequence: number;
  taken: boolean;
}

function compare(a: Item, b: Item, t: number): number {
  const due = (i: Item) => (i.dueAt !== null && i.dueAt <= t ? 0 : 1);
  return a.rank - b.rank || due(a) - due(b) || a.checkedInAt - b.checkedInAt || a.sequence - b.sequence;
}

export class Rng {
  constructor(private s: number) {}
  next(): number {
    this.s = (this.s + 0x6d2b79f5) | 0;
    let t = Math.imul(this.s ^ (this.s >>> 15), 1 | this.s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}

/** One random run: minutes until each line entry is called (null: not today). */
function once(input: ForecastInput, o: LabOptions, rng: Rng, deptOwn: boolean): Array<number | null> {
  const { now, doctors } = input;
  const waits: Array<number | null> = input.line.map(() => null);
  const sigma = Math.sqrt(Math.log(1 + o.cv * o.cv));
  const draw = (cycle: number) => cycle * Math.exp(sigma * rng.normal() - (sigma * sigma) / 2);
  const queued = new Map<number, { items: Item[]; head: number }>();
  const pending = new Map<number, { items: Item[]; head: number; due: Item[] }>();
  const queue = (k: number) => queued.get(k) ?? queued.set(k, { items: [], head: 0 }).get(k)!;
  const later = (k: number) => pending.get(k) ?? pending.set(k, { items: [], head: 0, due: [] }).get(k)!;
  let remaining = 0;
  input.line.forEach(({ doctorId, key }, index) => {
    const dueAt = key.appointmentStartsAt?.getTime() ?? null;
    const item: Item = { index, rank: RANK[key.priority], dueAt, checkedInAt: key.checkedInAt.getTime(), sequence: key.sequence, taken: false };
    if (dueAt !== null && dueAt > now && doctorId !== null) later(doctorId).items.push(item);
    queue(doctorId ?? 0).items.push(item);
    remaining++;
  });
  for (const b of input.bookings) {
    if (o.offsets) {
      if (rng.next() >= input.showRate * b.likelihood) continue;
      let due = b.startsAt;
      if (b.likelihood === 1) due += Math.max(0, o.offsets[Math.floor(rng.next() * o.offsets.length)]) * MINUTE;
      later(b.doctorId).items.push({ index: -1, rank: 2, dueAt: due, checkedInAt: due, sequence: Infinity, taken: false });
    } else {
      later(b.doctorId).items.push({ index: -1, rank: 2, dueAt: b.startsAt, checkedInAt: b.startsAt, sequence: Infinity, taken: false });
    }
  }
  for (const p of pending.values()) p.items.sort((a, b) => a.dueAt! - b.dueAt! || a.checkedInAt - b.checkedInAt);
  // Future priority walk-ins (shared line), arriving over the next hours.
  const arrivals: Item[] = [];
  if (deptOwn) {
    let t = now;
    const end = now + 6 * 60 * MINUTE;
    for (;;) {
      const peak = 0.05;
      t += (-Math.log(1 - rng.next()) / peak) * MINUTE;
      if (t >= end) break;
      if (rng.next() < o.priorityRate(t) / peak) arrivals.push({ index: -3, rank: 1, dueAt: null, checkedInAt: t, sequence: Infinity, taken: false });
    }
  }
  let arrivalHead = 0;
  const free = doctors.map((d) => {
    let start = now;
    if (o.lateDelays && o.notStarted.has(d.id) && d.shifts.length && d.shifts[0].start <= now) {
      const gone = (now - d.shifts[0].start) / MINUTE;
      const fits = o.lateDelays.filter((x) => x > gone);
      if (fits.length) start = d.shifts[0].start + fits[Math.floor(rng.next() * fits.length)] * MINUTE;
    }
    if (d.busySince === null) return nextWorkingMoment(d.shifts, start);
    const elapsed = (now - d.busySince) / MINUTE;
    let end = -1;
    for (let i = 0; i < 20 && end < 0; i++) {
      const x = draw(d.cycle);
      if (x > elapsed) end = d.busySince + x * MINUTE;
    }
    if (end < 0) end = now + o.overrunShare * d.cycle * MINUTE;
    return nextWorkingMoment(d.shifts, end);
  });
  while (remaining > 0) {
    let at = -1;
    for (let i = 0; i < doctors.length; i++) if (free[i] < Infinity && (at < 0 || free[i] < free[at])) at = i;
    if (at < 0) break;
    const doctor = doctors[at];
    const t = free[at];
    const shared = queue(0);
    while (arrivalHead < arrivals.length && arrivals[arrivalHead].checkedInAt <= t) {
      const item = arrivals[arrivalHead++];
      let i = shared.head;
      while (i < shared.items.length && (shared.items[i].taken || compare(shared.items[i], item, t) <= 0)) i++;
      shared.items.splice(i, 0, item);
    }
    const mine = later(doctor.id);
    while (mine.head < mine.items.length && mine.items[mine.head].dueAt! <= t) {
      const item = mine.items[mine.head++];
      if (item.taken) continue;
      let i = mine.due.length;
      while (i > 0 && compare(mine.due[i - 1], item, t) > 0) i--;
      mine.due.splice(i, 0, item);
    }
    const own = queue(doctor.id);
    while (own.head < own.items.length && own.items[own.head].taken) own.head++;
    if (doctor.own) while (shared.head < shared.items.length && shared.items[shared.head].taken) shared.head++;
    while (mine.due.length && mine.due[0].taken) mine.due.shift();
    let best: { item: Item; take: () => void } | null = null;
    const consider = (item: Item | undefined, take: () => void) => {
      if (item && (!best || compare(item, best.item, t) < 0)) best = { item, take };
    };
    consider(own.items[own.head], () => own.head++);
    if (doctor.own) consider(shared.items[shared.head], () => shared.head++);
    consider(mine.due[0], () => mine.due.shift());
    if (!best) {
      const nextDue = mine.head < mine.items.length ? mine.items[mine.head].dueAt! : Infinity;
      const nextArrival = doctor.own && arrivalHead < arrivals.length ? arrivals[arrivalHead].checkedInAt : Infinity;
      const wake = Math.min(nextDue, nextArrival);
      free[at] = wake < Infinity ? nextWorkingMoment(doctor.shifts, wake) : Infinity;
      continue;
    }
    const { item, take } = best as { item: Item; take: () => void };
    take();
    item.taken = true;
    if (item.index >= 0) {
      waits[item.index] = (t - now) / MINUTE;
      remaining--;
    }
    free[at] = nextWorkingMoment(doctor.shifts, t + draw(doctor.cycle) * MINUTE);
  }
  return waits;
}

/** The chosen quantile over `o.runs` random runs of the wait of line entry `index`. */
export function labWait(input: ForecastInput, index: number, o: LabOptions): number | null {
  const rng = new Rng(12345);
  const xs: number[] = [];
  let nulls = 0;
  for (let r = 0; r < o.runs; r++) {
    const w = once(input, o, rng, true)[index];
    if (w === null) nulls++;
    else xs.push(w);
  }
  if (nulls > o.runs / 2) return null;
  xs.sort((a, b) => a - b);
  for (let i = 0; i < nulls; i++) xs.push(Infinity);
  return xs[Math.min(xs.length - 1, Math.floor(o.quantile * o.runs))];
}
