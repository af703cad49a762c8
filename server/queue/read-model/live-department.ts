import type { QueueEntry } from '../../models';
import { compareForCalling, orderableOf, type Orderable } from '../rules/ordering';
import { consultationLength } from '../rules/eta';
import { contributionOf, DayTotals, type Contribution } from './day-totals';

/** How many of the latest calls a department's state carries (displays show a few of them). */
export const RECENT_CALLS = 10;

/** Where an entry was counted, so taking it out again needs nothing from the (possibly changed) instance. */
interface Placement {
  version: number;
  status: QueueEntry['status'];
  doctorId: number | null;
  part: Contribution;
  calledAt: number | null;
  /** Its consultation length, when it counts towards its doctor's pace. */
  pace: { at: number; minutes: number } | null;
}

/**
 * A waiting entry with what ordering and ranking read, as plain numbers: reading a Sequelize instance's attributes
 * goes through its getters, which at a thousand entries per refresh cost more than the ranking itself.
 */
export interface WaitingItem {
  entry: QueueEntry;
  id: number;
  doctorId: number | null;
  /** The ordering rule's fields (rules/ordering.ts), read once. */
  key: Orderable;
}

/** A completed consultation in a doctor's pace list. */
interface PaceItem {
  at: number;
  id: number;
  minutes: number;
}

/**
 * One department's clinic day, held in memory and changed one entry at a time: every entry of the day (by id), the
 * waiting line kept in calling order, each doctor's called, in-consultation and missed entries, the running figures,
 * each doctor's consultation lengths (their pace), and the calls newest first. Applying an entry costs O(log n)
 * comparisons plus an array insert; nothing here reads the database (LiveQueue loads and feeds it).
 */
export class LiveDepartment {
  /** Bumped by every applied change and every re-sort: a cached view is good while it is unchanged. */
  version = 0;
  readonly entries = new Map<number, QueueEntry>();
  /** Waiting entries in calling order as of {@link orderedAt}. */
  private waiting: WaitingItem[] = [];
  private orderedAt: Date;
  /** The earliest appointment start among waiting entries not yet due at orderedAt (Infinity when none). */
  private nextDue = Infinity;
  private readonly placements = new Map<number, Placement>();
  readonly totals = new DayTotals();
  private readonly doctorTotals = new Map<number, DayTotals>();
  /** Doctor id -> how many of the day's entries name them (a doctor of another department who served here counts). */
  private readonly doctorEntries = new Map<number, number>();
  /** Doctor id -> ids of their called, in-consultation and skipped entries. */
  private readonly withDoctor = new Map<number, Set<number>>();
  private readonly paces = new Map<number, PaceItem[]>();
  /** Public ticket codes of the day's entries. */
  private readonly codes = new Map<string, number>();
  /** Idempotency keys of the day's check-ins (a retry is answered from here). */
  private readonly keys = new Map<string, number>();
  /** Entries with a call time, newest call first (then highest id). */
  private readonly calls: Array<{ at: number; id: number }> = [];
  /** Waiting entries for any doctor, and for each named doctor: the length of each doctor's line without building it. */
  private waitingShared = 0;
  private readonly waitingNamed = new Map<number, number>();
  /** The day's bookings with the department's doctors as loaded, slot order; and appointment id -> entries of it. */
  private bookings: ReadonlyArray<{ id: number; doctorId: number; startsAt: number }> = [];
  private readonly appointmentEntries = new Map<number, number>();

  constructor(
    readonly departmentId: number,
    readonly clinicDay: string,
    now: Date,
  ) {
    this.orderedAt = now;
  }

  /**
   * Takes in an entry as committed. An older version than the one held is ignored (changes may arrive out of
   * order, and a load may overlap them); the includes a change did not carry (patient, appointment) are kept.
   */
  apply(entry: QueueEntry): void {
    const held = this.placements.get(entry.id);
    if (held && held.version > entry.version) return;
    const old = this.entries.get(entry.id);
    if (old) {
      if (entry.patient === undefined && old.patientId === entry.patientId) entry.patient = old.patient;
      if (entry.appointment === undefined && old.appointmentId === entry.appointmentId) entry.appointment = old.appointment;
    }
    if (held) this.remove(entry.id, held);
    this.add(entry);
    this.version++;
  }

