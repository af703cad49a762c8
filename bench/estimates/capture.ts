import { writeFileSync } from 'node:fs';
import { Op } from 'sequelize';
import { openDatabase } from '../../server/db';
import { DoctorProfile, QueueEntry } from '../../server/models';
import type { ForecastInput } from '../../server/queue/rules/forecast';
import { localToUtc } from '../../server/services/clinic-time';
import { seedDemoClinic } from '../../server/seed/demo';
import { runDay } from '../../server/sim/engine';
import { DEFAULT_PLAN_OPTIONS } from '../../server/sim/plan';
import { prepareDay } from '../../server/sim/setup';
import { workingDays } from '../../server/sim/simulate';
import { firstInputs } from './probe';

/**
 * `node --import tsx --import ./bench/estimates/register.mjs bench/estimates/capture.ts 1-10 /tmp/capture.json`:
 * simulates the days of `npm run simulate -- --seeds 1-10` (same warm-up, clinic and clock) and writes, for every
 * check-in that was measured, the forecast input its estimate came from, the estimate shown and the real wait, with
 * every entry row of every day (warm-up too) so replay.ts can learn from "history" exactly as a server could.
 * Replaying forecast variants on it takes seconds instead of minutes of simulation.
 */
const ZONE = 'Europe/London';
const FIRST_DAY = '2026-01-05';

/** A forecast input as plain JSON (dates as epoch ms). */
export interface CapturedInput {
  now: number;
  doctors: ForecastInput['doctors'];
  line: Array<{ id: number; doctorId: number | null; priority: string; checkedInAt: number; sequence: number; slot: number | null }>;
  bookings: ForecastInput['bookings'];
  showRate: number;
}

/** One measured check-in. */
export interface CapturedCheckIn {
  entryId: number;
  departmentId: number;
  at: number;
  eta: number;
  low: number;
  high: number;
  real: number;
  input: CapturedInput | null;
}

const ENTRY_COLUMNS = [
  'id', 'departmentId', 'doctorId', 'priority', 'status', 'clinicDay', 'checkedInAt', 'firstCalledAt', 'calledAt',
  'consultationStartedAt', 'completedAt', 'skippedAt', 'transferredAt', 'cancelledAt', 'transferredFromId', 'appointmentId',
] as const;

function inputJson(input: ForecastInput): CapturedInput {
  return {
    now: input.now,
    doctors: input.doctors,
    line: input.line.map((item) => ({
      id: (item as { id?: number }).id!,
      doctorId: item.doctorId,
      priority: item.key.priority,
      checkedInAt: item.key.checkedInAt.getTime(),
      sequence: item.key.sequence,
      slot: item.key.appointmentStartsAt?.getTime() ?? null,
    })),
    bookings: input.bookings,
    showRate: input.showRate,
  };
}

async function main(range: string, out: string, warmup: number): Promise<void> {
  const [from, to = from] = range.split('-').map(Number);
  const seeds = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const db = await openDatabase('sqlite::memory:');
  try {
    await seedDemoClinic(db.sequelize, { timeZone: ZONE, now: localToUtc(FIRST_DAY, '06:00', ZONE), passwordCost: 10 });
    const days = workingDays(FIRST_DAY, warmup + seeds.length);
    const plan = [
      ...days.slice(0, warmup).map((day, i) => ({ day, seed: 90_000 + i, measure: false })),
      ...seeds.map((seed, i) => ({ day: days[warmup + i], seed, measure: true })),
    ];
    const checkIns: Array<CapturedCheckIn & { day: string; seed: number }> = [];
    for (const { day, seed, measure } of plan) {
      const started = Date.now();
      firstInputs.clear();
      const prepared = await prepareDay(db.sequelize, ZONE, day, seed, DEFAULT_PLAN_OPTIONS);
      const run = await runDay(db.sequelize, ZONE, prepared.plan, prepared.desk, prepared.codes);
      if (measure) {
        const rows = await QueueEntry.findAll({ attributes: ['id', 'firstCalledAt'], where: { id: { [Op.in]: [...run.records.keys()] } } });
        const called = new Map(rows.map((r) => [r.id, r.firstCalledAt?.getTime() ?? null]));
        for (const record of run.records.values()) {
          const at = called.get(record.entryId);
          const first = record.samples[0];
          if (at === null || at === undefined || !first) continue;
          const input = firstInputs.get(record.entryId);
          checkIns.push({
            day, seed, entryId: record.entryId, departmentId: record.departmentId, at: first.at, eta: first.eta, low: first.low, high: first.high,
            real: Math.max(0, (at - first.at) / 60_000), input: input ? inputJson(input) : null,
          });
        }
      }
      console.error(`  ${day} seed ${seed}: ${run.records.size} check-ins, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const entries = (await QueueEntry.findAll({ attributes: [...ENTRY_COLUMNS], order: [['id', 'ASC']], raw: true })) as unknown[];
    const doctors = await DoctorProfile.findAll({ attributes: ['id', 'departmentId', 'consultationMinutes'], raw: true });
    writeFileSync(out, JSON.stringify({ zone: ZONE, days: plan, checkIns, entries, doctors }));
    console.error(`${checkIns.length} check-ins written to ${out}`);
  } finally {
    await db.close();
  }
}

main(process.argv[2] ?? '1-10', process.argv[3] ?? '/tmp/capture.json', Number(process.argv[4] ?? 6)).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
