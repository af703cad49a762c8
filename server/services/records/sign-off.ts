import type { Transaction } from 'sequelize';
import { conflict, forbidden, notFound } from '../../errors';
import { MedicalRecord, QueueEntry, RecordAddendum } from '../../models';
import { inTransaction } from '../../db/transaction';
import { enqueueEvent } from '../../webhooks/outbox';
import { loadEntry } from '../../queue/commands/entries';
import { authorizeRecordRead, assertMayWriteRecord, auditRecord, resolveStaff, type RecordStaff } from './access';
import type { RecordRequester, RecordsContext } from './context';
import { assertComplete, recordSigned, staleDraft } from './drafts';
import { findRecord, loadRecord } from './load';

/** The signed record, the completed visit and the patient called next (null when nobody was waiting). */
export interface SignOffResult {
  record: MedicalRecord;
  completed: QueueEntry;
  called: QueueEntry | null;
}

/** Visits that are already over: their record is signed on its own, nobody is called. */
const ENDED = new Set(['completed', 'transferred']);

/**
 * Signs a record and, when the visit is still open, completes it and calls the doctor's next patient: ONE
 * transaction (the queue engine's completeAndCallNext, with the signing run `alongside`), so a failure anywhere
 * (an incomplete or stale record, a stale queue view, the database) leaves the record a draft, the patient in
 * consultation and nobody called. The display announces the next call after commit (the queue broadcaster).
 *
 * A visit already completed from the queue panel (or transferred) is signed on its own.
 */
export async function signRecord(
  ctx: RecordsContext,
  id: number,
  revision: number,
  expectedVersion: number,
  requester: RecordRequester,
): Promise<SignOffResult> {
  const staff = await resolveStaff(requester);
  const found = await findRecord(id);
  assertMayWriteRecord(staff, found);
  const entry = found.queueEntry!;
  const signInside = (transaction: Transaction) => sign(ctx, staff, id, revision, transaction);

  if (ENDED.has(entry.status)) {
    await inTransaction(ctx.sequelize, signInside);
    return { record: await loadRecord(id), completed: await loadEntry(entry.id), called: null };
  }
  const { completed, called } = await ctx.queue.completeAndCallNext(entry.id, expectedVersion, requester.user, {
    alongside: (transaction) => signInside(transaction),
  });
  return { record: await loadRecord(id), completed, called };
}

/** Locks the record, checks it can be signed as the doctor saw it, and signs it. */
async function sign(ctx: RecordsContext, staff: RecordStaff, id: number, revision: number, transaction: Transaction) {
  const record = await MedicalRecord.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
  if (!record) throw notFound('That record');
  if (record.status === 'signed') throw recordSigned();
  // The doctor signs what their screen shows: a newer save from another tab must be seen first.
  if (record.revision !== revision) throw staleDraft();
  assertComplete(record);
  record.set({ status: 'signed', signedAt: ctx.now(), signedBy: staff.userId, revision: record.revision + 1 });
  await record.save({ transaction });
  await auditRecord(staff, 'record.sign', record, transaction, { queueEntryId: record.queueEntryId, revision: record.revision });
  // The webhook outbox row commits with the signature or not at all.
  await enqueueEvent(transaction, 'record.signed', {
    public: { recordId: record.id, ticketId: record.queueEntryId, signedAt: record.signedAt!.toISOString() },
    clinical: { patientId: record.patientId, doctorId: record.doctorId, encounter: `Encounter/${record.queueEntryId}` },
  }, ctx.now());
}

/**
 * Adds an addendum to a signed record: the correction, with its author and time, never edited afterwards. Any
 * doctor who may read the record may add one; admins read only, reception sees no records.
 */
export async function addAddendum(
  ctx: RecordsContext,
  id: number,
  text: string,
  requester: RecordRequester,
): Promise<MedicalRecord> {
  const staff = await resolveStaff(requester);
  const found = await findRecord(id);
  const basis = await authorizeRecordRead(staff, found);
  if (!staff.doctor) throw forbidden('Only doctors add addenda to consultation records.');
  // Reading a patient's history from another department does not make its records theirs to correct.
  if (basis !== 'own_department') throw forbidden("Only doctors of the visit's department add addenda to its record.");
  await inTransaction(ctx.sequelize, async (transaction) => {
    const record = await MedicalRecord.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!record) throw notFound('That record');
    if (record.status !== 'signed') {
      throw conflict('record_not_signed', 'This record is still a draft: change it directly instead of adding an addendum.');
    }
    const addendum = await RecordAddendum.create({ medicalRecordId: id, authorId: staff.userId, text }, { transaction });
    await auditRecord(staff, 'record.addendum', record, transaction, { addendumId: addendum.id });
  });
  return loadRecord(id);
}
