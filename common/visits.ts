/**
 * The visit timeline (issue 19): every stage of one visit, from check-in to the signed record, with its time and
 * who did it, read from the audit log (the one place every step is written, in its transaction).
 */

/** One stage of a visit. */
export interface TimelineEvent {
  /** ISO instant. */
  at: string;
  /** The audited action (`queue.call_next`, `record.sign`, ...). */
  action: string;
  /** In words: "Checked in", "Called", "Called again", "Consultation started", "Record signed". */
  label: string;
  /** The token at that stage (a transfer gives the visit a new one). */
  token: string | null;
  /** The staff member, or null for the kiosk or the patient's own phone. */
  by: { id: number; fullName: string; role: string } | null;
  /** "Kiosk", "Patient's phone", or null when a staff member did it. */
  byDevice: string | null;
  /** A few words more: the transfer's destination and reason, the priority. */
  note: string | null;
}

/** GET /api/visits/:id/timeline */
export interface VisitTimeline {
  /** The queue entries of the visit, oldest first (more than one after a transfer). */
  entryIds: number[];
  patientId: number | null;
  events: TimelineEvent[];
}

/** One visit on the patient's page. */
export interface PatientVisit {
  entryId: number;
  clinicDay: string;
  token: string;
  status: string;
  department: string;
  doctor: string | null;
  timeline: TimelineEvent[];
}

/** GET /api/visits?patientId=: the patient's latest visits, newest first, each with its timeline. */
export interface PatientVisitsResponse {
  visits: PatientVisit[];
}
