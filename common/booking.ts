/**
 * Request and response shapes of appointments (reception and admins) and of public online booking.
 */

/** Where an appointment stands. */
export type AppointmentStatus = 'booked' | 'checked_in' | 'in_consultation' | 'completed' | 'cancelled' | 'no_show';

/** An appointment as staff see it. */
export interface AppointmentView {
  id: number;
  /** What the patient types (or scans) at the kiosk. */
  bookingCode: string;
  status: AppointmentStatus;
  startsAt: string;
  endsAt: string;
  slotId: number;
  reason: string | null;
  cancellationReason: string | null;
  patient: { id: number; fullName: string; dateOfBirth: string; phone: string | null; medicalRecordNumber: string };
  doctor: { id: number; name: string; room: string; departmentId: number; departmentName: string };
  /** The printable confirmation page (HTML, with the QR code). */
  confirmationUrl: string;
}

/** POST /api/appointments */
export interface BookRequest {
  slotId: number;
  patientId: number;
  reason?: string | null;
}

/** POST /api/appointments/:id/cancel */
export interface CancelRequest {
  reason: string;
}

/** POST /api/appointments/:id/reschedule: another free slot (any doctor's). */
export interface RescheduleRequest {
  slotId: number;
}

/** Every answer about one appointment. */
export interface AppointmentResponse {
  appointment: AppointmentView;
}

/** GET /api/appointments?doctorId=&patientId=&status=&from=&to=&page=&pageSize= */
export interface AppointmentListResponse {
  appointments: AppointmentView[];
  page: number;
  pageSize: number;
  total: number;
}

// ----- Public booking -----

/** GET /api/public/departments */
export interface PublicDepartment {
  id: number;
  name: string;
}

/** GET /api/public/doctors?departmentId= */
export interface PublicDoctor {
  id: number;
  name: string;
  specialization: string;
  rating: number | null;
  departmentId: number;
}

/** A free slot as the public sees it. */
export interface PublicSlot {
  id: number;
  doctorId: number;
  startsAt: string;
  endsAt: string;
  /** Local 'YYYY-MM-DD' and 'HH:MM' in the clinic's zone. */
  date: string;
  start: string;
}

/** GET /api/public/slots?doctorId=|departmentId=&from=&to= (at most 31 days) */
export interface PublicSlotsResponse {
  timeZone: string;
  slots: PublicSlot[];
}

/** POST /api/public/bookings */
export interface PublicBookingRequest {
  slotId: number;
  fullName: string;
  phone: string;
  dateOfBirth: string;
  /** Register for the patient dashboard (/me), signing in with codes sent to this phone. */
  createAccount?: boolean;
}

/** The answer to a public booking: the code for the kiosk, and what was booked (no other personal data). */
export interface PublicBookingResponse {
  bookingCode: string;
  startsAt: string;
  date: string;
  start: string;
  doctor: { id: number; name: string; room: string };
  department: { id: number; name: string };
  /** True when the patient asked for an account and can now sign in at /me with this phone. */
  account?: boolean;
}
