import type { Sequelize, Transaction } from 'sequelize';
import { AppError, conflict, notFound, validationFailed } from '../../errors';
import { QueueEntry } from '../../models';
import { audit } from '../../services/audit';
import { clinicDay } from '../../services/clinic-time';
import { assertMayActForDoctor, assertMayActOnEntry, requireStaff, resolveActor, type StaffActor } from './access';
import { assertDoctorFree, claimNext, lockDoctor, lockFreeDoctor } from './calling';
import { attachPatient } from './attach-patient';
import { checkInAppointment } from './appointment-check-in';
import { checkInWalkIn, type WalkInContact } from './check-in';
import { WalkInBatches } from './walk-in-batches';
import type { CheckedIn } from './idempotency';
import { queueTransaction, type QueueContext } from './context';
import { checkVersion, followAppointment, loadEntry, lockEntry, newestOfVisit, saveEntry, staleError } from './entries';
import { applyStep, assertStep, type QueueStep } from '../rules/transitions';
import { checkTransferTarget, transferEntry, type TransferTarget } from './transfer';
import type { LiveQueue } from '../read-model/live-queue';
import type { Actor, AppointmentInput, QueueNotifier, WalkInInput } from '../types';
import type { PhoneCountrySource } from '../../services/phone';
import { systemNow } from '../../clock';

/** The result of a sign-off: the completed visit and the patient called next (null when nobody was waiting). */
export interface CompleteAndCallNextResult {
  completed: QueueEntry;
  called: QueueEntry | null;
}

/** Extra work to run inside completeAndCallNext's transaction (issue 6's sign-off signs the record here). */
export interface CompleteAndCallNextOptions {
  /** Runs after the entry is completed and before the next patient is called; throwing undoes all of it. */
  alongside?: (transaction: Transaction, completed: QueueEntry) => Promise<void>;
}

/**
 * The live queue engine: check-in and every step of a visit, each in one transaction that re-runs safely on a
 * deadlock (inTransaction). Each step checks who is acting, locks what it changes, refuses a stale view (`stale`)
 * or an impossible step (`invalid_transition`), stamps the time, writes the audit row, and tells the notifier once
 * (which broadcasts after commit). Entries are returned with everything presenters need (entryIncludes).
 */
export class QueueService {
  private readonly ctx: QueueContext;

  constructor(
    sequelize: Sequelize,
    options: {
      timeZone: string;
      live?: LiveQueue;
      country?: PhoneCountrySource;
      /** Write anonymous walk-ins in batches (walk-in-batches.ts); on by default with the live model. */
      batchWalkIns?: boolean;
      /** Runs inside each command's transaction before it commits (the webhook outbox). */
      beforeCommit?: (transaction: Transaction) => Promise<void>;
    },
    notifier: QueueNotifier,
    now: () => Date = systemNow,
  ) {
    this.ctx = { sequelize, timeZone: options.timeZone, country: options.country, notifier, now, live: options.live, beforeCommit: options.beforeCommit };
    if (options.live && options.batchWalkIns !== false) this.ctx.batches = new WalkInBatches(this.ctx);
  }

  /** Resolves once the walk-ins waiting to be written have been written or refused (for an orderly shutdown). */
  async idle(): Promise<void> {
    await this.ctx.batches?.idle();
  }

  /**
   * A walk-in at the kiosk (actor null) or the desk. Returns the same ticket for a repeated idempotency key.
   * `contact` is what a kiosk walk-in typed for reception.
   */
  async checkInWalkIn(input: WalkInInput, actor: Actor, contact?: WalkInContact): Promise<QueueEntry> {
    return (await this.issueWalkIn(input, actor, contact)).entry;
  }

  /** As checkInWalkIn, and tells whether this call created the ticket (false: a retry of an earlier one). */
  async issueWalkIn(input: WalkInInput, actor: Actor, contact?: WalkInContact): Promise<CheckedIn> {
    return checkInWalkIn(this.ctx, input, await resolveActor(actor, this.ctx.live), contact);
  }

