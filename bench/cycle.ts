/**
 * A doctor's call-next/complete cycle early in the day and late in it: is it as fast at the 5,000th visit as at the
 * 10th? For each point a fresh database gets the day written into it before the server starts (point - 1 - warm-up
 * visits already finished, and enough patients waiting), then a few warm-up cycles bring the day to the point and
 * `cycles` cycles are timed. A few displays watch `display:all`, so every step's board update is built and sent.
 *
 * Two figures per cycle: "HTTP", from sending call-next to the complete's answer; and "to displays", from sending
 * call-next until the displays had the last board update the cycle caused (so the broadcast work after the answers,
 * which also grows with the day if it reads the day, is counted too). Each cycle starts with the displays settled.
 */
import type { StaffQueueEntry } from '../common/api';
import { fmt, now, progress, summarize, type Summary } from './common';
import type { DisplayPool } from './displays';
import { JsonClient } from './http';
import { seedDay } from './seed';
import { seedClinic, startBenchServer, type BenchDatabase } from './support';

/** What to measure. */
export interface CycleOptions {
  /** The visit numbers of the day at which cycles are timed, e.g. 10 and 5000. */
  points: number[];
  /** Timed cycles at each point. */
  cycles: number;
  /** Displays subscribed to display:all while cycling (0 for none). */
  displays: number;
}

/** The figures at one point of the day (ms). */
export interface CyclePoint {
  /** The first timed cycle calls this visit of the day. */
  visit: number;
  http: Summary;
  toDisplays: Summary;
}

/** Untimed cycles before each point's timed ones (they are visits of the day too, counted in `visit`). */
const WARMUP_CYCLES = 5;
/** Quiet time that says a step's broadcasts are over. Generous: a board read that grows with the day can be slow. */
const QUIET_MS = 150;

/** One point on a fresh database from `open`. */
async function measurePoint(database: BenchDatabase, pool: DisplayPool, visit: number, options: CycleOptions): Promise<CyclePoint> {
  const clinic = await seedClinic();
  await seedDay(clinic, { finished: Math.max(0, visit - 1 - WARMUP_CYCLES), waiting: WARMUP_CYCLES + options.cycles + 1 });
  const server = await startBenchServer(database);
  const staff = new JsonClient(server.baseUrl, 1);
  const http: number[] = [];
  const toDisplays: number[] = [];
  try {
    await staff.signIn(clinic.email, clinic.password);
    if (options.displays) await pool.connect(server.wsUrl, options.displays);
    for (let i = 0; i < WARMUP_CYCLES + options.cycles; i++) {
      if (options.displays) await pool.settle(QUIET_MS);
      const t0 = now();
      const called = await staff.post<StaffQueueEntry>(`/api/queue/doctors/${clinic.doctorId}/call-next`);
      if (called.status !== 200) throw new Error(`call-next failed: ${called.status} ${JSON.stringify(called.body)}`);
      const done = await staff.post(`/api/queue/entries/${called.body.id}/complete`, { expectedVersion: called.body.version });
      if (done.status !== 200) throw new Error(`complete failed: ${done.status} ${JSON.stringify(done.body)}`);
      const answered = now();
      const last = options.displays ? (await pool.settle(QUIET_MS)).lastMessageAt : answered;
      if (i >= WARMUP_CYCLES) {
        http.push(answered - t0);
        toDisplays.push(Math.max(answered, last) - t0);
      }
    }
    const point = { visit: Math.max(visit, WARMUP_CYCLES + 1), http: summarize(http), toDisplays: summarize(toDisplays) };
    progress(`cycles on ${database.label} from visit ${point.visit}: HTTP median ${fmt(point.http.median)} ms`);
    return point;
  } finally {
    staff.close();
    if (options.displays) await pool.disconnect();
    await server.close();
  }
}

/** Every point of `options.points`, each on a fresh database from `open`, in order. */
export async function runCycles(open: () => Promise<BenchDatabase>, pool: DisplayPool, options: CycleOptions): Promise<CyclePoint[]> {
  const points: CyclePoint[] = [];
  for (const visit of options.points) {
    const database = await open();
    try {
      points.push(await measurePoint(database, pool, visit, options));
    } finally {
      await database.dispose();
    }
  }
  return points;
}
