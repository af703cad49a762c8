/**
 * Check-in throughput: `kiosks` concurrent kiosk loops (in a child process) posting walk-ins with fresh idempotency
 * keys to one department for a fixed time, with `waiting` patients already in its queue (written to the database
 * before the server starts, the counter row at the last number; the last 600 checked in over HTTP, as a warm-up). A few displays watch `display:all` meanwhile, so
 * the board updates a rush causes are built and sent as in a waiting room. Afterwards the database must hold the
 * token numbers 1..(waiting + check-ins) with no duplicate and none missing; anything else fails the run.
 */
import { QueueCounter, QueueEntry } from '../server/models';
import { Child, fmt, ofType, progress, summarize, type KioskCommand, type KioskReport, type Summary } from './common';
import type { DisplayPool } from './displays';
import { JsonClient } from './http';
import { seedDay, tokenOf } from './seed';
import { seedClinic, startBenchServer, type BenchDatabase } from './support';

/** What to measure. */
export interface CheckInOptions {
  kiosks: number;
  durationMs: number;
  /** Patients already waiting in the department when the kiosks start. */
  waiting: number;
  /** Displays subscribed to display:all during the run (0 for none). */
  displays: number;
  /** The public walk-in route the kiosks post to. */
  path: string;
}

/** One database's figures. */
export interface CheckInResult {
  database: string;
  succeeded: number;
  /** Check-ins per second from the first request sent to the last answer. */
  perSecond: number;
  /** Check-ins answered in the first and in the last WINDOW_MS of the sending time, per second. */
  firstWindowPerSecond: number;
  lastWindowPerSecond: number;
  latency: Summary;
  /** From the last answer until the displays had the last board update (ms); 0 when they were already current. */
  displayLagMs: number;
  /** CPU time (user + system) of this process, where the server runs, per successful check-in during the rush. */
  serverCpuMs: number;
  failures: Record<string, { count: number; example: string }>;
  /** Empty when the numbers are right; otherwise what is wrong. */
  sequenceProblems: string[];
}

/** The first and last windows compared to see whether check-ins slow down as the queue grows. */
export const WINDOW_MS = 5000;

/**
 * Reads back every entry of the department and the counter rows, and lists what breaks "1..N, unique, none missing"
 * for each clinic day (a run across midnight in the clinic's zone has two days, each starting at 1). `expected` is
 * the seeded waiting patients plus the successful check-ins.
 */
async function checkSequences(departmentId: number, prefix: string, expected: number): Promise<string[]> {
  const rows = await QueueEntry.findAll({ where: { departmentId }, attributes: ['clinicDay', 'sequence', 'token'], raw: true });
  const counters = await QueueCounter.findAll({ where: { departmentId }, raw: true });
  const problems: string[] = [];
  if (rows.length !== expected) problems.push(`${rows.length} entries in the database for ${expected} (seeded + successful check-ins)`);
  const byDay = new Map<string, number[]>();
  for (const row of rows) {
    byDay.set(row.clinicDay, [...(byDay.get(row.clinicDay) ?? []), row.sequence]);
    if (row.token !== tokenOf(prefix, row.sequence)) problems.push(`token ${row.token} does not match sequence ${row.sequence}`);
  }
  for (const [day, sequences] of byDay) {
    sequences.sort((a, b) => a - b);
    const duplicates = sequences.filter((s, i) => i > 0 && s === sequences[i - 1]);
    const seen = new Set(sequences);
    const missing = Array.from({ length: sequences[sequences.length - 1] }, (_, i) => i + 1).filter((s) => !seen.has(s));
    if (duplicates.length) problems.push(`${day}: ${duplicates.length} duplicated numbers, e.g. ${duplicates.slice(0, 10).join(', ')}`);
    if (missing.length) problems.push(`${day}: ${missing.length} missing numbers, e.g. ${missing.slice(0, 10).join(', ')}`);
    const counter = counters.find((c) => c.clinicDay === day);
    if (counter?.lastSequence !== sequences.length) {
      problems.push(`${day}: counter at ${counter?.lastSequence ?? 'none'} for ${sequences.length} entries`);
    }
  }
  return problems.slice(0, 20);
}