  /**
   * Reception names the registered patient an anonymous walk-in turned out to be (see attach-patient.ts): 404 for
   * an unknown entry or patient, 409 `patient_already_set` when the entry has a patient.
   */
  async attachPatient(entryId: number, patientId: number, actor: Actor): Promise<QueueEntry> {
    return attachPatient(this.ctx, entryId, patientId, requireStaff(await resolveActor(actor, this.ctx.live)));
  }

  /** An appointment check-in by booking code or by phone and date of birth; see check-in.ts for the refusals. */
  async checkInAppointment(input: AppointmentInput, actor: Actor): Promise<QueueEntry> {
    return (await checkInAppointment(this.ctx, input, await resolveActor(actor, this.ctx.live))).entry;
  }

  /**
   * Calls the next patient for a doctor (by the ordering rule, from their own and their department's shared
   * entries). `doctorId` may be left out when the actor is a doctor. 409 `doctor_busy` while the doctor still has a
   * patient called or in consultation, 409 `queue_empty` when nobody is waiting.
   */
  async callNext(doctorId: number | undefined, actor: Actor): Promise<QueueEntry> {
    const resolved = await resolveActor(actor, this.ctx.live);
    const forDoctor = this.doctorOf(doctorId, resolved);
    const staff = assertMayActForDoctor(resolved, forDoctor);
    return queueTransaction(this.ctx, async (transaction) => {
      const now = this.ctx.now();
      const day = clinicDay(now, this.ctx.timeZone);
      const doctor = await lockFreeDoctor(this.ctx, forDoctor, day, now, transaction);
      const called = await claimNext(this.ctx, doctor, day, now, transaction);
      if (!called) throw conflict('queue_empty', 'No one is waiting for you right now.');
      await this.audit(staff, 'call_next', called, transaction);
      this.ctx.notifier.changed(transaction, { departmentIds: [called.departmentId], called, entries: [called] });
      return called;
    });
  }

  /**
   * Calls one waiting token out of order for a doctor. The entry must be the doctor's own or in their department's
   * shared queue; the doctor must be free, as for callNext.
   */
  async callToken(entryId: number, expectedVersion: number, doctorId: number | undefined, actor: Actor): Promise<QueueEntry> {
    const resolved = await resolveActor(actor, this.ctx.live);
    const forDoctor = this.doctorOf(doctorId, resolved);
    const staff = assertMayActForDoctor(resolved, forDoctor);
    return queueTransaction(this.ctx, async (transaction) => {
      const now = this.ctx.now();
      // Doctor first, then the entry: the same lock order as callNext, so the two cannot deadlock each other.
      const doctor = await lockDoctor(forDoctor, transaction);
      const entry = await lockEntry(entryId, transaction);
      assertMayActOnEntry(staff, entry);
      checkVersion(entry, expectedVersion);
      assertStep(entry, 'call');
      if (entry.doctorId !== doctor.id && !(entry.doctorId === null && entry.departmentId === doctor.departmentId)) {
        throw conflict('wrong_doctor', `${entry.token} is waiting for another doctor. Transfer it first to call it here.`);
      }
      await assertDoctorFree(doctor, clinicDay(now, this.ctx.timeZone), transaction);
      applyStep(entry, 'call', now);
      entry.doctorId = doctor.id;
      await saveEntry(entry, transaction);
      await this.audit(staff, 'call_token', entry, transaction);
      const result = await loadEntry(entry.id, transaction);
      this.ctx.notifier.changed(transaction, { departmentIds: [entry.departmentId], called: result, entries: [result] });
      return result;
    });
  }

  /** Announces a called token again (counts recalls). */
  recall(entryId: number, expectedVersion: number, actor: Actor): Promise<QueueEntry> {
    return this.step(entryId, expectedVersion, actor, 'recall');
  }

  /** Marks a called patient as a no-show; they can be returned to the queue later. */
  skip(entryId: number, expectedVersion: number, actor: Actor): Promise<QueueEntry> {
    return this.step(entryId, expectedVersion, actor, 'skip');
  }

