/**
 * Staff review of what patients report on their dashboard (issue 17), and the family links as the desk sees them.
 * A report never changes the record by itself: staff confirm it (the record then says it) or dismiss it.
 */

/** Allergies or insurance: what a report says, and what the record says now, in one shape to compare. */
export interface ReportValues {
  allergies?: string | null;
  insuranceProvider?: string | null;
  insuranceNumber?: string | null;
}

/** pending: waiting for staff; confirmed: on the record now; dismissed: not accepted (or replaced by a newer one). */
export type ReportStatus = 'pending' | 'confirmed' | 'dismissed';

/** One patient-reported change as staff see it. */
export interface PatientReportView {
  id: number;
  field: 'allergies' | 'insurance';
  status: ReportStatus;
  reportedAt: string;
  /** What the patient typed. */
  reported: ReportValues;
  /** What the record says now, for a pending report: what confirming it would replace. Null once reviewed. */
  current: ReportValues | null;
  /** Who confirmed or dismissed it; null while pending, and when the patient's own newer report replaced it. */
  reviewedBy: { id: number; name: string } | null;
  reviewedAt: string | null;
}

/** GET /api/patients/:id/reports: pending first (oldest first), then the latest 10 reviewed. */
export interface PatientReportsResponse {
  reports: PatientReportView[];
}

/**
 * POST /api/patients/:id/reports/:reportId/confirm: `expected` is the record's value the screen showed next to the
 * report. When the record has changed since (a doctor wrote a newer value), the server answers 409 `stale` instead
 * of overwriting what staff did not see.
 */
export interface ConfirmReportRequest {
  expected: ReportValues;
}

/** One side of a family link: the other patient, with what the desk needs to tell them apart. */
export interface FamilyLinkPerson {
  id: number;
  fullName: string;
  dateOfBirth: string;
  medicalRecordNumber: string;
  linkedAt: string;
}

/** GET /api/patients/:id/family-links */
export interface FamilyLinksResponse {
  /** Who manages this patient's appointments (their guardians). */
  managedBy: FamilyLinkPerson[];
  /** Whose appointments this patient manages (their children, say). */
  manages: FamilyLinkPerson[];
}
