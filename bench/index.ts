/**
 * `npm run bench`: the queue engine's benchmarks, on loopback with their own clients. Never part of `npm test`.
 *
 * Settings (environment):
 *   BENCH_CLIENTS=100,1000   display counts for the call-latency runs
 *   BENCH_CALLS=50           measured calls per run
 *   BENCH_CHECKINS=500       check-ins per database (2000 takes ~10 minutes today: see check-in-throughput.ts)
 *   BENCH_KIOSKS=50          concurrent kiosks
 *   BENCH_TIME_LIMIT_S=120   per database, kiosks stop sending after this long (the run then fails)
 *   BENCH_MYSQL_URL=mysql://root@127.0.0.1:3306/mediqueue_bench   (created and dropped; "off" skips MariaDB)
 *   BENCH_DAY_SIZES=0,500,2000   finished visits in the day for the department-state reads
 *   BENCH_ONLY=latency|checkins|state   run one of the three
 *   BENCH_LOG_LEVEL=warn     the server's log level (silent by default)
 *   BENCH_WATCHDOG_S=600     the whole run is abandoned (exit 1) after this long
 * Exits 1 when a run fails: an error, a failed check-in, or token numbers that are not exactly 1..N.
 */
import os from 'node:os';
import { runCallLatency, type CallLatencyResult } from './call-latency';
import { passed, runCheckInThroughput, type CheckInResult } from './check-in-throughput';
import { fmt } from './common';
import { runDayState, type DayStateResult } from './day-state';
import { benchDatabaseName, DEFAULT_MYSQL_URL, redact } from './support';

/** The whole run must finish within this (BENCH_WATCHDOG_S, default 10 minutes), or something is stuck. */
const WATCHDOG_MS = positiveInt('BENCH_WATCHDOG_S', 600, 86_400) * 1000;

function positiveInt(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`${name} must be a whole number from 1 to ${max}, got "${raw}"`);
  return value;
}

function clientCounts(): number[] {
  const raw = process.env.BENCH_CLIENTS || '100,1000';
  const counts = raw.split(',').map((s) => Number(s.trim()));
  if (!counts.every((n) => Number.isInteger(n) && n >= 1 && n <= 5000)) {
    throw new Error(`BENCH_CLIENTS must be a list of display counts from 1 to 5000, such as 100,1000; got "${raw}"`);
  }
  return counts;
}

/** The 1, 5 and 15 minute load averages, against the number of CPUs. */
function loadAverage(): string {
  return `${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} CPUs)`;
}

