import { expect } from 'chai';
import type { Sequelize, Transaction } from 'sequelize';
import { AppError } from '../../server/errors';
import { QueueEntry, User } from '../../server/models';
import { localToUtc } from '../../server/services/clinic-time';
import { QueueService } from '../../server/queue/commands/steps';
import type { QueueChange, QueueNotifier } from '../../server/queue/types';
import { makeDoctor } from './clinic-factories';
import { createDepartment, createStaff } from './factories';

/** The clinic zone of the queue tests: not UTC, so a clinic day and a UTC date differ in the evening. */
export const ZONE = 'America/New_York';

/** A Wednesday, in winter (UTC-5). */
export const DAY = '2026-12-02';

/** The UTC instant of local `time` on `day` in the test zone. */
export function at(time: string, day = DAY): Date {
  return localToUtc(day, time, ZONE);
}

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public current: Date = at('10:00')) {}
  readonly now = (): Date => this.current;
  set(time: string, day = DAY): void {
    this.current = at(time, day);
  }
  advance(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

/**
 * The tests' notifier: counts calls made inside transactions and records a change only when its transaction
 * commits (as the realtime side broadcasts), so a test can tell what was announced and that nothing was announced
 * for a rolled-back step. `onCommit` lets a test look at the database at the moment of the announcement.
 */
export class RecordingNotifier implements QueueNotifier {
  readonly announced: QueueChange[] = [];
  calls = 0;
  onCommit?: (change: QueueChange) => void | Promise<void>;
  readonly pending: Promise<unknown>[] = [];

  changed(transaction: Transaction, change: QueueChange): void {
    this.calls++;
    transaction.afterCommit(() => {
      // The rows a change carries are for the read model; what the tests check is what was announced.
      const { entries: _rows, ...announced } = change;
      this.announced.push(announced as QueueChange);
      if (this.onCommit) this.pending.push(Promise.resolve(this.onCommit(change)));
    });
  }

  /** Forgets what was recorded so far. */
  reset(): void {
    this.announced.length = 0;
    this.calls = 0;
  }
}

/** A queue service on the test database with a recording notifier and a hand-moved clock. */
export function queueService(sequelize: Sequelize, clock = new TestClock()) {
  const notifier = new RecordingNotifier();
  const service = new QueueService(sequelize, { timeZone: ZONE }, notifier, clock.now);
  return { service, notifier, clock };
}

/** A department with doctors (and their staff users), for the step tests. */
export async function clinicWithDoctors(count: number, overrides: { prefix?: string; consultationMinutes?: number } = {}) {
  const department = await createDepartment({ prefix: overrides.prefix });
  const doctors = [];
  for (let i = 0; i < count; i++) {
    const doctor = await makeDoctor({
      departmentId: department.id,
      ...(overrides.consultationMinutes ? { consultationMinutes: overrides.consultationMinutes } : {}),
    });
    doctors.push({ doctor, user: (await User.findByPk(doctor.userId))! });
  }
  return { department, doctors };
}

/** A reception and an admin account. */
export async function frontDesk() {
  return {
    reception: (await createStaff({ role: 'reception' })).user,
    admin: (await createStaff({ role: 'admin' })).user,
  };
}

/** The AppError `promise` rejects with; fails the test if it resolves or fails otherwise. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  let outcome: unknown;
  try {
    await promise;
  } catch (error) {
    outcome = error;
  }
  if (outcome === undefined) expect.fail('expected the step to be refused');
  if (!(outcome instanceof AppError)) throw outcome;
  return outcome;
}

/** Refreshes an entry from the database (its version moves with every step). */
export async function fresh(entry: QueueEntry | number): Promise<QueueEntry> {
  return (await QueueEntry.findByPk(typeof entry === 'number' ? entry : entry.id))!;
}

let keys = 0;
/** A new idempotency key, as a kiosk makes one per attempt. */
export function key(): string {
  return `test-key-${process.pid}-${++keys}`;
}
