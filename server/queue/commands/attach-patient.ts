import { conflict, notFound } from '../../errors';
import { Patient, QueueEntry } from '../../models';
import { audit } from '../../services/audit';
import type { StaffActor } from './access';
import { queueTransaction, type QueueContext } from './context';
import { loadEntry, lockEntry, saveEntry } from './entries';

/**
 * Names the registered patient behind an anonymous walk-in (a kiosk ticket), so the doctor's console shows the name
 * and the visit can have a record. One transaction: the entry is locked, and only an entry with no patient yet may
 * get one (409 `patient_already_set` otherwise, so two desks cannot name the same walk-in twice); a transferred
 * entry is refused in favour of the entry that continues the visit. Audited as `queue.attach_patient`; the queue
 * is broadcast after commit.
 */
export async function attachPatient(ctx: QueueContext, entryId: number, patientId: number, staff: StaffActor): Promise<QueueEntry> {
  return queueTransaction(ctx, async (transaction) => {
    const entry = await lockEntry(entryId, transaction);
    const patient = await Patient.findByPk(patientId, { transaction });
    if (!patient) throw notFound('That patient');
    if (entry.patientId !== null) {
      const current = entry.patientId === patient.id ? 'this patient' : 'another patient';
      throw conflict('patient_already_set', `${entry.token} is already checked in for ${current}.`);
    }
    if (entry.status === 'transferred') {
      const next = await QueueEntry.findOne({ where: { transferredFromId: entry.id }, transaction });
      throw conflict(
        'invalid_transition',
        `${entry.token} was transferred${next ? ` to ${next.token}` : ''}. Add the patient to the ticket the visit continues on.`,
      );
    }
    entry.patientId = patient.id;
    await saveEntry(entry, transaction);
    await audit(
      {
        userId: staff.userId,
        action: 'queue.attach_patient',
        entityType: 'queue_entry',
        entityId: entry.id,
        patientId: patient.id,
        details: { token: entry.token },
      },
      transaction,
    );
    const result = await loadEntry(entry.id, transaction);
    ctx.notifier.changed(transaction, { departmentIds: [entry.departmentId], entries: [result] });
    return result;
  });
}
