/**
 * Several servers (issue 15): two product servers, each in its own process, over one database and one Redis, with
 * half the displays on each. A doctor's "call next" goes to server A; the figure is the time until every display,
 * on A and on B (which hears of the call through Redis), has its `token_called`. Beside it, in the same run and with
 * the same client processes: one such server alone with all the displays, and the bare-ws floor.
 */
import { randomUUID } from 'node:crypto';
import { Child, fmt, ofType, progress, type ServerCommand, type ServerReport } from './common';
import { measureFloor, measureProduct, WARMUP_CALLS, type SideResult } from './call-latency';
import type { DisplayPool } from './displays';
import { startFloorServer } from './floor-server';
import { JsonClient } from './http';
import { table } from './report';
import { seedDay } from './seed';
import { seedClinic, type BenchDatabase } from './support';

/** What to measure. */
export interface TwoServerOptions {
  /** Displays in all (half on each server in the two-server case). */
  displays: number;
  calls: number;
  redisUrl: string;
  redisPrefix: string;
}

/** The three sides of the comparison, milliseconds. */
export interface TwoServerResult {
  database: string;
  displays: number;
  calls: number;
  two: SideResult;
  one: SideResult;
  floor: SideResult;
  /** Sequence gaps the displays saw on either product side (should be 0). */
  gaps: number;
}

/** A product server in its own process (bench/instance-process.ts). */
async function instance(database: BenchDatabase, options: TwoServerOptions, prefix: string) {
  const child = new Child<ServerCommand, ServerReport>('./instance-process.ts', [], {
    BENCH_INSTANCE_DATABASE_URL: database.url,
    REDIS_URL: options.redisUrl,
    REDIS_PREFIX: prefix,
  });
  const { wsUrl } = await child.next(ofType<ServerReport, 'listening'>('listening'), 120_000, 'a listening server');
  return { child, wsUrl, baseUrl: wsUrl.replace(/^ws:/, 'http:').replace(/\/ws$/, '') };
}

/** Runs the comparison on `database` (MariaDB when reachable: two servers over SQLite is not a deployment). */
export async function runTwoServers(database: BenchDatabase, pool: DisplayPool, options: TwoServerOptions): Promise<TwoServerResult> {
  const clinic = await seedClinic();
  await seedDay(clinic, { finished: 0, waiting: (WARMUP_CALLS + options.calls) * 2 });
  const prefix = `${options.redisPrefix}-${randomUUID().slice(0, 8)}`;
  const [a, b] = await Promise.all([instance(database, options, prefix), instance(database, options, prefix)]);
  const floor = await startFloorServer();
  const staff = new JsonClient(a.baseUrl, 1);
  const floorClient = new JsonClient(floor.baseUrl, 1);
  try {
    await staff.signIn(clinic.email, clinic.password);
    // One server first: the two-server case then starts on a server as warm as the one-server case ended on.
    const one = await measureProduct({ wsUrl: a.wsUrl }, clinic, staff, pool, options.displays, options.calls);
    progress(`one server, ${options.displays} displays: p95 ${fmt(one.side.latency.p95)} ms`);
    const two = await measureProduct({ wsUrl: [a.wsUrl, b.wsUrl] }, clinic, staff, pool, options.displays, options.calls);
    progress(`two servers, ${options.displays} displays: p95 ${fmt(two.side.latency.p95)} ms`);
    const floorSide = await measureFloor(floor, floorClient, pool, options.displays, options.calls, two.bytes);
    progress(`floor, ${options.displays} displays: p95 ${fmt(floorSide.latency.p95)} ms`);
    return { database: database.label, displays: options.displays, calls: options.calls, two: two.side, one: one.side, floor: floorSide, gaps: two.gaps + one.gaps };
  } finally {
    staff.close();
    floorClient.close();
    await floor.close();
    await Promise.all([a, b].map((s) => s.child.stop({ type: 'stop' }, 15_000)));
  }
}

/** The comparison as printed lines. */
export function twoServerLines(r: TwoServerResult): string[] {
  const half = (r.displays / 2).toLocaleString('en-GB');
  const row = (label: string, s: SideResult, database = r.database) => [label, database, fmt(s.latency.median), fmt(s.latency.p95), fmt(s.latency.p99), fmt(s.first.median), fmt(s.response.median), fmt(s.connectS, 0)];
  return [
    '',
    `Several servers (${r.database}; ${r.calls} calls per row; ms from just before "call next" is sent on server A until the last of ${r.displays.toLocaleString('en-GB')} displays has token_called):`,
    table(
      ['case', 'database', 'median', 'p95', 'p99', 'first display', 'HTTP answer', 'connect s'],
      [
        row(`two servers + Redis, ${half} displays on each`, r.two),
        row(`one server, ${r.displays.toLocaleString('en-GB')} displays`, r.one),
        row('floor (bare ws in the bench process)', r.floor, '-'),
      ],
    ),
    `p95: two servers ${fmt(r.two.latency.p95 / r.floor.latency.p95, 2)}x the floor, one server ${fmt(r.one.latency.p95 / r.floor.latency.p95, 2)}x`,
  ];
}