  /** Sets the day's bookings (read with the day): those not checked in yet are expected by the forecast. */
  expectBookings(bookings: ReadonlyArray<{ id: number; doctorId: number; startsAt: number }>): void {
    this.bookings = [...bookings].sort((a, b) => a.startsAt - b.startsAt || a.id - b.id);
  }

  /** Bookings whose patient has not checked in and whose slot starts at `from` (epoch ms) or later. */
  bookingsToCome(from: number): Array<{ doctorId: number; startsAt: number }> {
    return this.bookings.filter((b) => b.startsAt >= from && !this.appointmentEntries.has(b.id));
  }

  /** The entry a check-in with this idempotency key created today, if any. */
  idOfKey(key: string): number | undefined {
    return this.keys.get(key);
  }

  /** The day's entry with this public ticket code, if any. */
  byCode(code: string): QueueEntry | undefined {
    const id = this.codes.get(code);
    return id === undefined ? undefined : this.entries.get(id);
  }

  /** The waiting line in calling order at `now` (re-sorted only when an appointment has become due meanwhile). */
  line(now: Date): readonly WaitingItem[] {
    if (now.getTime() < this.orderedAt.getTime() || now.getTime() >= this.nextDue) {
      this.orderedAt = now;
      this.waiting.sort((a, b) => compareForCalling(a.key, b.key, now));
      this.nextDue = Infinity;
      for (const item of this.waiting) this.noteDue(item.key);
      this.version++;
    }
    return this.waiting;
  }

  /** How many wait now: shared ("any doctor") entries, and each doctor's own (a copy, for a state to keep). */
  waitingCounts(): { shared: number; named: ReadonlyMap<number, number> } {
    return { shared: this.waitingShared, named: new Map(this.waitingNamed) };
  }

  /** How many wait in a doctor's line: their own entries, and the shared ones when they are of this department. */
  waitingFor(doctorId: number, ownDoctor: boolean): number {
    return (this.waitingNamed.get(doctorId) ?? 0) + (ownDoctor ? this.waitingShared : 0);
  }

  /** Ids of the doctors named by any of the day's entries. */
  doctorsWithEntries(): number[] {
    return [...this.doctorEntries.keys()];
  }

  /** A doctor's called, in-consultation and skipped entries. */
  doctorEntriesNow(doctorId: number): QueueEntry[] {
    return [...(this.withDoctor.get(doctorId) ?? [])].map((id) => this.entries.get(id)!);
  }

  /** A doctor's consultation lengths today in minutes, oldest completion first (for eta.ts's paceMinutes). */
  paceOf(doctorId: number): number[] {
    return (this.paces.get(doctorId) ?? []).map((p) => p.minutes);
  }

  /** The figures of one doctor's entries here (a doctor with none has empty figures). */
  doctorTotalsOf(doctorId: number): DayTotals {
    return this.doctorTotals.get(doctorId) ?? new DayTotals();
  }

  /** The latest calls, newest first. */
  recentCalls(): QueueEntry[] {
    return this.calls.slice(0, RECENT_CALLS).map((c) => this.entries.get(c.id)!);
  }

