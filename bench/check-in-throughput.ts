/**
 * Check-in throughput: `concurrency` kiosks (HTTP loops in a child process) posting walk-ins to one department with
 * fresh idempotency keys, on SQLite and on MariaDB. Afterwards the database must hold token numbers 1..N for the
 * department's day with no duplicate and no gap; anything else fails the run.
 *
 * The default is 500 check-ins, not 2000: today every check-in reads the department's whole day twice (for its
 * answer and for the broadcast), so its cost grows with the queue and 2000 take about 5 minutes on SQLite alone on a
 * 2-core machine. Raise BENCH_CHECKINS (and BENCH_TIME_LIMIT_S) to see the longer day.
 */
import { QueueCounter, QueueEntry } from '../server/models';
import { formatToken } from '../server/queue/commands/tokens';
import { Child, now, ofType, sleep, summarize, type KioskCommand, type KioskReport, type Summary } from './common';
import { openMysql, openSqlite, seedClinic, startBenchServer, type BenchDatabase } from './support';

/** How long to wait for the realtime backlog after the last check-in before reporting it as "more than". */
const DRAIN_LIMIT_MS = 60_000;

/** What to measure. */
export interface CheckInOptions {
  total: number;
  concurrency: number;
  /** The MariaDB database to create, use and drop; null skips MariaDB. */
  mysqlUrl: string | null;
  /** Per database: kiosks stop taking new check-ins after this long. */
  timeLimitMs: number;
}

/** One database's figures. */
export interface CheckInResult {
  database: string;
  /** Why this database was not measured (not reachable, switched off). */
  skipped?: string;
  requested: number;
  succeeded: number;
  perSecond: number;
  /** Throughput over the first and the last quarter of the completions: does it fall as the queue grows? */
  firstQuarterPerSecond: number;
  lastQuarterPerSecond: number;
  latency: Summary;
  /** From the last answer until the broadcaster had sent every queued update (its backlog); Infinity past 60 s. */
  broadcastDrainMs: number;
  failures: Record<string, { count: number; example: string }>;
  timedOut: boolean;
  /** Empty when tokens are exactly 1..N per day; otherwise what is wrong. */
  sequenceProblems: string[];
}

/** A result is a pass when every check-in succeeded and the numbering is exactly 1..N. */
export function passed(result: CheckInResult): boolean {
  return !!result.skipped || (result.succeeded === result.requested && !result.sequenceProblems.length && !result.timedOut);
}

/**
 * Reads back every entry of the department and the counter rows, and lists what breaks "1..N, unique, no gap" for
 * each clinic day (a run across midnight in the clinic's zone has two days, each starting at 1).
 */
async function checkSequences(departmentId: number, prefix: string, expected: number): Promise<string[]> {
  const rows = await QueueEntry.findAll({ where: { departmentId }, attributes: ['clinicDay', 'sequence', 'token'], raw: true });
  const counters = await QueueCounter.findAll({ where: { departmentId }, raw: true });
  const problems: string[] = [];
  if (rows.length !== expected) problems.push(`${rows.length} entries in the database for ${expected} successful check-ins`);
  const byDay = new Map<string, number[]>();
  for (const row of rows) {
    byDay.set(row.clinicDay, [...(byDay.get(row.clinicDay) ?? []), row.sequence]);
    if (row.token !== formatToken(prefix, row.sequence)) problems.push(`token ${row.token} does not match sequence ${row.sequence}`);
  }
  for (const [day, sequences] of byDay) {
    sequences.sort((a, b) => a - b);
    const duplicates = sequences.filter((s, i) => i > 0 && s === sequences[i - 1]);
    const seen = new Set(sequences);
    const missing = Array.from({ length: sequences[sequences.length - 1] }, (_, i) => i + 1).filter((s) => !seen.has(s));
    if (duplicates.length) problems.push(`${day}: duplicated numbers ${duplicates.slice(0, 10).join(', ')}`);
    if (missing.length) problems.push(`${day}: missing numbers ${missing.slice(0, 10).join(', ')}`);
    const counter = counters.find((c) => c.clinicDay === day);
    if (counter?.lastSequence !== sequences.length) {
      problems.push(`${day}: counter at ${counter?.lastSequence ?? 'none'} for ${sequences.length} entries`);
    }
  }
  return problems.slice(0, 20);
}

