import { waitRange } from '../../common/wait-range';
import { forecast, type ForecastInput } from '../../server/queue/rules/forecast';
import { readCapture, type Capture } from './data';

/**
 * `node --import tsx bench/estimates/replay.ts /tmp/capture.json`: replays the forecast on every captured check-in
 * (capture.ts) and prints the error table and where the error is, in seconds.
 */
type Estimator = (c: Capture['checkIns'][number], capture: Capture) => number | null;

export const baseline: Estimator = (c) => {
  const index = c.forecastInput.line.findIndex((l) => (l as { id?: number }).id === c.entryId);
  return forecast(c.forecastInput).waits[index];
};

interface Scored {
  eta: number;
  real: number;
  inside: boolean;
  keys: Record<string, string | number>;
}

export function score(capture: Capture, estimate: Estimator, range = waitRange): Scored[] {
  return capture.checkIns.map((c) => {
    const raw = estimate(c, capture);
    const eta = raw === null ? c.eta : Math.round(raw);
    const [low, high] = range(eta);
    const input = c.forecastInput;
    const item = input.line.find((l) => (l as { id?: number }).id === c.entryId)!;
    const own = input.doctors.filter((d) => d.own && d.shifts.length);
    const hour = new Date(c.at).getUTCHours();
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
        hour,
        ahead: Math.min(20, Math.floor(input.line.indexOf(item) / 5) * 5),
        bookingsSoon,
        etaBand: Math.min(120, Math.floor(eta / 15) * 15),
        seed: c.seed,
      },
    };
  });
}

export function summary(list: readonly Scored[]): string {
  const n = list.length;
  const real = list.reduce((s, o) => s + o.real, 0);
  const err = list.reduce((s, o) => s + Math.abs(o.eta - o.real), 0);
  const bias = list.reduce((s, o) => s + o.eta - o.real, 0);
  const inside = list.filter((o) => o.inside).length;
  return `n=${String(n).padStart(5)} real=${(real / n).toFixed(1).padStart(5)} mae=${(err / n).toFixed(1).padStart(5)} bias=${(bias / n).toFixed(1).padStart(5)} share=${((100 * err) / real).toFixed(1).padStart(5)}% inside=${((100 * inside) / n).toFixed(1)}% errShare=${err.toFixed(0)}`;
}

export function breakdown(list: readonly Scored[], key: string): string[] {
  const groups = new Map<string | number, Scored[]>();
  for (const o of list) {
    const k = o.keys[key];
    groups.set(k, [...(groups.get(k) ?? []), o]);
  }
  return [...groups.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, l]) => `  ${key}=${String(k).padEnd(9)} ${summary(l)}`);
}

if (process.argv[1]?.endsWith('replay.ts')) {
  const capture = readCapture(process.argv[2] ?? '/tmp/capture.json');
  const same = capture.checkIns.filter((c) => {
    const w = baseline(c, capture);
    return w !== null && Math.round(w) === c.eta;
  }).length;
  console.log(`baseline replay equals the estimate shown on ${same} of ${capture.checkIns.length} check-ins`);
  const scored = score(capture, baseline);
  console.log(summary(scored));
  for (const key of process.argv.slice(3)) console.log(breakdown(scored, key).join('\n'));
}