  /** Puts a skipped patient back in the queue at their original place (their check-in time is kept). */
  returnToQueue(entryId: number, expectedVersion: number, actor: Actor): Promise<QueueEntry> {
    return this.step(entryId, expectedVersion, actor, 'return_to_queue');
  }

  /** The called patient is in the room. */
  startConsultation(entryId: number, expectedVersion: number, actor: Actor): Promise<QueueEntry> {
    return this.step(entryId, expectedVersion, actor, 'start_consultation');
  }

  /** The visit is over (also completes the appointment). */
  complete(entryId: number, expectedVersion: number, actor: Actor): Promise<QueueEntry> {
    return this.step(entryId, expectedVersion, actor, 'complete');
  }

  /** Staff cancel a waiting, called or skipped entry (and its appointment). */
  cancel(entryId: number, expectedVersion: number, actor: Actor): Promise<QueueEntry> {
    return this.step(entryId, expectedVersion, actor, 'cancel');
  }

  /**
   * Sends the visit to another department or doctor; returns the NEW entry that continues it (see transfer.ts).
   * 422 without a target or a reason, 409 `same_queue` for the queue it is already in.
   */
  async transfer(entryId: number, expectedVersion: number, target: TransferTarget, actor: Actor): Promise<QueueEntry> {
    const staff = requireStaff(await resolveActor(actor, this.ctx.live));
    checkTransferTarget(target);
    return queueTransaction(this.ctx, async (transaction) => {
      const now = this.ctx.now();
      const entry = await lockEntry(entryId, transaction);
      assertMayActOnEntry(staff, entry);
      checkVersion(entry, expectedVersion);
      assertStep(entry, 'transfer');
      const next = await transferEntry(this.ctx, entry, target, now, transaction);
      await this.audit(staff, 'transfer', entry, transaction, {
        toEntryId: next.id,
        toToken: next.token,
        toDepartmentId: next.departmentId,
        toDoctorId: next.doctorId,
        reason: target.reason.trim(),
      });
      const result = await loadEntry(next.id, transaction);
      this.ctx.notifier.changed(transaction, {
        departmentIds: unique([entry.departmentId, next.departmentId]),
        entries: [entry, result],
      });
      return result;
    });
  }

  /**
   * The patient leaves, from their own ticket page (no sign-in: the code is the secret). Follows a transfer to the
   * visit's current entry; allowed while waiting, called or skipped.
   */
  async cancelByPublicCode(publicCode: string): Promise<QueueEntry> {
    const found = await this.findByPublicCode(publicCode);
    if (!found) throw notFound('That ticket');
    return queueTransaction(this.ctx, async (transaction) => {
      const entry = await lockEntry(found.id, transaction);
      applyStep(entry, 'cancel', this.ctx.now());
      await saveEntry(entry, transaction);
      await followAppointment(entry, 'cancel', transaction);
      await audit(
        {
          userId: null,
          action: 'queue.cancel',
          entityType: 'queue_entry',
          entityId: entry.id,
          patientId: entry.patientId ?? undefined,
          details: { token: entry.token, by: 'patient' },
        },
        transaction,
      );
      const result = await loadEntry(entry.id, transaction);
      this.ctx.notifier.changed(transaction, { departmentIds: [entry.departmentId], entries: [result] });
      return result;
    });
  }

