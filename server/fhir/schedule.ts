import type { Schedule } from 'fhir/r4';
import type { DoctorProfile } from '../models';
import { meta, ref } from './codes';

/**
 * A doctor's bookable time as a FHIR Schedule: one per doctor (id: the doctor's), whose Slots are the generated time
 * slots; active while the doctor's account is.
 */
export function toFhirSchedule(doctor: DoctorProfile): Schedule {
  return {
    resourceType: 'Schedule',
    id: String(doctor.id),
    meta: meta(doctor.updatedAt),
    active: doctor.user?.active ?? true,
    ...(doctor.department ? { serviceType: [{ text: doctor.department.name }] } : {}),
    specialty: [{ text: doctor.specialization }],
    actor: [ref('Practitioner', doctor.id)],
  };
}
