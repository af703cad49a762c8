import type { Condition } from 'fhir/r4';
import type { MedicalRecord } from '../models';
import { icd10Entry } from '../services/records/icd10';
import { CONDITION_CATEGORY, CONDITION_CLINICAL, CONDITION_VERIFICATION, ICD10, instant, meta, ref } from './codes';

/** True when a record states a diagnosis (in words, as a code, or both). */
export const hasDiagnosis = (record: MedicalRecord) => Boolean(record.diagnosis || record.icd10Code);

/**
 * A signed record's diagnosis as a FHIR Condition (id: the record's): an encounter diagnosis, coded in ICD-10 when the
 * doctor chose a code, with the doctor's words as text. Recorded when the record was signed.
 */
export function toFhirCondition(record: MedicalRecord): Condition {
  const entry = record.icd10Code ? icd10Entry(record.icd10Code) : undefined;
  return {
    resourceType: 'Condition',
    id: String(record.id),
    meta: meta(record.updatedAt),
    clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: 'active' }] },
    verificationStatus: { coding: [{ system: CONDITION_VERIFICATION, code: 'confirmed' }] },
    category: [{ coding: [{ system: CONDITION_CATEGORY, code: 'encounter-diagnosis', display: 'Encounter Diagnosis' }] }],
    code: {
      ...(record.icd10Code ? { coding: [{ system: ICD10, code: record.icd10Code, ...(entry ? { display: entry.title } : {}) }] } : {}),
      ...(record.diagnosis || entry ? { text: record.diagnosis ?? entry!.title } : {}),
    },
    subject: ref('Patient', record.patientId),
    encounter: ref('Encounter', record.queueEntryId),
    recordedDate: instant(record.signedAt!),
    recorder: ref('Practitioner', record.doctorId),
  };
}