  private add(entry: QueueEntry): void {
    const doctorId = entry.doctorId ?? null;
    const consult = entry.status === 'completed' && entry.completedAt ? consultationLength(entry) : null;
    const placement: Placement = {
      version: entry.version,
      status: entry.status,
      doctorId,
      part: contributionOf(entry),
      calledAt: entry.calledAt ? entry.calledAt.getTime() : null,
      pace: consult !== null && doctorId !== null ? { at: entry.completedAt!.getTime(), minutes: consult } : null,
    };
    this.entries.set(entry.id, entry);
    this.placements.set(entry.id, placement);
    if (entry.idempotencyKey) this.keys.set(entry.idempotencyKey, entry.id);
    this.codes.set(entry.publicCode, entry.id);
    if (entry.appointmentId) this.appointmentEntries.set(entry.appointmentId, (this.appointmentEntries.get(entry.appointmentId) ?? 0) + 1);
    this.totals.add(placement.part, 1);
    if (doctorId !== null) {
      this.doctorEntries.set(doctorId, (this.doctorEntries.get(doctorId) ?? 0) + 1);
      let totals = this.doctorTotals.get(doctorId);
      if (!totals) this.doctorTotals.set(doctorId, (totals = new DayTotals()));
      totals.add(placement.part, 1);
      if (entry.status === 'called' || entry.status === 'in_consultation' || entry.status === 'skipped') {
        let set = this.withDoctor.get(doctorId);
        if (!set) this.withDoctor.set(doctorId, (set = new Set()));
        set.add(entry.id);
      }
      if (placement.pace) {
        let list = this.paces.get(doctorId);
        if (!list) this.paces.set(doctorId, (list = []));
        const item = { at: placement.pace.at, id: entry.id, minutes: placement.pace.minutes };
        list.splice(upperBound(list, (p) => p.at < item.at || (p.at === item.at && p.id < item.id)), 0, item);
      }
    }
    if (placement.calledAt !== null) {
      const call = { at: placement.calledAt, id: entry.id };
      this.calls.splice(upperBound(this.calls, (c) => c.at > call.at || (c.at === call.at && c.id > call.id)), 0, call);
    }
    if (entry.status === 'waiting') {
      const key = orderableOf(entry);
      const at = this.orderedAt;
      const item: WaitingItem = { entry, id: key.id!, doctorId, key };
      this.waiting.splice(upperBound(this.waiting, (w) => compareForCalling(w.key, key, at) < 0), 0, item);
      this.noteDue(key);
      this.countWaiting(doctorId, 1);
    }
  }

  private remove(id: number, placement: Placement): void {
    this.totals.add(placement.part, -1);
    const { doctorId } = placement;
    if (doctorId !== null) {
      const count = (this.doctorEntries.get(doctorId) ?? 1) - 1;
      if (count > 0) this.doctorEntries.set(doctorId, count);
      else this.doctorEntries.delete(doctorId);
      this.doctorTotals.get(doctorId)?.add(placement.part, -1);
      this.withDoctor.get(doctorId)?.delete(id);
      if (placement.pace) {
        const list = this.paces.get(doctorId) ?? [];
        const at = list.findIndex((p) => p.id === id);
        if (at >= 0) list.splice(at, 1);
      }
    }
    if (placement.calledAt !== null) {
      const at = this.calls.findIndex((c) => c.id === id);
      if (at >= 0) this.calls.splice(at, 1);
    }
    if (placement.status === 'waiting') {
      const at = this.waiting.findIndex((w) => w.id === id);
      if (at >= 0) this.waiting.splice(at, 1);
      this.countWaiting(doctorId, -1);
    }
    const appointmentId = this.entries.get(id)?.appointmentId;
    if (appointmentId) {
      const count = (this.appointmentEntries.get(appointmentId) ?? 1) - 1;
      if (count > 0) this.appointmentEntries.set(appointmentId, count);
      else this.appointmentEntries.delete(appointmentId);
    }
    const key = this.entries.get(id)?.idempotencyKey;
    if (key && this.keys.get(key) === id) this.keys.delete(key);
    this.placements.delete(id);
    this.entries.delete(id);
  }

  private countWaiting(doctorId: number | null, delta: 1 | -1): void {
    if (doctorId === null) this.waitingShared += delta;
    else this.waitingNamed.set(doctorId, (this.waitingNamed.get(doctorId) ?? 0) + delta);
  }

  private noteDue(key: Orderable): void {
    const starts = key.appointmentStartsAt?.getTime();
    if (starts !== undefined && starts > this.orderedAt.getTime() && starts < this.nextDue) this.nextDue = starts;
  }
}

/** The first index whose item does not satisfy `before` (items satisfying it come first): a binary search. */
function upperBound<T>(items: readonly T[], before: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (before(items[mid])) low = mid + 1;
    else high = mid;
  }
  return low;
}