/** Check-ins per second over completions number `from`..`to` (0-based, sorted completion times). */
function rate(done: number[], from: number, to: number, start: number): number {
  const since = from === 0 ? start : done[from - 1];
  return ((to - from + 1) / (done[to] - since)) * 1000;
}

/** One database: a server over it, the kiosks in a child process, then the numbering check. */
async function runOn(database: BenchDatabase, options: CheckInOptions): Promise<CheckInResult> {
  const server = await startBenchServer(database);
  const child = new Child<KioskCommand, KioskReport>('./kiosk-clients.ts');
  try {
    const clinic = await seedClinic();
    child.send({
      type: 'run',
      baseUrl: server.baseUrl,
      departmentId: clinic.departmentId,
      total: options.total,
      concurrency: options.concurrency,
      keyPrefix: `kiosk-${Date.now().toString(36)}`,
      timeLimitMs: options.timeLimitMs,
    });
    const report = await child.next(ofType<KioskReport, 'done'>('done'), options.timeLimitMs + 60_000, 'the kiosks’ results');
    // Bounded, so a huge backlog shows up as "more than" rather than stalling the run.
    const drained = await Promise.race([server.services.queue.broadcaster.idle().then(() => true), sleep(DRAIN_LIMIT_MS).then(() => false)]);
    const broadcastDrainMs = drained ? Math.max(0, now() - report.lastDone) : Infinity;

    const done = report.started.map((sent, i) => sent + report.latencies[i]).sort((a, b) => a - b);
    const n = done.length;
    const quarter = Math.max(1, Math.floor(n / 4));
    return {
      database: database.label,
      requested: options.total,
      succeeded: n,
      perSecond: (n / (report.lastDone - report.firstSent)) * 1000,
      firstQuarterPerSecond: n ? rate(done, 0, quarter - 1, report.firstSent) : NaN,
      lastQuarterPerSecond: n > 1 ? rate(done, n - quarter, n - 1, report.firstSent) : NaN,
      latency: summarize(report.latencies),
      broadcastDrainMs,
      failures: report.failures,
      timedOut: report.timedOut,
      sequenceProblems: await checkSequences(clinic.departmentId, clinic.prefix, n),
    };
  } finally {
    await child.stop(null);
    await server.close();
  }
}

/** A row for a database that was not measured. */
function skipped(database: string, reason: string, options: CheckInOptions): CheckInResult {
  const none = summarize([]);
  return {
    database,
    skipped: reason,
    requested: options.total,
    succeeded: 0,
    perSecond: NaN,
    firstQuarterPerSecond: NaN,
    lastQuarterPerSecond: NaN,
    latency: none,
    broadcastDrainMs: NaN,
    failures: {},
    timedOut: false,
    sequenceProblems: [],
  };
}

/** Runs the check-in benchmark on SQLite, then on MariaDB (skipped with a note when it is off or unreachable). */
export async function runCheckInThroughput(options: CheckInOptions): Promise<CheckInResult[]> {
  const results: CheckInResult[] = [];
  const sqlite = await openSqlite('check-in');
  try {
    results.push(await runOn(sqlite, options));
  } finally {
    await sqlite.dispose();
  }

  if (!options.mysqlUrl) {
    results.push(skipped('MariaDB', 'switched off (BENCH_MYSQL_URL=off)', options));
    return results;
  }
  const mysql = await openMysql(options.mysqlUrl);
  if (typeof mysql === 'string') {
    results.push(skipped('MariaDB', mysql, options));
    return results;
  }
  try {
    results.push(await runOn(mysql, options));
  } finally {
    await mysql.dispose();
  }
  return results;
}
