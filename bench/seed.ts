/**
 * A department's day written straight into the database, before the server starts: finished visits and waiting
 * patients, with the counter row at the last number, so the server's own check-ins continue the numbering. Seeding
 * through the database rather than the API is what lets the benchmarks start from a day of 1,000 waiting or 5,000
 * seen in seconds; doing it before the server starts means a server that loads the day into memory at start-up or
 * on first use sees all of it.
 */
import { QueueCounter, QueueEntry } from '../server/models';
import type { BenchClinic } from './support';

/** Rows per INSERT: well under any database's limit on statement variables. */
const CHUNK = 250;

/** Today in the clinic's zone: the bench server runs with CLINIC_TIMEZONE=UTC. */
export function clinicToday(at = new Date()): string {
  return at.toISOString().slice(0, 10);
}

/** The token people read for a sequence number (`B-001`, `B-1000`), as the server formats it. */
export function tokenOf(prefix: string, sequence: number): string {
  return `${prefix}-${String(sequence).padStart(3, '0')}`;
}

/** What to put in the department's day. */
export interface DayContents {
  /** Visits already completed today by the clinic's doctor (numbers 1..finished). */
  finished: number;
  /** Anonymous walk-ins waiting for any doctor of the department (the numbers after those). */
  waiting: number;
}

/**
 * Writes today's entries for the clinic's department and sets its counter to the last number used. Times are spread
 * between midnight (UTC) and a minute ago, in check-in order, so every finished visit lies in the past and the
 * waiting ones keep their order by check-in time.
 */
export async function seedDay(clinic: BenchClinic, contents: DayContents): Promise<void> {
  const now = Date.now();
  const day = clinicToday(new Date(now));
  const midnight = Date.parse(`${day}T00:00:00Z`);
  const total = contents.finished + contents.waiting;
  if (!total) return;
  const step = Math.max(now - 60_000 - midnight, 1000) / total;
  const at = (i: number, part: number) => new Date(midnight + (i + part) * step);
  const rows = Array.from({ length: total }, (_, i) => {
    const done = i < contents.finished;
    return {
      departmentId: clinic.departmentId,
      doctorId: done ? clinic.doctorId : null,
      clinicDay: day,
      sequence: i + 1,
      token: tokenOf(clinic.prefix, i + 1),
      status: done ? ('completed' as const) : ('waiting' as const),
      checkedInAt: at(i, 0),
      calledAt: done ? at(i, 0.3) : null,
      firstCalledAt: done ? at(i, 0.3) : null,
      consultationStartedAt: done ? at(i, 0.4) : null,
      completedAt: done ? at(i, 0.9) : null,
    };
  });
  for (let i = 0; i < rows.length; i += CHUNK) await QueueEntry.bulkCreate(rows.slice(i, i + CHUNK));
  await QueueCounter.create({ departmentId: clinic.departmentId, clinicDay: day, lastSequence: total });
}
