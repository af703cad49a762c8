import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db';
import { limitTransactions } from '../db/transaction-deadline';
import { Department } from '../models';
import { localToUtc } from '../services/clinic-time';
import { seedDemoClinic } from '../seed/demo';
import { estimateChart } from '../sim/chart';
import { errorTable } from '../sim/report';
import { DEFAULT_PLAN_OPTIONS } from '../sim/plan';
import { simulateDays, workingDays } from '../sim/simulate';

/**
 * `npm run simulate [-- --seeds 100-119] [--warmup 6] [--load 0.92] [--chart docs/wait-estimates.svg]`: simulates clinic days of
 * the demo clinic on a virtual clock, in a fresh in-memory database, and prints how far the wait estimates shown
 * were from the waits that followed (the table of issue 14), then writes the chart. Warm-up days (not measured)
 * come first so the measured days have history to learn from, as a clinic in use has. `--load` sets walk-in demand
 * as a share of the doctors' capacity (plan.ts); a high one makes a crowded day (about 300 check-ins at 2.5).
 */
const ZONE = 'Europe/London';
/** A Monday: the simulated days follow it, Monday to Saturday. */
const FIRST_DAY = '2026-01-05';

function option(args: string[], name: string, fallback: string): string {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
}

function seedsOf(text: string): number[] {
  const [from, to = from] = text.split('-').map(Number);
  if (!Number.isInteger(from) || !Number.isInteger(to) || to < from) throw new Error(`--seeds wants a range like 100-119, not ${text}`);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

async function main(args: string[]): Promise<void> {
  const seeds = seedsOf(option(args, 'seeds', '100-119'));
  const warmup = Number(option(args, 'warmup', '6'));
  const chart = path.resolve(option(args, 'chart', 'docs/wait-estimates.svg'));
  const load = Number(option(args, 'load', String(DEFAULT_PLAN_OPTIONS.load)));
  if (!(load > 0)) throw new Error('--load wants a positive number, such as 0.92');
  const db = await openDatabase('sqlite::memory:');
  // A batch nobody waits on: on a starved machine one engine step took longer than a request's 10 s and the run
  // died with database_busy on day 7 of 26. Each step gets ten minutes, as the seed's transaction does.
  limitTransactions(db.sequelize, 10 * 60_000);
  try {
    await seedDemoClinic(db.sequelize, { timeZone: ZONE, now: localToUtc(FIRST_DAY, '06:00', ZONE), passwordCost: 10 });
    const days = workingDays(FIRST_DAY, warmup + seeds.length);
    const plan = [
      ...days.slice(0, warmup).map((day, i) => ({ day, seed: 90_000 + i, measure: false })),
      ...seeds.map((seed, i) => ({ day: days[warmup + i], seed })),
    ];
    const result = await simulateDays(db.sequelize, ZONE, plan, {
      plan: { ...DEFAULT_PLAN_OPTIONS, load },
      onDay: (run, seed, ms) =>
        console.error(`  ${run.day} seed ${seed}: ${run.records.size} check-ins, ${run.steps} steps, ${run.leftOver} left at closing, ${(ms / 1000).toFixed(1)} s`),
    });
    const names = new Map((await Department.findAll()).map((d) => [d.id, d.name]));
    console.log(`Wait estimates on ${seeds.length} simulated days (seeds ${seeds[0]}-${seeds[seeds.length - 1]}, after ${warmup} warm-up days):\n`);
    console.log(errorTable(result.outcomes, names));
    mkdirSync(path.dirname(chart), { recursive: true });
    writeFileSync(chart, estimateChart(result.outcomes, `Estimated vs real wait at check-in, seeds ${seeds[0]}-${seeds[seeds.length - 1]}`));
    console.log(`\nChart written to ${path.relative(process.cwd(), chart)}.`);
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(`Simulation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
