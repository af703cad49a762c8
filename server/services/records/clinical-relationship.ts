import { Op } from 'sequelize';
import { MedicalRecord, QueueEntry } from '../../models';

/**
 * Who has a clinical relationship with a patient: the one place that decides whether a doctor may read a patient's
 * clinical summary (issue 11). Every rule rests on something only clinical work creates. A queue entry alone is not
 * one: anyone can create a waiting entry for any patient (a public or staff check-in), so "the patient is in my
 * department's queue" must never open their blood group, allergies and insurance.
 *
 * 1. Treating now: the patient is called or in consultation with this doctor (calling is the doctor's own act, and
 *    it shows on the waiting-room display). Opens the whole history, every department's.
 * 2. Signed for: this doctor signed a consultation record for the patient. Opens their department's visits.
 * 3. Seen by the department: a visit of the patient in this doctor's department reached a consultation
 *    (in consultation now, or completed). Opens their department's visits.
 * Anything else is no relationship: the patient is answered as "not found", exactly like a patient who does not
 * exist, unless the doctor records a reason (break the glass, audited).
 */
export type ClinicalRelationship = 'treating_now' | 'signed_for' | 'seen_by_department';

/** Visit statuses that only a doctor's consultation produces. */
const CONSULTED = ['in_consultation', 'completed'] as const;

/** Rule 1: the patient is called or in consultation with this doctor right now. */
export async function isTreatingNow(doctor: { id: number }, patientId: number): Promise<boolean> {
  const visit = await QueueEntry.findOne({
    where: { patientId, doctorId: doctor.id, status: ['called', 'in_consultation'] },
    attributes: ['id'],
  });
  return visit !== null;
}

/** Rule 2: this doctor signed a consultation record for the patient. */
async function hasSignedFor(doctor: { id: number }, patientId: number): Promise<boolean> {
  const record = await MedicalRecord.findOne({ where: { patientId, doctorId: doctor.id, status: 'signed' }, attributes: ['id'] });
  return record !== null;
}

/** Rule 3: a visit in the doctor's department (or with the doctor) reached a consultation. */
async function seenByDepartment(doctor: { id: number; departmentId: number }, patientId: number): Promise<boolean> {
  const visit = await QueueEntry.findOne({
    where: {
      patientId,
      status: [...CONSULTED],
      [Op.or]: [{ doctorId: doctor.id }, { departmentId: doctor.departmentId }],
    },
    attributes: ['id'],
  });
  return visit !== null;
}

/** The strongest relationship `doctor` has with the patient, or null for none. */
export async function clinicalRelationship(
  doctor: { id: number; departmentId: number },
  patientId: number,
): Promise<ClinicalRelationship | null> {
  if (await isTreatingNow(doctor, patientId)) return 'treating_now';
  if (await hasSignedFor(doctor, patientId)) return 'signed_for';
  if (await seenByDepartment(doctor, patientId)) return 'seen_by_department';
  return null;
}
