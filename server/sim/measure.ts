import { DateTime } from 'luxon';
import { Op } from 'sequelize';
import { QueueEntry } from '../models';
import type { DayRun, Sample } from './engine';

/** One estimate set against the wait that followed it (minutes). */
export interface Outcome {
  departmentId: number;
  /** Local hour of the check-in. */
  hour: number;
  /** Estimate and range shown; `atCheckIn` for the first one of a visit, false for the later updates. */
  eta: number;
  low: number;
  high: number;
  real: number;
  atCheckIn: boolean;
}

/** The error of a set of outcomes. */
export interface ErrorSummary {
  count: number;
  meanRealMinutes: number;
  /** Mean absolute error, minutes. */
  maeMinutes: number;
  /** Mean of estimate minus real wait, minutes: negative when estimates promise too little. */
  biasMinutes: number;
  /** Mean absolute error as a share of the mean real wait (0.2 = 20%). */
  maeShare: number;
  /** Share of real waits that fell inside the range shown. */
  insideShare: number;
}

/**
 * Sets every recorded estimate against the real wait that followed it: from the moment it was shown to the entry's
 * first call. Entries never called (they left, or the day ended) have no real wait and are left out, as are the
 * queues a transfer continued in (their wait began in another department).
 */
export async function outcomesOf(run: DayRun, timeZone: string): Promise<Outcome[]> {
  const ids = [...run.records.keys()];
  const rows = await QueueEntry.findAll({ attributes: ['id', 'firstCalledAt'], where: { id: { [Op.in]: ids } } });
  const calledAt = new Map(rows.map((r) => [r.id, r.firstCalledAt?.getTime() ?? null]));
  const outcomes: Outcome[] = [];
  for (const record of run.records.values()) {
    const called = calledAt.get(record.entryId);
    if (called === null || called === undefined) continue;
    const hour = DateTime.fromJSDate(record.checkedInAt, { zone: timeZone }).hour;
    record.samples
      .filter((s: Sample) => s.at < called || s === record.samples[0])
      .forEach((s, index) => {
        outcomes.push({
          departmentId: record.departmentId,
          hour,
          eta: s.eta,
          low: s.low,
          high: s.high,
          real: Math.max(0, (called - s.at) / 60_000),
          atCheckIn: index === 0,
        });
      });
  }
  return outcomes;
}

/** Mean absolute error, its share of the mean real wait, and the share inside the range, of `outcomes`. */
export function summarize(outcomes: readonly Outcome[]): ErrorSummary {
  const count = outcomes.length;
  if (!count) return { count, meanRealMinutes: 0, maeMinutes: 0, biasMinutes: 0, maeShare: 0, insideShare: 0 };
  let real = 0;
  let error = 0;
  let inside = 0;
  let bias = 0;
  for (const o of outcomes) {
    real += o.real;
    bias += o.eta - o.real;
    error += Math.abs(o.eta - o.real);
    if (o.low <= o.real && o.real <= o.high) inside++;
  }
  return {
    count,
    meanRealMinutes: real / count,
    maeMinutes: error / count,
    biasMinutes: bias / count,
    maeShare: real ? error / real : 0,
    insideShare: inside / count,
  };
}

/** Outcomes grouped by a key, in key order. */
export function groupBy<K extends string | number>(outcomes: readonly Outcome[], key: (o: Outcome) => K): Array<[K, ErrorSummary]> {
  const groups = new Map<K, Outcome[]>();
  for (const o of outcomes) {
    const k = key(o);
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(o);
  }
  return [...groups.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, list]) => [k, summarize(list)]);
}

/** The goal of issue 14: error at most 20% of the real wait, and at least 80% of real waits inside the range. */
export function meetsGoal(summary: ErrorSummary): boolean {
  return summary.maeShare <= 0.2 && summary.insideShare >= 0.8;
}
