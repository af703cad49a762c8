import { compareItems as compare, nextWorkingMoment, type ForecastInput, type ForecastItem as Item } from '../../server/queue/rules/forecast';
import { Random } from '../../server/sim/random';
import { readCapture } from './data';
import { baseline, placeOf, score, summary, type Estimator } from './replay';

/**
 * `node --import tsx bench/estimates/monte-carlo.ts /tmp/capture.json`: the forecast played many times with chance
 * in it, the estimate being the median of the plays (the median, not the mean, is what minimises the absolute
 * error of a right-skewed wait). Each play draws every consultation from a log-normal around the doctor's cycle
 * (the patient in the room: given it has lasted so far), and each expected booking comes or not (at the show rate
 * and likelihood) instead of counting as a share of a cycle. Measured against the forecast, left out of the product:
 * under a point better on seeds 1-10 for some 40 times the forecast's work (README, "Wait estimates").
 */
export interface PlayOptions {
  plays: number;
  /** Coefficient of variation of a consultation (sd / mean). */
  cv: number;
  /** Bookings come or not, instead of counting as a share of a cycle. */
  randomShows: boolean;
}

const MINUTE = 60_000;
const RANK = { emergency: 0, priority: 1, normal: 2 } as const;

/** One play of the day: minutes until each line entry is called (null: not today). As rules/forecast.ts, with chance. */
function play(input: ForecastInput, o: PlayOptions, chance: Random): Array<number | null> {
  const { now, doctors } = input;
  const waits: Array<number | null> = input.line.map(() => null);
  const sigma = Math.sqrt(Math.log(1 + o.cv * o.cv));
  const draw = (cycle: number) => cycle * Math.exp(sigma * chance.normal() - (sigma * sigma) / 2);
  const queued = new Map<number, { items: Item[]; head: number }>();
  const pending = new Map<number, { items: Item[]; head: number; due: Item[] }>();
  const queue = (k: number) => queued.get(k) ?? queued.set(k, { items: [], head: 0 }).get(k)!;
  const later = (k: number) => pending.get(k) ?? pending.set(k, { items: [], head: 0, due: [] }).get(k)!;
  let remaining = 0;
  input.line.forEach(({ doctorId, key }, index) => {
    const dueAt = key.appointmentStartsAt?.getTime() ?? null;
    const item: Item = { index, rank: RANK[key.priority], dueAt, checkedInAt: key.checkedInAt.getTime(), sequence: key.sequence, weight: 1, taken: false };
    if (dueAt !== null && dueAt > now && doctorId !== null) later(doctorId).items.push(item);
    queue(doctorId ?? 0).items.push(item);
    remaining++;
  });
  for (const b of input.bookings) {
    const share = input.showRate * b.likelihood;
    if (o.randomShows && chance.next() >= share) continue;
    later(b.doctorId).items.push({ index: -1, rank: 2, dueAt: b.startsAt, checkedInAt: b.startsAt, sequence: Infinity, weight: o.randomShows ? 1 : share, taken: false });
  }
  for (const p of pending.values()) p.items.sort((a, b) => a.dueAt! - b.dueAt! || a.checkedInAt - b.checkedInAt);
  const free = doctors.map((d) => {
    if (d.busySince === null) return nextWorkingMoment(d.shifts, now);
    const elapsed = (now - d.busySince) / MINUTE;
    for (let i = 0; i < 20; i++) {
      const length = draw(d.cycle);
      if (length > elapsed) return nextWorkingMoment(d.shifts, d.busySince + length * MINUTE);
    }
    return nextWorkingMoment(d.shifts, now + 0.2 * d.cycle * MINUTE);
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
      while (i > 0 && compare(mine.due[i - 1], item, t) > 0) i--;
      mine.due.splice(i, 0, item);
    }
    const own = queue(doctor.id);
    const shared = queue(0);
    while (own.head < own.items.length && own.items[own.head].taken) own.head++;
    while (shared.head < shared.items.length && shared.items[shared.head].taken) shared.head++;
    while (mine.due.length && mine.due[0].taken) mine.due.shift();
    let best: { item: Item; take: () => void } | null = null;
    const consider = (item: Item | undefined, take: () => void) => {
      if (item && (!best || compare(item, best.item, t) < 0)) best = { item, take };
    };
    consider(own.items[own.head], () => own.head++);
    if (doctor.own) consider(shared.items[shared.head], () => shared.head++);
    consider(mine.due[0], () => mine.due.shift());
    if (!best) {
      free[at] = mine.head < mine.items.length ? nextWorkingMoment(doctor.shifts, mine.items[mine.head].dueAt!) : Infinity;
      continue;
    }
    const { item, take } = best as { item: Item; take: () => void };
    take();
    item.taken = true;
    if (item.index >= 0) {
      waits[item.index] = (t - now) / MINUTE;
      remaining--;
    }
    free[at] = nextWorkingMoment(doctor.shifts, t + draw(doctor.cycle) * item.weight * MINUTE);
  }
  return waits;
}

/** The median over `o.plays` plays of the wait of line entry `index` (null when most plays leave it for another day). */
export function medianWait(input: ForecastInput, index: number, o: PlayOptions): number | null {
  const chance = new Random(12345);
  const waits = Array.from({ length: o.plays }, () => play(input, o, chance)[index] ?? Infinity).sort((a, b) => a - b);
  const median = waits[Math.floor(o.plays / 2)];
  return median === Infinity ? null : median;
}

if (process.argv[1]?.endsWith('monte-carlo.ts')) {
  const capture = readCapture(process.argv[2] ?? '/tmp/capture.json');
  const variant = (o: PlayOptions): Estimator => (c) => medianWait(c.forecastInput, placeOf(c), o);
  console.log(`${'the forecast'.padEnd(36)} ${summary(score(capture, baseline))}`);
  for (const o of [
    { plays: 200, cv: 0.01, randomShows: true },
    { plays: 200, cv: 0.25, randomShows: false },
    { plays: 200, cv: 0.25, randomShows: true },
    { plays: 200, cv: 0.35, randomShows: true },
    { plays: 40, cv: 0.35, randomShows: true },
  ]) {
    const started = Date.now();
    const line = summary(score(capture, variant(o)));
    console.log(`${`${o.plays} plays, cv ${o.cv}${o.randomShows ? ', bookings by chance' : ''}`.padEnd(36)} ${line} (${Date.now() - started} ms)`);
  }
}
