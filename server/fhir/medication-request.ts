import type { MedicationRequest } from 'fhir/r4';
import type { MedicalRecord, PrescriptionItem } from '../models';
import { instant, meta, ref } from './codes';
import { toDosage } from './dosage';

/**
 * One line of a signed record's prescription as a FHIR MedicationRequest (id: the line's): an order by the doctor who
 * signed, authored at the signature, the medicine as written, with a structured dosage where the line has one.
 * Status `active`: MediQueue issues prescriptions and does not follow their dispensing.
 */
export function toFhirMedicationRequest(item: PrescriptionItem, record: MedicalRecord): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: String(item.id),
    meta: meta(record.updatedAt),
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: { text: item.medicine },
    subject: ref('Patient', record.patientId),
    encounter: ref('Encounter', record.queueEntryId),
    authoredOn: instant(record.signedAt!),
    requester: ref('Practitioner', record.doctorId),
    dosageInstruction: [toDosage(item)],
  };
}
