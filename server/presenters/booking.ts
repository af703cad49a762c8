import type { AppointmentView, PublicBookingResponse, PublicSlot } from '../../common/booking';
import type { Appointment, TimeSlot } from '../models';
import { clinicDay } from '../services/clinic-time';
import { localTime } from '../services/calendar';

/** An appointment as staff see it; expects appointmentIncludes() loaded. */
export function presentAppointment(appointment: Appointment): AppointmentView {
  const { slot, patient, doctor } = appointment;
  return {
    id: appointment.id,
    bookingCode: appointment.bookingCode,
    status: appointment.status,
    startsAt: slot!.startsAt.toISOString(),
    endsAt: slot!.endsAt.toISOString(),
    slotId: appointment.slotId,
    reason: appointment.reason ?? null,
    cancellationReason: appointment.cancellationReason ?? null,
    patient: {
      id: patient!.id,
      fullName: patient!.fullName,
      dateOfBirth: patient!.dateOfBirth,
      phone: patient!.phone ?? null,
      medicalRecordNumber: patient!.medicalRecordNumber,
    },
    doctor: {
      id: doctor!.id,
      name: doctor!.user?.fullName ?? `Doctor ${doctor!.id}`,
      room: doctor!.room,
      departmentId: doctor!.departmentId,
      departmentName: doctor!.department?.name ?? '',
    },
    confirmationUrl: `/appointments/${appointment.id}/confirmation`,
  };
}

/** A free slot for the public booking page. */
export function presentPublicSlot(slot: TimeSlot, zone: string): PublicSlot {
  return {
    id: slot.id,
    doctorId: slot.doctorId,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    date: clinicDay(slot.startsAt, zone),
    start: localTime(slot.startsAt, zone),
  };
}

/** What the public page shows after booking: the code and the visit, no personal data. */
export function presentPublicBooking(appointment: Appointment, zone: string): PublicBookingResponse {
  const { slot, doctor } = appointment;
  return {
    bookingCode: appointment.bookingCode,
    startsAt: slot!.startsAt.toISOString(),
    date: clinicDay(slot!.startsAt, zone),
    start: localTime(slot!.startsAt, zone),
    doctor: { id: doctor!.id, name: doctor!.user?.fullName ?? `Doctor ${doctor!.id}`, room: doctor!.room },
    department: { id: doctor!.departmentId, name: doctor!.department?.name ?? '' },
  };
}
