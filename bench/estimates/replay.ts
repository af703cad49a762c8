import { waitRange } from '../../common/wait-range';
import { forecast } from '../../server/queue/rules/forecast';
import { readCapture, type Capture } from './data';

/**
 * `node --import tsx bench/estimates/replay.ts /tmp/capture.json [key...]`: replays the forecast on every captured
 * check-in (capture.ts), checks that it gives the estimate the simulation showed, and prints the error at check-in
 * as `npm run simulate` measures it, broken down by each `key` (dept, doctors, named, kind, hour, ahead,
 * bookingsSoon, etaBand, seed). A forecast variant is measured the same way in a fraction of a second.
 */
export type CheckIn = Capture['checkIns'][number];

/** An estimate for a captured check-in, in minutes; null leaves the estimate shown. */
export type Estimator = (c: CheckIn) => number | null;

/** Where a check-in stands in its captured line. */
export const placeOf = (c: CheckIn) => c.forecastInput.line.findIndex((l) => l.id === c.entryId);

/** The forecast as the product runs it. */
export const baseline: Estimator = (c) => forecast(c.forecastInput).waits[placeOf(c)];

/** An estimate set against the real wait, with what it can be broken down by. */
export interface Scored {
  eta: number;
  real: number;
  inside: boolean;
  keys: Record<string, string | number>;
}

/** Every captured check-in scored with `estimate` (rounded as shown) and `range`. */
export function score(capture: Capture, estimate: Estimator, range = waitRange): Scored[] {
  return capture.checkIns.map((c) => {
    const raw = estimate(c);
    const eta = raw === null ? c.eta : Math.round(raw);
    const [low, high] = range(eta);
    const input = c.forecastInput;
    const place = placeOf(c);
    const item = input.line[place];
    const own = input.doctors.filter((d) => d.own && d.shifts.length);
    const bookingsSoon = input.bookings.filter((b) => b.startsAt < c.at + 60 * 60_000 && own.some((d) => d.id === b.doctorId)).length;
    return {
      eta,
      real: c.real,
      inside: low <= c.real && c.real <= high,
      keys: {
        dept: c.departmentId,
        doctors: own.length,
        named: item.doctorId === null ? 'any' : 'named',
        kind: item.key.appointmentStartsAt ? 'booked' : item.key.priority,
        hour: new Date(c.at).getUTCHours(),
        ahead: Math.min(20, Math.floor(place / 5) * 5),
        bookingsSoon,
        etaBand: Math.min(120, Math.floor(eta / 15) * 15),
        seed: c.seed,
      },
    };
  });
}

/** One line of figures: count, mean real wait, MAE, bias, MAE as a share of the real wait, share inside the range. */
export function summary(list: readonly Scored[]): string {
  const n = list.length;
  const real = list.reduce((s, o) => s + o.real, 0);
  const error = list.reduce((s, o) => s + Math.abs(o.eta - o.real), 0);
  const bias = list.reduce((s, o) => s + o.eta - o.real, 0);
  const inside = list.filter((o) => o.inside).length;
  const f = (v: number) => v.toFixed(1).padStart(5);
  return `n=${String(n).padStart(5)} real=${f(real / n)} mae=${f(error / n)} bias=${f(bias / n)} share=${f((100 * error) / real)}% inside=${((100 * inside) / n).toFixed(1)}% total error=${error.toFixed(0)}`;
}

/** The figures for each value of `key`. */
export function breakdown(list: readonly Scored[], key: string): string[] {
  const groups = new Map<string | number, Scored[]>();
  for (const o of list) {
    const k = o.keys[key];
    let group = groups.get(k);
    if (!group) groups.set(k, (group = []));
    group.push(o);
  }
  return [...groups.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, l]) => `  ${key}=${String(k).padEnd(9)} ${summary(l)}`);
}

if (process.argv[1]?.endsWith('replay.ts')) {
  const capture = readCapture(process.argv[2] ?? '/tmp/capture.json');
  const same = capture.checkIns.filter((c) => {
    const wait = baseline(c);
    return wait !== null && Math.round(wait) === c.eta;
  }).length;
  console.log(`the replayed forecast equals the estimate shown on ${same} of ${capture.checkIns.length} check-ins`);
  const scored = score(capture, baseline);
  console.log(summary(scored));
  for (const key of process.argv.slice(3)) console.log(breakdown(scored, key).join('\n'));
}