/** Left-aligns the first column and right-aligns the rest, two spaces apart. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function printLatency(results: CallLatencyResult[], calls: number): void {
  console.log(`\nCall latency, SQLite: t0 just before POST call-next is sent (so it includes the request and the commit)`);
  console.log(`-> t1 when the LAST display has that token's token_called. ${calls} calls per row, ms.`);
  console.log(
    table(
      ['displays', 'median', 'p95', 'p99', 'max', 'first display', 'HTTP answer', 'committed', 'send starts', 'send loop', 'connect (s)'],
      results.map((r) => [
        String(r.clients),
        fmt(r.latency.median),
        fmt(r.latency.p95),
        fmt(r.latency.p99),
        fmt(r.latency.max),
        fmt(r.first.median),
        fmt(r.response.median),
        fmt(r.committed.median),
        fmt(r.publishStart.median),
        fmt(r.fanOut.median),
        fmt(r.connectMs / 1000),
      ]),
    ),
  );
  console.log('(then medians: t0 -> first display; t0 -> call-next answer; t0 -> commit; t0 -> server begins the');
  console.log(' token_called fan-out; how long that loop blocks the server. connect: all displays connected with snapshots.)');
  // Nearest rank: below 100 samples the 99th percentile is the largest one.
  if (calls < 100) console.log(`(With ${calls} calls per row, p99 is the slowest call.)`);
  const gaps = results.reduce((sum, r) => sum + r.gaps, 0);
  if (gaps) console.log(`WARNING: displays saw ${gaps} sequence gap(s).`);
}

function printCheckIns(results: CheckInResult[], kiosks: number): void {
  console.log(`\nCheck-ins, ${kiosks} concurrent kiosks, one department, fresh idempotency keys:`);
  const measured = results.filter((r) => !r.skipped);
  console.log(
    table(
      ['database', 'ok / sent', 'check-ins/s', 'first 1/4', 'last 1/4', 'median ms', 'p95 ms', 'p99 ms', 'broadcast backlog s', 'tokens 1..N'],
      measured.map((r) => [
        r.database,
        `${r.succeeded}/${r.requested}`,
        fmt(r.perSecond),
        fmt(r.firstQuarterPerSecond),
        fmt(r.lastQuarterPerSecond),
        fmt(r.latency.median),
        fmt(r.latency.p95),
        fmt(r.latency.p99),
        r.broadcastDrainMs === Infinity ? '>60' : fmt(r.broadcastDrainMs / 1000, 2),
        r.sequenceProblems.length ? 'FAIL' : 'ok',
      ]),
    ),
  );
  console.log('(first/last 1/4: check-ins/s over the first and the last quarter of completions;');
  console.log(' broadcast backlog: from the last answer until every queued realtime update had been sent.)');
  for (const r of results) {
    if (r.skipped) console.log(`${r.database}: skipped - ${r.skipped}`);
    for (const [status, f] of Object.entries(r.failures)) {
      console.log(`${r.database}: ${f.count} check-in(s) failed with ${status === '0' ? 'no answer' : `HTTP ${status}`}, e.g. ${f.example}`);
    }
    if (r.timedOut) console.log(`${r.database}: the kiosks hit the time limit before sending everything.`);
    for (const problem of r.sequenceProblems) console.log(`${r.database}: token numbering: ${problem}`);
  }
}

function printDayState(results: DayStateResult[]): void {
  console.log(`\nOne department's state (read by every check-in answer, call and board refresh), ${results[0]?.waiting ?? 0} waiting, ms per read:`);
  console.log(
    table(
      ['database', 'finished visits', 'median', 'p95', 'max'],
      results.map((r) => [r.database, String(r.finished), fmt(r.read.median), fmt(r.read.p95), fmt(r.read.max)]),
    ),
  );
}

function daySizes(): number[] {
  const raw = process.env.BENCH_DAY_SIZES || '0,500,2000';
  const sizes = raw.split(',').map((s) => Number(s.trim()));
  if (!sizes.every((n) => Number.isInteger(n) && n >= 0 && n <= 20_000)) {
    throw new Error(`BENCH_DAY_SIZES must be a list of visit counts from 0 to 20000, such as 0,500,2000; got "${raw}"`);
  }
  return sizes;
}

async function main(): Promise<number> {
  const only = process.env.BENCH_ONLY ?? '';
  if (only && !['latency', 'checkins', 'state'].includes(only)) throw new Error(`BENCH_ONLY must be latency, checkins or state, got "${only}"`);
  const counts = clientCounts();
  const calls = positiveInt('BENCH_CALLS', 50, 1000);
  const checkIns = positiveInt('BENCH_CHECKINS', 500, 100_000);
  const kiosks = positiveInt('BENCH_KIOSKS', 50, 500);
  const timeLimitS = positiveInt('BENCH_TIME_LIMIT_S', 120, 3600);
  const mysqlSetting = process.env.BENCH_MYSQL_URL || DEFAULT_MYSQL_URL;
  const mysqlUrl = ['off', 'skip', 'none'].includes(mysqlSetting) ? null : mysqlSetting;
  // Refuse a database the benchmark must not drop before spending minutes on the other runs.
  if (mysqlUrl) benchDatabaseName(mysqlUrl);

  const cpu = os.cpus();
  console.log(`MediQueue benchmarks - node ${process.version}, ${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${os.platform()}`);
  console.log(`MariaDB: ${mysqlUrl ? redact(mysqlUrl) : 'off'}`);
  // Other work on the machine skews every figure; the load average tells a reader whether it was quiet.
  console.log(`load average at start: ${loadAverage()}`);
  let ok = true;

  if (!only || only === 'latency') {
    const started = Date.now();
    const results = await runCallLatency({ clientCounts: counts, calls });
    printLatency(results, calls);
    console.log(`(call latency took ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    if (results.some((r) => r.gaps)) ok = false;
  }
  if (!only || only === 'state') {
    const results = await runDayState({ sizes: daySizes(), reads: 50, mysqlUrl });
    printDayState(results);
  }
  if (!only || only === 'checkins') {
    const started = Date.now();
    const results = await runCheckInThroughput({ total: checkIns, concurrency: kiosks, mysqlUrl, timeLimitMs: timeLimitS * 1000 });
    printCheckIns(results, kiosks);
    console.log(`(check-ins took ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    if (!results.every(passed)) ok = false;
  }
  console.log(`\nload average at end: ${loadAverage()}`);
  console.log(ok ? 'bench: ok' : 'bench: FAILED (see above)');
  return ok ? 0 : 1;
}

// A stuck client or server must not hold a terminal or a CI job forever.
setTimeout(() => {
  console.error(`bench: still running after ${WATCHDOG_MS / 60_000} minutes; giving up`);
  process.exit(1);
}, WATCHDOG_MS).unref();

main().then(
  // Sequelize pools and kept-alive sockets may linger briefly after close; the run is over, so say so.
  (code) => process.exit(code),
  (error: Error) => {
    console.error('bench: failed:', error.stack ?? error.message);
    process.exit(1);
  },
);
