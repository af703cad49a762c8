import { UniqueConstraintError } from 'sequelize';
import { bloodPressureProblem } from '../../../common/record-fields';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../errors';
import { MedicalRecord, Patient, PrescriptionItem, QueueEntry } from '../../models';
import { inTransaction } from '../../db/transaction';
import { assertMayWriteRecord, auditRecord, authorizeRecordRead, resolveStaff, type RecordStaff } from './access';
import type { RecordRequester, RecordsContext } from './context';
import { changedFields, mergeDraft, stateOf, type DraftChanges, type DraftState } from './draft-state';
import { applyItems, planItems } from './items';
import { findRecord, loadRecord } from './load';

/** A draft can be started while the patient is with the doctor. */
const ACTIVE = new Set(['called', 'in_consultation']);

/** 409 `stale_draft`: the save is based on an older revision than the stored one. */
export function staleDraft() {
  return conflict(
    'stale_draft',
    'This record was changed elsewhere (another tab or device) since your screen loaded it. Reload it to see the newest version.',
  );
}

/** 409 `record_signed`: signed records change only through addenda. */
export function recordSigned() {
  return conflict('record_signed', 'This record has been signed and can no longer be changed. Add an addendum instead.');
}

/**
 * The record of a visit for the doctor serving it: the existing one (a read), or a new draft (201). A doctor who
 * reloads the console gets the same draft back. Two simultaneous opens create one record: the unique key on the
 * visit refuses the second insert, which then reads the first.
 */
export async function openRecord(
  ctx: RecordsContext,
  queueEntryId: number,
  requester: RecordRequester,
): Promise<{ record: MedicalRecord; created: boolean }> {
  const staff = await resolveStaff(requester);
  if (!staff.doctor) throw forbidden('Only doctors write consultation records.');
  const entry = await QueueEntry.findByPk(queueEntryId);
  if (!entry) throw notFound('That queue entry');
  if (entry.doctorId !== staff.doctor.id) throw forbidden('Only the doctor serving this patient can open their record.');

  const existing = await MedicalRecord.findOne({ where: { queueEntryId } });
  if (existing) return { record: await readExisting(staff, existing.id), created: false };
  if (!ACTIVE.has(entry.status)) {
    throw conflict('visit_not_active', `${entry.token} is not with you now, so a new record cannot be started for it.`);
  }
  if (!entry.patientId) {
    throw conflict('no_patient', `${entry.token} is an anonymous walk-in. Find or register the patient first (on your console, or at reception).`);
  }
  const patientId = entry.patientId;
  try {
    const id = await inTransaction(ctx.sequelize, async (transaction) => {
      const record = await MedicalRecord.create({ queueEntryId, patientId, doctorId: staff.doctor!.id }, { transaction });
      await auditRecord(staff, 'record.create', record, transaction, { queueEntryId, token: entry.token });
      return record.id;
    });
    return { record: await loadRecord(id), created: true };
  } catch (error) {
    if (!(error instanceof UniqueConstraintError)) throw error;
    const winner = await MedicalRecord.findOne({ where: { queueEntryId } });
    if (!winner) throw error;
    return { record: await readExisting(staff, winner.id), created: false };
  }
}

async function readExisting(staff: RecordStaff, id: number, reason?: string): Promise<MedicalRecord> {
  const record = await loadRecord(id);
  const basis = await authorizeRecordRead(staff, record, reason);
  await auditRecord(staff, 'record.read', record, undefined, { basis, ...(basis === 'reason' ? { reason: reason!.trim() } : {}) });
  return record;
}

/**
 * Reads a record. Every read is audited with its basis (and reason); a refused one too, as `record.read_refused`:
 * 403 for reception, and for a doctor outside the visit's department who is not seeing the patient now and gave no
 * reason (`reason_required`).
 */
export async function readRecord(id: number, requester: RecordRequester, reason?: string): Promise<MedicalRecord> {
  const staff = await resolveStaff(requester);
  await authorizeRecordRead(staff, await findRecord(id), reason);
  return readExisting(staff, id, reason);
}

/**
 * Saves (autosaves) a draft: PUT and PATCH both come here, PUT with every field. Safe to repeat: a save that would
 * change nothing answers the stored record whatever its revision (a retry after a lost response, a duplicate
 * autosave). A save that changes something must be based on the stored revision, so an older autosave arriving late
 * never overwrites a newer one (409 `stale_draft`). Each change bumps the revision and is audited with the names of
 * the fields changed (never their values).
 */
export async function saveDraft(
  ctx: RecordsContext,
  id: number,
  revision: number,
  changes: DraftChanges,
  confirmAllergy: boolean,
  requester: RecordRequester,
): Promise<MedicalRecord> {
  const staff = await resolveStaff(requester);
  assertMayWriteRecord(staff, await findRecord(id));
  await inTransaction(ctx.sequelize, async (transaction) => {
    const record = await MedicalRecord.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!record) throw notFound('That record');
    if (record.status === 'signed') throw recordSigned();
    const stored = await PrescriptionItem.findAll({ where: { medicalRecordId: id }, transaction });
    const before = stateOf(record, stored);
    const after = mergeDraft(before, changes);
    const changed = changedFields(before, after);
    if (!changed.length) return;
    if (record.revision !== revision) throw staleDraft();
    checkDraft(after);

    let confirmations: { medicine: string; allergies: string[] }[] = [];
    if (changed.includes('items')) {
      const patient = await Patient.findByPk(record.patientId, { transaction });
      const plan = planItems(stored, after.items, patient?.allergies ?? null, confirmAllergy);
      await applyItems(id, plan, transaction);
      confirmations = plan.confirmations;
    }
    record.set({ ...after.vitals, ...textFields(after), revision: record.revision + 1 });
    await record.save({ transaction });
    await auditRecord(staff, 'record.update', record, transaction, { revision: record.revision, fields: changed });
    for (const confirmation of confirmations) {
      await auditRecord(staff, 'prescription.allergy_confirmed', record, transaction, { ...confirmation });
    }
  });
  return loadRecord(id);
}

function textFields(state: DraftState) {
  return {
    chiefComplaint: state.chiefComplaint,
    diagnosis: state.diagnosis,
    icd10Code: state.icd10Code,
    notes: state.notes,
  };
}

/** Checks that hold across fields, on the draft as it would be after the save (a PATCH may send only one of them). */
function checkDraft(state: DraftState): void {
  const problem = bloodPressureProblem(state.vitals.bpSystolicMmhg, state.vitals.bpDiastolicMmhg);
  if (problem) throw validationFailed([{ path: 'vitals.bpDiastolicMmhg', message: problem }]);
}

/** 422 `record_incomplete` unless the record can be signed: it needs a diagnosis. */
export function assertComplete(record: MedicalRecord): void {
  if (!record.diagnosis?.trim()) {
    throw new AppError(422, 'record_incomplete', 'Add a diagnosis before signing the record.', [
      { path: 'diagnosis', message: 'A diagnosis is required to sign the record.' },
    ]);
  }
}