  /**
   * Completes a visit and calls the doctor's next patient in ONE transaction (the sign-off of issue 6; `alongside`
   * runs in the same transaction). When nobody is waiting the completion still stands and `called` is null.
   */
  async completeAndCallNext(
    entryId: number,
    expectedVersion: number,
    actor: Actor,
    options: CompleteAndCallNextOptions = {},
  ): Promise<CompleteAndCallNextResult> {
    const staff = requireStaff(await resolveActor(actor, this.ctx.live));
    // Whose next patient to call is read first, outside, so the transaction can lock the doctor before the entry
    // (the lock order of callNext and callToken). Checked again under the lock.
    const seen = await QueueEntry.findByPk(entryId);
    if (!seen) throw notFound('That queue entry');
    assertMayActOnEntry(staff, seen);
    if (seen.doctorId === null) {
      assertStep(seen, 'complete');
      throw conflict('invalid_transition', `${seen.token} has not been called by a doctor, so it cannot be completed.`);
    }
    const doctorId = seen.doctorId;
    return queueTransaction(this.ctx, async (transaction) => {
      const now = this.ctx.now();
      const doctor = await lockDoctor(doctorId, transaction);
      const entry = await lockEntry(entryId, transaction);
      if (entry.doctorId !== doctorId) throw staleError();
      checkVersion(entry, expectedVersion);
      applyStep(entry, 'complete', now);
      await saveEntry(entry, transaction);
      await followAppointment(entry, 'complete', transaction);
      await this.audit(staff, 'complete', entry, transaction);
      await options.alongside?.(transaction, entry);

      const day = clinicDay(now, this.ctx.timeZone);
      let called: QueueEntry | null = null;
      try {
        await assertDoctorFree(doctor, day, transaction);
        called = await claimNext(this.ctx, doctor, day, now, transaction);
      } catch (error) {
        // Another patient of this doctor still called: the completion stands, nobody new is called.
        if (!(error instanceof AppError && error.id === 'doctor_busy')) throw error;
      }
      if (called) await this.audit(staff, 'call_next', called, transaction);
      const completed = await loadEntry(entry.id, transaction);
      this.ctx.notifier.changed(transaction, {
        departmentIds: unique([entry.departmentId, ...(called ? [called.departmentId] : [])]),
        called: called ?? undefined,
        entries: called ? [completed, called] : [completed],
      });
      return { completed, called };
    });
  }

  /** A ticket by its public code, following transfers to the visit's newest entry; null when unknown. */
  async findByPublicCode(publicCode: string): Promise<QueueEntry | null> {
    const entry = await QueueEntry.findOne({ where: { publicCode } });
    if (!entry) return null;
    return loadEntry((await newestOfVisit(entry)).id);
  }

  /** One step on one entry by staff: lock, check who and which version, apply, save, follow, audit, notify. */
  private async step(entryId: number, expectedVersion: number, actor: Actor, step: QueueStep): Promise<QueueEntry> {
    const staff = requireStaff(await resolveActor(actor, this.ctx.live));
    return queueTransaction(this.ctx, async (transaction) => {
      const entry = await lockEntry(entryId, transaction);
      assertMayActOnEntry(staff, entry);
      checkVersion(entry, expectedVersion);
      const from = entry.status;
      applyStep(entry, step, this.ctx.now());
      await saveEntry(entry, transaction);
      await followAppointment(entry, step, transaction);
      await this.audit(staff, step, entry, transaction, { from });
      const result = await loadEntry(entry.id, transaction);
      this.ctx.notifier.changed(transaction, {
        departmentIds: [entry.departmentId],
        called: step === 'recall' ? result : undefined,
        entries: [result],
      });
      return result;
    });
  }

  /** The doctor a call is for: as given, or the acting doctor's own profile. */
  private doctorOf(doctorId: number | undefined, staff: StaffActor | null): number {
    const id = doctorId ?? staff?.doctor?.id;
    if (id === undefined) {
      requireStaff(staff);
      throw validationFailed([{ path: 'doctorId', message: 'Choose the doctor who is calling.' }]);
    }
    return id;
  }

  private async audit(
    staff: StaffActor,
    action: string,
    entry: QueueEntry,
    transaction: Transaction,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await audit(
      {
        userId: staff.userId,
        action: `queue.${action}`,
        entityType: 'queue_entry',
        entityId: entry.id,
        patientId: entry.patientId ?? undefined,
        details: { token: entry.token, ...details },
      },
      transaction,
    );
  }
}

function unique(ids: number[]): number[] {
  return [...new Set(ids)];
}