/**
 * Check-ins sent before the measured rush, so it does not begin on code the JIT has not compiled yet (a server that
 * has been up for a while has): 600 from as many kiosks as the rush, the path the rush takes. They are the last of
 * the `waiting` patients.
 */
const WARMUP_CHECK_INS = 600;

async function warmUp(baseUrl: string, path: string, departmentId: number, count: number, kiosks: number): Promise<void> {
  const client = new JsonClient(baseUrl, kiosks);
  const prefix = `warm-up-${Date.now().toString(36)}`;
  let next = 0;
  const loop = async () => {
    while (next < count) {
      const answer = await client.post(path, { departmentId, idempotencyKey: `${prefix}-${next++}` });
      if (answer.status !== 201) throw new Error(`warm-up check-in failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
  };
  try {
    await Promise.all(Array.from({ length: kiosks }, loop));
  } finally {
    client.close();
  }
}

/** One database: the day seeded, a server over it, displays and kiosks, then the numbering check. */
export async function runCheckIns(database: BenchDatabase, pool: DisplayPool, options: CheckInOptions): Promise<CheckInResult> {
  const clinic = await seedClinic();
  const warmup = Math.min(WARMUP_CHECK_INS, options.waiting);
  await seedDay(clinic, { finished: 0, waiting: options.waiting - warmup });
  const server = await startBenchServer(database);
  progress(`check-ins on ${database.label}: ${options.waiting} waiting, server up`);
  const child = new Child<KioskCommand, KioskReport>('./kiosk-clients.ts');
  try {
    await warmUp(server.baseUrl, options.path, clinic.departmentId, warmup, options.kiosks);
    if (options.displays) await pool.connect(server.wsUrl, options.displays);
    // The kiosks and displays run in other processes: this process's CPU time during the rush is the server's.
    const cpuBefore = process.cpuUsage();
    child.send({
      type: 'run',
      baseUrl: server.baseUrl,
      path: options.path,
      departmentId: clinic.departmentId,
      concurrency: options.kiosks,
      durationMs: options.durationMs,
      keyPrefix: `kiosk-${Date.now().toString(36)}`,
    });
    // The loops stop starting requests after durationMs; a request still in flight has its own timeout.
    const report = await child.next(ofType<KioskReport, 'done'>('done'), options.durationMs + 180_000, 'the kiosks’ results');
    const cpu = process.cpuUsage(cpuBefore);
    progress(`check-ins on ${database.label}: ${report.latencies.length} answered, the last ${fmt((report.lastDone - report.firstSent) / 1000)} s after the first was sent`);
    let displayLagMs = 0;
    if (options.displays) {
      const { lastMessageAt } = await pool.settle(500);
      displayLagMs = Math.max(0, lastMessageAt - report.lastDone);
    }

    const t0 = report.firstSent;
    const done = report.started.map((sent, i) => sent + report.latencies[i]);
    const inWindow = (from: number, to: number) => (done.filter((t) => t >= from && t < to).length / (to - from)) * 1000;
    const n = done.length;
    return {
      database: database.label,
      succeeded: n,
      perSecond: (n / (report.lastDone - t0)) * 1000,
      firstWindowPerSecond: inWindow(t0, t0 + WINDOW_MS),
      lastWindowPerSecond: inWindow(t0 + options.durationMs - WINDOW_MS, t0 + options.durationMs),
      latency: summarize(report.latencies),
      displayLagMs,
      serverCpuMs: (cpu.user + cpu.system) / 1000 / Math.max(1, report.latencies.length),
      failures: report.failures,
      sequenceProblems: await checkSequences(clinic.departmentId, clinic.prefix, options.waiting + n),
    };
  } finally {
    await child.stop(null);
    if (options.displays) await pool.disconnect();
    await server.close();
  }
}
