/**
 * How long reading one department's state takes as its day fills up. Every check-in answer, every call and every
 * board refresh reads it, so it must not grow with the patients already seen. Each row is a department with
 * `finished` completed visits and 20 patients waiting, all with patient records; the figure is the time of one
 * `departmentState` call, measured `reads` times after two warm-up reads.
 */
import { performance } from 'node:perf_hooks';
import { Patient, QueueEntry } from '../server/models';
import { departmentState } from '../server/queue/read-model/load';
import { summarize, type Summary } from './common';
import { openMysql, openSqlite, seedClinic, type BenchDatabase } from './support';

/** One measured department day. */
export interface DayStateResult {
  database: string;
  finished: number;
  waiting: number;
  read: Summary;
}

const WAITING = 20;
const DAY = '2026-11-29';
const TIME_ZONE = 'UTC';

/** Fills a department's day: `finished` completed visits (10-minute waits, 12-minute consultations), then WAITING waiting. */
async function fillDay(departmentId: number, doctorId: number, finished: number): Promise<void> {
  const start = Date.parse(`${DAY}T07:00:00Z`);
  const total = finished + WAITING;
  const patients = await Patient.bulkCreate(
    Array.from({ length: total }, (_, i) => ({ fullName: `Bench Patient ${i + 1}`, dateOfBirth: '1980-01-01' })),
  );
  const minute = 60_000;
  await QueueEntry.bulkCreate(
    patients.map((patient, i) => {
      const checkedInAt = new Date(start + i * 30_000);
      const done = i < finished;
      return {
        departmentId,
        doctorId,
        patientId: patient.id,
        clinicDay: DAY,
        sequence: i + 1,
        token: `B-${String(i + 1).padStart(3, '0')}`,
        checkedInAt,
        status: done ? ('completed' as const) : ('waiting' as const),
        calledAt: done ? new Date(checkedInAt.getTime() + 10 * minute) : null,
        firstCalledAt: done ? new Date(checkedInAt.getTime() + 10 * minute) : null,
        consultationStartedAt: done ? new Date(checkedInAt.getTime() + 11 * minute) : null,
        completedAt: done ? new Date(checkedInAt.getTime() + 23 * minute) : null,
      };
    }),
  );
}

async function measure(database: BenchDatabase, finished: number, reads: number): Promise<DayStateResult> {
  const clinic = await seedClinic();
  await fillDay(clinic.departmentId, clinic.doctorId, finished);
  const now = new Date(`${DAY}T18:00:00Z`);
  const samples: number[] = [];
  for (let i = 0; i < reads + 2; i++) {
    const t0 = performance.now();
    const state = await departmentState(clinic.departmentId, { timeZone: TIME_ZONE, now });
    if (i >= 2) samples.push(performance.now() - t0);
    if (state.waiting.length !== WAITING || state.stats.completed_today !== finished) {
      throw new Error(`day state read ${state.waiting.length} waiting and ${state.stats.completed_today} completed`);
    }
  }
  return { database: database.label, finished, waiting: WAITING, read: summarize(samples) };
}

/** Runs each day size on a fresh SQLite database, then on MariaDB when `mysqlUrl` is given and reachable. */
export async function runDayState(options: { sizes: number[]; reads: number; mysqlUrl: string | null }): Promise<DayStateResult[]> {
  const results: DayStateResult[] = [];
  const openers: Array<() => Promise<BenchDatabase | string>> = [(): Promise<BenchDatabase> => openSqlite('day-state')];
  if (options.mysqlUrl) openers.push(() => openMysql(options.mysqlUrl!));
  for (const open of openers) {
    for (const finished of options.sizes) {
      const database = await open();
      if (typeof database === 'string') {
        console.log(`day state: MariaDB skipped - ${database}`);
        break;
      }
      try {
        results.push(await measure(database, finished, options.reads));
      } finally {
        await database.dispose();
      }
    }
  }
  return results;
}
