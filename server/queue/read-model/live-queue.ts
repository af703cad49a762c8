import type { Transaction } from 'sequelize';
import type { Logger } from '../../logger';
import { Appointment, AvailabilityException, Department, DoctorAvailability, DoctorProfile, Patient, QueueEntry, User } from '../../models';
import { clinicDay } from '../../services/clinic-time';
import type { DepartmentState, QueueChange, QueueNotifier, RankedEntry } from '../types';
import { DirectoryCache, type Directory } from './directory';
import { loadPaceHistory, type PaceHistory } from './history';
import type { LiveDepartment } from './live-department';
import { loadDepartmentDay } from './load';
import { departmentStateOf } from './state';
import { inQueueCommandOf, watchWrites } from './watch';

/** A department's live day: loading (changes meanwhile are kept to replay) or loaded. */
interface Slot {
  day: string;
  loaded: LiveDepartment | null;
  pending: QueueEntry[];
  promise: Promise<LiveDepartment>;
}

/** Told after a change has been taken into the live model (the broadcaster listens). */
export type ChangeListener = (change: QueueChange) => void;

/**
 * THE LIVE READ MODEL. Each department's clinic day is read from the database once (on first use, or after
 * `invalidate`) and then kept up to date from the rows every committed queue command hands over (QueueChange.entries),
 * so places, estimates and figures cost no database round trip. The database stays the source of truth:
 * - a write to queue entries that did not come from a queue command (an admin tool, a script, a test factory), or to
 *   a patient or an appointment, drops the affected days, which are read again on next use;
 * - a write to departments, doctors, their users, hours or leave drops the directory (watch.ts).
 * It is the engine's notifier: it applies each change after commit, then tells the listeners (the broadcaster).
 */
export class LiveQueue implements QueueNotifier {
  private readonly days = new Map<number, Slot>();
  private readonly directoryCache: DirectoryCache;
  private readonly listeners: ChangeListener[] = [];
  private readonly views = new Map<number, { key: string; state: DepartmentState }>();
  private readonly unwatch: Array<() => void> = [];
  /** The doctors' paces on the days before the clinic day it was read for (it does not change during the day). */
  private paceHistory: { day: string; promise: Promise<PaceHistory> } | null = null;

