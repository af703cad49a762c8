import type { Appointment as FhirAppointment } from 'fhir/r4';
import type { Appointment } from '../models';
import type { AppointmentStatus } from '../models/appointment';
import { BOOKING_SYSTEM, instant, meta, ref } from './codes';

const STATUS: Record<AppointmentStatus, FhirAppointment['status']> = {
  booked: 'booked',
  checked_in: 'checked-in',
  in_consultation: 'arrived',
  completed: 'fulfilled',
  cancelled: 'cancelled',
  no_show: 'noshow',
};

/** A booking (its `slot` loaded) as a FHIR Appointment: the slot's times, the patient and the doctor, the booking code. */
export function toFhirAppointment(appointment: Appointment): FhirAppointment {
  const slot = appointment.slot!;
  // A cancelled or missed appointment's participants no longer come.
  const participantStatus = appointment.status === 'cancelled' || appointment.status === 'no_show' ? 'declined' : 'accepted';
  return {
    resourceType: 'Appointment',
    id: String(appointment.id),
    meta: meta(appointment.updatedAt),
    identifier: [{ system: BOOKING_SYSTEM, value: appointment.bookingCode }],
    status: STATUS[appointment.status as AppointmentStatus],
    ...(appointment.cancellationReason ? { cancelationReason: { text: appointment.cancellationReason } } : {}),
    ...(appointment.reason ? { reasonCode: [{ text: appointment.reason }] } : {}),
    start: instant(slot.startsAt),
    end: instant(slot.endsAt),
    slot: [ref('Slot', appointment.slotId)],
    created: instant(appointment.createdAt),
    participant: [
      { actor: ref('Patient', appointment.patientId), required: 'required', status: participantStatus },
      { actor: ref('Practitioner', appointment.doctorId), required: 'required', status: participantStatus },
    ],
  };
}
