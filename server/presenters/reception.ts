import type { ReceptionArrival } from '../../common/reception';
import type { QueueEntry } from '../models';
import { ageOn, doctorName } from '../queue/presenters';

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

/**
 * An entry as the reception desk sees it. Expects department, doctor (with user), patient and appointment (with
 * slot) loaded, as entryIncludes() does. Names and contact details, never clinical data.
 */
export function presentArrival(entry: QueueEntry, day: string): ReceptionArrival {
  const { department, doctor, patient, appointment } = entry;
  return {
    id: entry.id,
    version: entry.version,
    token: entry.token,
    publicCode: entry.publicCode,
    status: entry.status,
    priority: entry.priority,
    priorityReason: entry.priorityReason ?? null,
    department: department
      ? { id: department.id, name: department.name, prefix: department.prefix }
      : { id: entry.departmentId, name: '', prefix: '' },
    doctor: doctor ? { id: doctor.id, name: doctorName(doctor), room: doctor.room } : null,
    patient: patient
      ? { id: patient.id, fullName: patient.fullName, medicalRecordNumber: patient.medicalRecordNumber, age: ageOn(patient.dateOfBirth, day) }
      : null,
    kioskFirstName: entry.firstName ?? null,
    kioskPhone: entry.contactPhone ?? null,
    appointment: appointment
      ? { id: appointment.id, bookingCode: appointment.bookingCode, startsAt: iso(appointment.slot?.startsAt) ?? '' }
      : null,
    checkedInAt: entry.checkedInAt.toISOString(),
    calledAt: iso(entry.calledAt),
    completedAt: iso(entry.completedAt),
  };
}
