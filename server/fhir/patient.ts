import type { Patient as FhirPatient } from 'fhir/r4';
import type { Patient } from '../models';
import { IDENTIFIER_TYPE, meta, MRN_SYSTEM } from './codes';

/**
 * A patient's profile as a FHIR Patient: the medical record number as the MR identifier, the name as recorded
 * (MediQueue keeps one full name, so it goes in `name.text`), sex as administrative gender, birth date and phone.
 */
export function toFhirPatient(patient: Patient): FhirPatient {
  return {
    resourceType: 'Patient',
    id: String(patient.id),
    meta: meta(patient.updatedAt),
    identifier: [
      {
        use: 'usual',
        type: { coding: [{ system: IDENTIFIER_TYPE, code: 'MR', display: 'Medical record number' }] },
        system: MRN_SYSTEM,
        value: patient.medicalRecordNumber,
      },
    ],
    active: true,
    name: [{ use: 'official', text: patient.fullName }],
    // MediQueue's sexes are FHIR's administrative genders, word for word.
    gender: patient.sex,
    birthDate: patient.dateOfBirth,
    ...(patient.phone ? { telecom: [{ system: 'phone' as const, value: patient.phone, use: 'mobile' as const }] } : {}),
  };
}
