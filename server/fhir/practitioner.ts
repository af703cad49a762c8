import type { Practitioner } from 'fhir/r4';
import type { DoctorProfile } from '../models';
import { LICENCE_SYSTEM, meta } from './codes';

/** A doctor (profile and account; `user` loaded) as a FHIR Practitioner: licence number, name, specialty. */
export function toFhirPractitioner(doctor: DoctorProfile): Practitioner {
  const user = doctor.user!;
  const updated = user.updatedAt > doctor.updatedAt ? user.updatedAt : doctor.updatedAt;
  return {
    resourceType: 'Practitioner',
    id: String(doctor.id),
    meta: meta(updated),
    identifier: [{ system: LICENCE_SYSTEM, value: doctor.licenseNumber }],
    active: user.active,
    name: [{ use: 'official', text: user.fullName }],
    qualification: [{ code: { text: doctor.specialization } }],
  };
}
