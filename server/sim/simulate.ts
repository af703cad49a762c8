import type { Sequelize } from 'sequelize';
import { addDays, isoWeekday } from '../services/clinic-time';
import { runDay, type DayRun } from './engine';
import { outcomesOf, type Outcome } from './measure';
import type { PlanOptions } from './plan';
import { prepareDay } from './setup';

/** One simulated day to run: the clinic day and the seed its plan is drawn from. */
export interface SimDay {
  day: string;
  seed: number;
}

/** What a run of several days produced. */
export interface SimulationResult {
  days: Array<{ day: string; seed: number; checkIns: number; leftOver: number; steps: number; ms: number }>;
  outcomes: Outcome[];
}

/**
 * `count` working days (Monday to Saturday) from `firstDay` on, skipping Sundays: consecutive days make each one
 * the next one's history, as in a real clinic.
 */
export function workingDays(firstDay: string, count: number): string[] {
  const days: string[] = [];
  for (let day = firstDay; days.length < count; day = addDays(day, 1)) if (isoWeekday(day) !== 7) days.push(day);
  return days;
}

/**
 * Simulates `days` one after the other on the clinic already in the database (the demo clinic, say), and returns
 * the estimate outcomes of the ones with `measure` set. `onDay` hears about each day as it ends.
 */
export async function simulateDays(
  sequelize: Sequelize,
  timeZone: string,
  days: ReadonlyArray<SimDay & { measure?: boolean }>,
  options: { plan?: PlanOptions; onDay?: (run: DayRun, seed: number, ms: number) => void } = {},
): Promise<SimulationResult> {
  const result: SimulationResult = { days: [], outcomes: [] };
  for (const { day, seed, measure = true } of days) {
    const started = Date.now();
    const prepared = await prepareDay(sequelize, timeZone, day, seed, options.plan);
    const run = await runDay(sequelize, timeZone, prepared.plan, prepared.desk, prepared.codes);
    const ms = Date.now() - started;
    if (measure) {
      result.outcomes.push(...(await outcomesOf(run, timeZone)));
      result.days.push({ day, seed, checkIns: run.records.size, leftOver: run.leftOver, steps: run.steps, ms });
    }
    options.onDay?.(run, seed, ms);
  }
  return result;
}
