/**
 * The printed results: one table of every issue-18 target beside what was measured (and the floor where there is
 * one), then a few details per part that help read the table. Formatting only; nothing here measures.
 */
import type { CallLatencyResult } from './call-latency';
import type { CheckInResult } from './check-in-throughput';
import type { CyclePoint } from './cycle';
import type { MemoryResult } from './memory';
import type { TwoServerResult } from './two-servers';
import { fmt } from './common';

/** Everything a run produced; a part that did not run (or failed) is missing. */
export interface BenchResults {
  checkIns: CheckInResult[];
  checkInSettings?: { kiosks: number; seconds: number; waiting: number; minimum: Record<string, number> };
  latency?: { database: string; results: CallLatencyResult[]; calls: number };
  memory?: MemoryResult;
  cycles: Array<{ database: string; points: CyclePoint[] }>;
  /** Two servers and one Redis against one server and the floor (bench/two-servers.ts). */
  servers?: TwoServerResult;
}

/** The targets of issue 18. */
export const TARGETS = {
  checkInsPerSecond: { MariaDB: 500, SQLite: 300 } as Record<string, number>,
  /** The last window's rate may be at most this fraction below (or above) the first's. */
  windowDrift: 0.2,
  floorRatio: 1.25,
  /** Bytes of server RSS per idle display socket. */
  memoryPerSocket: 6 * 1024,
  cycleDrift: 0.2,
};

/** Left-aligns the first two columns and right-aligns the rest, two spaces apart. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const thousands = (n: number) => n.toLocaleString('en-GB');
const met = (ok: boolean) => (ok ? 'yes' : 'NO');
/** Signed change from `base` to `value`, in per cent. */
const change = (value: number, base: number) =>
  Number.isFinite(value) && base > 0 ? `${value >= base ? '+' : ''}${fmt(((value - base) / base) * 100, 0)}%` : '-';
const within = (value: number, base: number, drift: number) => Number.isFinite(value) && base > 0 && Math.abs(value - base) / base <= drift;

/** The one table: target, database, measured, floor, product/floor, goal, met. */
export function summaryTable(r: BenchResults): string {
  const rows: string[][] = [];
  const s = r.checkInSettings;
  for (const c of r.checkIns) {
    const minimum = s?.minimum[c.database] ?? NaN;
    rows.push([`check-ins/s (${s?.kiosks} kiosks, ${s?.seconds} s, ${thousands(s?.waiting ?? 0)} waiting)`, c.database, `${fmt(c.perSecond)}/s`, '', '', `>= ${minimum}/s`, met(c.perSecond >= minimum)]);
    rows.push([
      '  last 5 s vs first 5 s',
      c.database,
      `${fmt(c.lastWindowPerSecond)} vs ${fmt(c.firstWindowPerSecond)}/s (${change(c.lastWindowPerSecond, c.firstWindowPerSecond)})`,
      '',
      '',
      `within ${TARGETS.windowDrift * 100}%`,
      met(within(c.lastWindowPerSecond, c.firstWindowPerSecond, TARGETS.windowDrift)),
    ]);
    const dupes = c.sequenceProblems.length ? 'FAIL' : `1..${thousands((s?.waiting ?? 0) + c.succeeded)} exact`;
    rows.push(['  token numbers in the database', c.database, dupes, '', '', '0 duplicate, 0 missing', met(!c.sequenceProblems.length)]);
  }
  for (const l of r.latency?.results ?? []) {
    const ratio = l.product.latency.p95 / l.floor.latency.p95;
    rows.push([
      `call -> ${thousands(l.clients)} displays have it, p95`,
      r.latency!.database,
      `${fmt(l.product.latency.p95)} ms`,
      `${fmt(l.floor.latency.p95)} ms`,
      `${fmt(ratio, 2)}x`,
      `<= ${TARGETS.floorRatio}x floor`,
      met(ratio <= TARGETS.floorRatio),
    ]);
  }
  if (r.memory) {
    const m = r.memory;
    rows.push([`server memory per idle display (${thousands(m.displays)})`, 'SQLite', `${fmt(m.perSocket / 1024, 2)} KB`, '', '', `<= ${TARGETS.memoryPerSocket / 1024} KB`, met(m.perSocket <= TARGETS.memoryPerSocket)]);
  }
  for (const { database, points } of r.cycles) {
    const [early, late] = [points[0], points[points.length - 1]];
    if (!early || !late || early === late) continue;
    for (const [label, pick] of [
      ['HTTP', (p: CyclePoint) => p.http.median],
      ['to displays', (p: CyclePoint) => p.toDisplays.median],
    ] as const) {
      rows.push([
        `call-next/complete cycle, ${label}, median`,
        database,
        `${fmt(pick(late))} vs ${fmt(pick(early))} ms (${change(pick(late), pick(early))})`,
        '',
        '',
        `visit ${thousands(late.visit)} within ${TARGETS.cycleDrift * 100}% of visit ${early.visit}`,
        met(within(pick(late), pick(early), TARGETS.cycleDrift)),
      ]);
    }
  }
  return table(['target', 'database', 'measured', 'floor', 'ratio', 'goal', 'met'], rows);
}