  constructor(
    private readonly timeZone: string,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {
    this.directoryCache = new DirectoryCache(timeZone);
    this.unwatch.push(
      watchWrites([Department, DoctorProfile, User, DoctorAvailability, AvailabilityException], () => this.directoryCache.invalidate()),
      watchWrites([QueueEntry], (row) => {
        if (inQueueCommandOf(this)) return;
        this.invalidate(row ? (row as QueueEntry).departmentId : undefined);
      }),
      watchWrites([Patient], () => this.invalidate()),
      // A booking made or cancelled today changes whom the forecast expects (the queue's own check-ins are rows).
      watchWrites([Appointment], () => {
        if (!inQueueCommandOf(this)) this.dropDays();
      }),
    );
  }

  /** Adds a listener for applied changes. */
  onChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  /** Applies the change's rows once the transaction commits, then tells the listeners: nothing rolled back shows. */
  changed(transaction: Transaction, change: QueueChange): void {
    transaction.afterCommit(() => {
      // Sequelize runs this inside commit(): an error here would make a committed command look failed (and a
      // batch of walk-ins be written again). The model is read afresh instead, and the error logged.
      try {
        this.apply(change.entries);
      } catch (error) {
        this.logger.error({ err: error }, 'the live queue could not take in a change; its days will be read again');
        this.invalidate();
      }
      for (const listener of this.listeners) {
        try {
          listener(change);
        } catch (error) {
          this.logger.error({ err: error }, 'a live queue listener failed');
        }
      }
    });
  }

  /** Takes committed entry rows into the days that are held (others will read them when loaded). */
  apply(entries: readonly QueueEntry[]): void {
    for (const entry of entries) {
      const slot = this.days.get(entry.departmentId);
      if (!slot || slot.day !== entry.clinicDay) continue;
      if (slot.loaded) slot.loaded.apply(entry);
      else slot.pending.push(entry);
    }
  }

  /** One department's live day for the clinic day of `now`, read from the database the first time. */
  day(departmentId: number, now = this.now()): Promise<LiveDepartment> {
    const day = clinicDay(now, this.timeZone);
    const held = this.days.get(departmentId);
    if (held && held.day === day) return held.promise;
    const slot: Slot = { day, loaded: null, pending: [], promise: Promise.resolve(null as unknown as LiveDepartment) };
    slot.promise = loadDepartmentDay(departmentId, day, now, this.timeZone).then((live) => {
      // Changes committed while the read ran: replayed; the versions sort out any the read already saw.
      for (const entry of slot.pending) live.apply(entry);
      slot.pending = [];
      slot.loaded = live;
      return live;
    });
    slot.promise.catch((error) => {
      if (this.days.get(departmentId) === slot) this.days.delete(departmentId);
      this.logger.warn({ err: error, departmentId }, 'loading a live queue day failed; will read again on next use');
    });
    this.days.set(departmentId, slot);
    return slot.promise;
  }

  /** The departments and doctors of the clinic day of `now`. */
  directory(now = this.now()): Promise<Directory> {
    return this.directoryCache.get(now);
  }

  /** The doctors' paces on recent days before the clinic day of `now`: read once a clinic day, never per change. */
  history(now = this.now()): Promise<PaceHistory> {
    const day = clinicDay(now, this.timeZone);
    if (this.paceHistory?.day !== day) {
      const slot = { day, promise: loadPaceHistory(day, this.timeZone) };
      slot.promise.catch((error) => {
        if (this.paceHistory === slot) this.paceHistory = null;
        this.logger.warn({ err: error }, 'reading the doctors\' recent paces failed; will read again on next use');
      });
      this.paceHistory = slot;
    }
    return this.paceHistory.promise;
  }

  /** One department's state at `now` (the same computation for every screen), cached until the day, the
   * directory or the minute changes (estimates depend on who serves at this minute). */
  async state(departmentId: number, now = this.now()): Promise<DepartmentState> {
    const [day, directory, history] = await Promise.all([this.day(departmentId, now), this.directory(now), this.history(now)]);
    day.line(now); // re-sorts first when an appointment has become due, which changes the version
    const key = this.viewKey(day, directory, now);
    const cached = this.views.get(departmentId);
    if (cached?.key === key) return cached.state;
    const state = departmentStateOf(day, directory, now, this.timeZone, history);
    this.views.set(departmentId, { key, state });
    return state;
  }

  /**
   * One entry's place and estimate at `now`, from the department's view (the forecast ranks the whole line at once,
   * so the check-ins answered after one commit, which share its version, share one ranking).
   */
  async rank(departmentId: number, entryId: number, now = this.now()): Promise<RankedEntry | null> {
    return (await this.state(departmentId, now)).rankOf.get(entryId) ?? null;
  }


  /** What a department's view depends on: the day and its version, the directory, and the minute. */
  private viewKey(day: LiveDepartment, directory: Directory, now: Date): string {
    return `${day.clinicDay}|${day.version}|${directory.generation}|${now.toISOString().slice(0, 16)}`;
  }

  /** Drops one department's day, or all of them: the next read loads from the database. */
  invalidate(departmentId?: number): void {
    if (departmentId === undefined) {
      this.paceHistory = null;
      this.days.clear();
      this.views.clear();
      this.directoryCache.invalidate();
    } else {
      this.days.delete(departmentId);
      this.views.delete(departmentId);
    }
  }

  /** Drops every department's day (not the directory): the next read loads each from the database. */
  private dropDays(): void {
    this.days.clear();
    this.views.clear();
  }

  /** Removes the model hooks (the models outlive this server). */
  close(): void {
    for (const stop of this.unwatch.splice(0)) stop();
  }
}
