/**
 * `npm run bench`: issue 18's targets, measured on loopback with the server as a black box (HTTP and WebSocket
 * only), printed as one table with the floor measured in the same run. Never part of `npm test`.
 *
 * Settings (environment), defaults in brackets:
 *   BENCH_ONLY=checkins|latency|memory|cycle|servers   run one part (all five)
 *   BENCH_MYSQL_URL=mysql://root@127.0.0.1:3306/mediqueue_bench   created and dropped, so its name must contain
 *                                                 "bench"; "off" runs everything on SQLite
 *   BENCH_SQLITE=off                              leaves SQLite out of the parts that run on both (on)
 *   Check-ins:  BENCH_KIOSKS (50) concurrent kiosks for BENCH_DURATION_S (20) seconds, with BENCH_WAITING (1000)
 *               patients already waiting; BENCH_CHECKIN_DISPLAYS (10) displays watch meanwhile;
 *               BENCH_CHECKIN_PATH (/api/kiosk/check-in) the walk-in route the kiosks post to
 *   Latency:    BENCH_CLIENTS (1000,5000,10000) display counts, BENCH_CALLS (50) measured calls per count, on MariaDB
 *               when reachable, else SQLite; BENCH_DISPLAY_PROCS (2, or 1 up to 2,000 displays) client processes
 *               holding the displays (the same ones for product and floor, and for every part)
 *   Memory:     BENCH_MEMORY_DISPLAYS (5000) idle displays on a server in its own process
 *   Cycle:      BENCH_CYCLE_POINTS (10,5000) visits of the day to time cycles at, BENCH_CYCLES (200) per point,
 *               BENCH_CYCLE_DISPLAYS (10) displays watching
 *   Servers:    BENCH_SERVERS_DISPLAYS (5000) displays, half on each of two servers (own processes, one Redis),
 *               then all on one, then on the floor; BENCH_SERVERS_CALLS (50) measured calls per case; on MariaDB when
 *               reachable; BENCH_REDIS_URL (redis://127.0.0.1:6379), BENCH_REDIS_PREFIX (mqbench) start its keys;
 *               skipped with a note when Redis does not answer
 *   BENCH_LOG_LEVEL (silent) the server's log level; BENCH_WATCHDOG_S (3600) the whole run is abandoned after this
 * A quick run while developing: BENCH_DURATION_S=6 BENCH_CLIENTS=200 BENCH_CALLS=10 BENCH_MEMORY_DISPLAYS=500
 * BENCH_CYCLE_POINTS=10,500 BENCH_CYCLES=10 npm run bench
 *
 * Exits 1 when a run fails: an error, a failed check-in, token numbers that are not exactly right, or displays that
 * saw a sequence gap. Missing a target is printed (met: NO) but is not a failure: the table is the verdict.
 */
import os from 'node:os';
import { runCallLatency } from './call-latency';
import { runCheckIns, WINDOW_MS } from './check-in-throughput';
import { openFileLimit } from './common';
import { runCycles } from './cycle';
import { DisplayPool } from './displays';
import { runMemory } from './memory';
import { redisAnswers } from './redis-check';
import { runTwoServers, twoServerLines } from './two-servers';
import { details, summaryTable, TARGETS, type BenchResults } from './report';
import { benchDatabaseName, DEFAULT_MYSQL_URL, openMysql, openSqlite, redact, type BenchDatabase } from './support';

const PARTS = ['checkins', 'latency', 'memory', 'cycle', 'servers'] as const;
type Part = (typeof PARTS)[number];