/** The figures behind the table, per part. */
export function details(r: BenchResults): string[] {
  const out: string[] = [];
  if (r.checkIns.length) {
    out.push(
      '',
      'Check-ins (per database): answers, latency, how far behind the displays were after the last answer, and the',
      "server process's CPU time per check-in (user + system; less sensitive to a busy machine than the rate):",
    );
    out.push(
      table(
        ['database', '', 'check-ins', 'median ms', 'p95 ms', 'p99 ms', 'displays behind s', 'server CPU ms'],
        r.checkIns.map((c) => [
          c.database,
          '',
          String(c.succeeded),
          fmt(c.latency.median),
          fmt(c.latency.p95),
          fmt(c.latency.p99),
          fmt(c.displayLagMs / 1000, 2),
          fmt(c.serverCpuMs, 2),
        ]),
      ),
    );
  }
  if (r.latency?.results.length) {
    const { results, calls, database } = r.latency;
    out.push('', `Call latency (${database}; ${calls} calls per row; ms; t0 = just before the request is sent; product/floor):`);
    out.push(
      table(
        ['displays', 'sides', 'median', 'p95', 'p99', 'max', 'first display', 'HTTP answer', 'message B', 'connect s'],
        results.map((l) => {
          const both = (pick: (side: CallLatencyResult['product']) => number, decimals = 1) => `${fmt(pick(l.product), decimals)} / ${fmt(pick(l.floor), decimals)}`;
          return [
            thousands(l.clients),
            l.interleaved ? 'alternating' : 'in turn',
            both((x) => x.latency.median),
            both((x) => x.latency.p95),
            both((x) => x.latency.p99),
            both((x) => x.latency.max),
            both((x) => x.first.median),
            both((x) => x.response.median),
            String(l.bytes),
            both((x) => x.connectS, 0),
          ];
        }),
      ),
    );
    // Nearest rank: below 100 samples the 99th percentile is the largest one.
    if (calls < 100) out.push(`(With ${calls} calls per row, p99 is the slowest call.)`);
    out.push('(sides: "alternating", product and floor calls took turns with both sets of displays open; "in turn", all product calls then all floor calls, where twice the displays would not fit the open-file limit.)');
  }
  if (r.memory) {
    const m = r.memory;
    const mb = (bytes: number) => fmt(bytes / 1024 / 1024);
    out.push(
      '',
      `Server memory (its own process${m.loaded.gc ? ', after global.gc()' : ', WITHOUT gc: run with node available to --expose-gc'}): ` +
        `RSS ${mb(m.idle.rss)} MB idle, ${mb(m.loaded.rss)} MB with ${thousands(m.displays)} displays; ` +
        `JS heap ${mb(m.idle.heapUsed)} -> ${mb(m.loaded.heapUsed)} MB (${fmt(m.heapPerSocket / 1024, 2)} KB per display).`,
    );
  }
  for (const { database, points } of r.cycles) {
    out.push('', `Call-next/complete cycles (${database}; ms):`);
    out.push(
      table(
        ['first timed visit', '', 'HTTP median', 'HTTP p95', 'to displays median', 'to displays p95', 'cycles'],
        points.map((p) => [thousands(p.visit), '', fmt(p.http.median), fmt(p.http.p95), fmt(p.toDisplays.median), fmt(p.toDisplays.p95), String(p.http.n)]),
      ),
    );
  }
  return out;
}
