/**
 * Request and response shapes of the patient dashboard (/me, issue 17): sign-in with a one-time code, the
 * patient's appointments, visits, profile and access history. A patient only ever sees their own.
 */
import type { AppointmentStatus, PublicSlot } from './booking';

/** POST /api/me/sign-in/code: a phone number (however written) or an email address. */
export interface CodeRequest {
  identifier: string;
  /** The dashboard's language, for the message with the code. */
  language?: string;
}

/** POST /api/me/sign-in */
export interface CodeSignInRequest {
  identifier: string;
  code: string;
}

/** POST /api/me/sign-in/link: the token of a sign-in link printed at the desk. */
export interface LinkSignInRequest {
  token: string;
}

/** Who is signed in on the dashboard. */
export interface MeSession {
  patient: { id: number; firstName: string };
  expiresAt: string;
}

/** One appointment as its patient sees it. */
export interface MyAppointment {
  id: number;
  /** The family member's first name when the appointment is theirs (a family link), null for the patient's own. */
  forFamily: string | null;
  bookingCode: string;
  status: AppointmentStatus;
  startsAt: string;
  date: string;
  start: string;
  doctor: { id: number; name: string; room: string };
  department: { id: number; name: string };
  /** True while the patient may still cancel or move it (booked and in the future). */
  changeable: boolean;
}

/** GET /api/me/appointments */
export interface MyAppointmentsResponse {
  timeZone: string;
  upcoming: MyAppointment[];
  /** Today's ticket when checked in: the public code of its phone page (/t/<code>) and channel (ticket:<code>). */
  ticket: { token: string; publicCode: string } | null;
}

/** GET /api/me/appointments/:id/slots: free times of the same doctor. */
export interface MySlotsResponse {
  timeZone: string;
  slots: PublicSlot[];
}

/** A signed visit as its patient reads it: never a draft, never the doctor's notes. */
export interface MyVisit {
  id: number;
  signedAt: string;
  date: string;
  doctor: string;
  department: string;
  chiefComplaint: string | null;
  diagnosis: string | null;
  icd10: { code: string; title: string } | null;
  vitals: { field: string; value: number }[];
  prescription: { medicine: string; dose: string | null; frequency: string | null; duration: string | null; instructions: string | null }[];
  /** The printable prescription, when there are medicines. */
  prescriptionUrl: string | null;
}

/** GET /api/me/visits */
export interface MyVisitsResponse {
  visits: MyVisit[];
}

/** What became of a report: waiting for staff, confirmed (on the record now), or dismissed (not accepted). */
export interface ReportOutcome {
  status: 'pending' | 'confirmed' | 'dismissed';
  reportedAt: string;
  /** When staff confirmed or dismissed it; null while pending. */
  reviewedAt: string | null;
}

/** The patient's latest report of each kind, and its outcome. */
export interface PatientReported {
  allergies?: { value: string } & ReportOutcome;
  insurance?: { provider: string | null; number: string | null } & ReportOutcome;
}

/** GET /api/me/profile */
export interface MyProfile {
  fullName: string;
  dateOfBirth: string;
  phone: string | null;
  email: string | null;
  medicalRecordNumber: string;
  /** As the clinic recorded them. */
  allergies: string | null;
  insurance: { provider: string | null; number: string | null };
  /** The latest reports and their outcome: shown apart, never mixed into the clinic's record. */
  reported: PatientReported;
}

/** POST /api/me/profile/reports: either allergies or insurance. */
export type ReportRequest = { allergies: string } | { insuranceProvider: string; insuranceNumber: string };

/** One line of the patient's access history: who touched their record, and when. */
export interface AccessEntry {
  at: string;
  /** 'you', 'online' (nobody signed in: a booking, a code asked for), or the staff member's name and role. */
  who: string;
  action: string;
}

/** GET /api/me/access */
export interface MyAccessResponse {
  /** The clinic's zone, for the times. */
  timeZone: string;
  entries: AccessEntry[];
}
