import type { Transaction } from 'sequelize';
import type { AppointmentCheckInRequest, PriorityReason, QueuePriority, QueueStats } from '../../common/api';
import type { DoctorProfile, QueueEntry, User } from '../models';
import type { DirectoryDoctor } from './read-model/directory';

/**
 * What changed in a queue, told by the engine inside its transaction. The live read model (read-model/live-queue.ts)
 * implements it: it takes the rows in after commit and tells the broadcaster; the engine never talks to sockets.
 */
export interface QueueNotifier {
  /**
   * Called once per committed step, inside the step's transaction. `departmentIds` are the queues whose order or
   * figures changed; `called` is set when a token was called or recalled (displays announce it).
   */
  changed(transaction: Transaction, change: QueueChange): void;
}

/** One change to one or more queues. */
export interface QueueChange {
  departmentIds: number[];
  called?: QueueEntry;
  /**
   * The entry rows the change wrote, as committed (with patient and appointment slot for entries still in line):
   * the live read model takes them in without reading the database.
   */
  entries: QueueEntry[];
}

/**
 * Who asks for a step; null for the public (kiosk, a patient's own ticket page). `ip`, where the route gives it, goes
 * into the step's audit row (a check-in of a named patient).
 */
export type Actor = (Pick<User, 'id' | 'role'> & { ip?: string }) | null;

/** A walk-in as the engine takes it: the class decided (walk-in.ts turns the request's words into it). */
export interface WalkInInput {
  departmentId: number;
  doctorId?: number;
  priority?: QueuePriority;
  priorityReason?: PriorityReason;
  patientId?: number;
  idempotencyKey: string;
}

/** An appointment check-in, by booking code or by phone and date of birth ('YYYY-MM-DD'). */
export type AppointmentInput = AppointmentCheckInRequest;

/** A waiting entry with its place and estimate, as computed in one place (figures.ts). */
export interface RankedEntry {
  entry: QueueEntry;
  /** 1 = next for whoever would call it. */
  position: number;
  etaMinutes: number;
}

/** One doctor's part of a department's day. */
export interface DoctorState {
  doctor: DoctorProfile;
  /** The doctor's hours and leave for the day (whether they serve now: read-model/state.ts worksNow). */
  schedule: DirectoryDoctor;
  current: QueueEntry | null;
  /** Entries this doctor would call, in order: their own and the department's "any doctor" pool. */
  waiting: RankedEntry[];
  /** Today's no-shows of this doctor (skipped, not yet returned to the queue), latest first. */
  missed: QueueEntry[];
  stats: QueueStats;
}

/** Everything the screens show about one department's clinic day, read in one go after a change. */
export interface DepartmentState {
  departmentId: number;
  clinicDay: string;
  /** Every waiting entry of the department, in calling order, with place and estimate. */
  waiting: RankedEntry[];
  /** The same ranks by entry id (one entry's rank is found without ranking the whole line). */
  rankOf: Pick<ReadonlyMap<number, RankedEntry>, 'get' | 'has'>;
  /** The first `count` waiting entries in calling order (a display's "next"), without ranking the rest. */
  next(count: number): QueueEntry[];
  /** Minutes a new normal walk-in would wait now: for "any doctor", and asking for each of the department's doctors. */
  nextWalkIn: { anyDoctor: number; byDoctor: Map<number, number> };
  /** Keyed by doctor profile id: every doctor of the department (and any doctor serving an entry of it today). */
  doctors: Map<number, DoctorState>;
  stats: QueueStats;
  /** The latest calls today, newest first (at most 10). */
  recentCalls: QueueEntry[];
}
