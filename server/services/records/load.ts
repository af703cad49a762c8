import type { Transaction } from 'sequelize';
import { notFound } from '../../errors';
import { DoctorProfile, MedicalRecord, Patient, PrescriptionItem, QueueEntry, RecordAddendum, User } from '../../models';

const PERSON = ['id', 'fullName', 'role'];

/**
 * A record with everything the presenter shows: the doctor (and their name), the patient (for allergy matches), the
 * visit, prescription rows and addenda (each with its author) and the signer. Rows and addenda are sorted here, so
 * the order does not depend on the database.
 */
export async function loadRecord(id: number, transaction?: Transaction): Promise<MedicalRecord> {
  const record = await MedicalRecord.findByPk(id, {
    include: [
      { model: DoctorProfile, as: 'doctor', include: [{ model: User, as: 'user', attributes: PERSON }] },
      { model: Patient, as: 'patient' },
      { model: QueueEntry, as: 'queueEntry' },
      { model: PrescriptionItem, as: 'prescriptionItems' },
      { model: RecordAddendum, as: 'addenda', include: [{ model: User, as: 'author', attributes: PERSON }] },
      { model: User, as: 'signer', attributes: PERSON },
    ],
    transaction,
  });
  if (!record) throw notFound('That record');
  record.prescriptionItems?.sort((a, b) => a.position - b.position || a.id - b.id);
  record.addenda?.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
  return record;
}

/** A record with its visit only (for access checks before any work). */
export async function findRecord(id: number): Promise<MedicalRecord> {
  const record = await MedicalRecord.findByPk(id, { include: [{ model: QueueEntry, as: 'queueEntry' }] });
  if (!record) throw notFound('That record');
  return record;
}