function int(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

function ints(name: string, fallback: string, min: number, max: number): number[] {
  const raw = process.env[name] || fallback;
  const values = raw.split(',').map((s) => Number(s.trim()));
  if (!values.length || !values.every((n) => Number.isInteger(n) && n >= min && n <= max)) {
    throw new Error(`${name} must be a list of whole numbers from ${min} to ${max}, such as ${fallback}; got "${raw}"`);
  }
  return values;
}

/** The 1, 5 and 15 minute load averages, against the number of CPUs. */
function loadAverage(): string {
  return `${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} CPUs)`;
}

/** Every setting, read and checked before anything runs, so a typo fails in a second rather than after minutes. */
function settings() {
  const only = process.env.BENCH_ONLY ?? '';
  if (only && !PARTS.includes(only as Part)) throw new Error(`BENCH_ONLY must be one of ${PARTS.join(', ')}; got "${only}"`);
  const mysqlSetting = process.env.BENCH_MYSQL_URL || DEFAULT_MYSQL_URL;
  const mysqlUrl = ['off', 'skip', 'none'].includes(mysqlSetting) ? null : mysqlSetting;
  // Refuse a database the benchmark must not drop before spending minutes on the other runs.
  if (mysqlUrl) benchDatabaseName(mysqlUrl);
  return {
    runs: (part: Part) => !only || only === part,
    mysqlUrl,
    kiosks: int('BENCH_KIOSKS', 50, 1, 500),
    durationS: int('BENCH_DURATION_S', 20, Math.ceil((2 * WINDOW_MS) / 1000), 600),
    waiting: int('BENCH_WAITING', 1000, 0, 100_000),
    checkInDisplays: int('BENCH_CHECKIN_DISPLAYS', 10, 0, 1000),
    checkInPath: process.env.BENCH_CHECKIN_PATH || '/api/kiosk/check-in',
    sqlite: !['off', 'skip', 'none'].includes(process.env.BENCH_SQLITE ?? ''),
    clients: ints('BENCH_CLIENTS', '1000,5000,10000', 1, 20_000),
    calls: int('BENCH_CALLS', 50, 1, 1000),
    displayProcesses: int('BENCH_DISPLAY_PROCS', 2, 1, 8),
    memoryDisplays: int('BENCH_MEMORY_DISPLAYS', 5000, 1, 20_000),
    cyclePoints: ints('BENCH_CYCLE_POINTS', '10,5000', 1, 100_000),
    cycles: int('BENCH_CYCLES', 200, 1, 1000),
    cycleDisplays: int('BENCH_CYCLE_DISPLAYS', 10, 0, 1000),
    watchdogS: int('BENCH_WATCHDOG_S', 3600, 1, 86_400),
    serversDisplays: int('BENCH_SERVERS_DISPLAYS', 5000, 2, 20_000),
    serversCalls: int('BENCH_SERVERS_CALLS', 50, 1, 1000),
    redisUrl: process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379',
    redisPrefix: process.env.BENCH_REDIS_PREFIX || 'mqbench',
  };
}

type Settings = ReturnType<typeof settings>;

/** The databases a part runs on: SQLite, then MariaDB unless switched off; MariaDB unreachable is noted and skipped. */
async function eachDatabase(s: Settings, name: string, work: (db: BenchDatabase) => Promise<void>, notes: string[]): Promise<void> {
  const openers: Array<() => Promise<BenchDatabase | string>> = s.sqlite ? [() => openSqlite(name)] : [];
  if (!s.sqlite) notes.push(`${name}: SQLite switched off (BENCH_SQLITE=off)`);
  if (s.mysqlUrl) openers.push(() => openMysql(s.mysqlUrl!));
  else notes.push(`${name}: MariaDB switched off (BENCH_MYSQL_URL=off)`);
  for (const open of openers) {
    const database = await open();
    if (typeof database === 'string') {
      notes.push(`${name}: MariaDB skipped - ${database}`);
      continue;
    }
    try {
      await work(database);
    } finally {
      await database.dispose();
    }
  }
}

/** MariaDB when it is on and reachable, else SQLite (with a note saying why). */
async function preferMysql(s: Settings, name: string, notes: string[]): Promise<BenchDatabase> {
  if (s.mysqlUrl) {
    const mysql = await openMysql(s.mysqlUrl);
    if (typeof mysql !== 'string') return mysql;
    notes.push(`${name}: on SQLite because ${mysql}`);
  }
  return openSqlite(name);
}

async function main(): Promise<number> {
  const s = settings();
  const largest = Math.max(...(s.runs('latency') ? s.clients : [0]), s.runs('memory') ? s.memoryDisplays : 0, s.runs('servers') ? s.serversDisplays : 0);
  // The product and floor servers live in this process, one display socket each; Node cannot raise its own limit.
  const limit = openFileLimit();
  if (limit !== null && s.runs('latency') && limit < Math.max(...s.clients) + 500) {
    throw new Error(`${Math.max(...s.clients)} displays need more open files than this shell allows (${limit}): run \`ulimit -n 20000\` first`);
  }
  setTimeout(() => {
    console.error(`bench: still running after ${s.watchdogS} s (BENCH_WATCHDOG_S); giving up`);
    process.exit(1);
  }, s.watchdogS * 1000).unref();

  const cpu = os.cpus();
  console.log(`MediQueue bench ${new Date().toISOString()} - node ${process.version}, ${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${os.platform()}`);
  console.log(`MariaDB: ${s.mysqlUrl ? redact(s.mysqlUrl) : 'off'}`);
  // Other work on the machine skews every figure; the load average tells a reader whether it was quiet.
  console.log(`load average at start: ${loadAverage()}`);

  const results: BenchResults = { checkIns: [], cycles: [] };
  const notes: string[] = [];
  const failures: string[] = [];
  // Two processes unless only a few displays are wanted: one process alone cannot read 10,000 sockets as fast as
  // the server writes them, and then the floor would measure the client.
  // The two-server case needs an even number of processes: each holds the displays of one server.
  const processes = process.env.BENCH_DISPLAY_PROCS || largest > 2000 ? s.displayProcesses : 1;
  const pool = new DisplayPool(s.runs('servers') ? Math.max(2, processes + (processes % 2)) : processes);
  /** Runs one part; an error is reported and fails the run, and the other parts still run. */
  const part = async (name: Part, work: () => Promise<void>) => {
    if (!s.runs(name)) return;
    const started = Date.now();
    console.log(`\n${name}: running (load average ${loadAverage()})`);
    try {
      await work();
    } catch (error) {
      failures.push(`${name}: ${(error as Error).stack ?? error}`);
    }
    console.log(`${name}: took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  };

  try {
    await part('checkins', async () => {
      results.checkInSettings = { kiosks: s.kiosks, seconds: s.durationS, waiting: s.waiting, minimum: TARGETS.checkInsPerSecond };
      const options = { kiosks: s.kiosks, durationMs: s.durationS * 1000, waiting: s.waiting, displays: s.checkInDisplays, path: s.checkInPath };
      await eachDatabase(s, 'check-ins', async (db) => void results.checkIns.push(await runCheckIns(db, pool, options)), notes);
    });
    await part('latency', async () => {
      const database = await preferMysql(s, 'latency', notes);
      try {
        results.latency = { database: database.label, calls: s.calls, results: await runCallLatency(database, pool, { clientCounts: s.clients, calls: s.calls }) };
      } finally {
        await database.dispose();
      }
    });
    await part('memory', async () => void (results.memory = await runMemory(pool, s.memoryDisplays)));
    await part('cycle', async () => {
      const options = { points: s.cyclePoints, cycles: s.cycles, displays: s.cycleDisplays };
      const openers: Array<[string, () => Promise<BenchDatabase | string>]> = s.sqlite ? [['SQLite', () => openSqlite('cycle')]] : [];
      if (s.mysqlUrl) openers.push(['MariaDB', () => openMysql(s.mysqlUrl!)]);
      for (const [label, open] of openers) {
        // runCycles opens a fresh database per point; an unreachable MariaDB is a note, not a failure.
        const opened = async () => {
          const database = await open();
          if (typeof database === 'string') throw Object.assign(new Error(database), { unreachable: true });
          return database;
        };
        try {
          results.cycles.push({ database: label, points: await runCycles(opened, pool, options) });
        } catch (error) {
          if (!(error as { unreachable?: boolean }).unreachable) throw error;
          notes.push(`cycle: MariaDB skipped - ${(error as Error).message}`);
        }
      }
    });
    await part('servers', async () => {
      const reason = await redisAnswers(s.redisUrl);
      if (reason) return void notes.push(`servers: skipped - ${reason}`);
      const database = await preferMysql(s, 'servers', notes);
      try {
        const options = { displays: s.serversDisplays, calls: s.serversCalls, redisUrl: s.redisUrl, redisPrefix: s.redisPrefix };
        results.servers = await runTwoServers(database, pool, options);
      } finally {
        await database.dispose();
      }
    });
  } finally {
    await pool.stop();
  }

  for (const c of results.checkIns) {
    if (!c.succeeded) failures.push(`check-ins on ${c.database}: none succeeded`);
    for (const [status, f] of Object.entries(c.failures)) {
      failures.push(`check-ins on ${c.database}: ${f.count} failed with ${status === '0' ? 'no answer' : `HTTP ${status}`}, e.g. ${f.example}`);
    }
    for (const problem of c.sequenceProblems) failures.push(`check-ins on ${c.database}: token numbering: ${problem}`);
  }
  const gaps = results.latency?.results.reduce((sum, r) => sum + r.gaps, 0) ?? 0;
  if (gaps) failures.push(`call latency: the displays saw ${gaps} sequence gap(s)`);
  if (results.servers?.gaps) failures.push(`servers: the displays saw ${results.servers.gaps} sequence gap(s)`);

  console.log(`\nIssue 18 targets, ${new Date().toISOString().slice(0, 10)}, ${cpu.length} CPUs, load average at end: ${loadAverage()}`);
  console.log(summaryTable(results));
  console.log('(KB = 1,024 bytes. floor: a bare ws server in this process sending a message of the same size on an HTTP');
  console.log(` trigger, to the same client processes. ${WINDOW_MS / 1000} s windows: check-ins answered in the first and the last ${WINDOW_MS / 1000} s of sending.)`);
  for (const line of details(results)) console.log(line);
  if (results.servers) for (const line of twoServerLines(results.servers)) console.log(line);
  for (const note of notes) console.log(`note: ${note}`);
  for (const failure of failures) console.log(`FAILED: ${failure}`);
  console.log(failures.length ? 'bench: FAILED (see above)' : 'bench: ok');
  return failures.length ? 1 : 0;
}

main().then(
  // Sequelize pools and kept-alive sockets may linger briefly after close; the run is over, so say so.
  (code) => process.exit(code),
  (error: Error) => {
    console.error('bench: failed:', error.stack ?? error.message);
    process.exit(1);
  },
);
