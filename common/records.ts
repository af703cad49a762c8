/**
 * Request and response shapes of the consultation-record API (issue 6), shared by the server's presenters and the
 * staff panel. Vitals' units and ranges are in vitals.ts; the allergy rule is in allergies.ts.
 */
import type { StaffQueueEntry } from './api';
import type { ErrorId } from './errors';
import type { VitalFlag, Vitals } from './vitals';

/** Error ids the record API answers with, besides the general ones in errors.ts. */
export const RECORD_ERROR_IDS = [
  /** 409: the draft changed since the revision the screen showed (another tab, or an older autosave arriving late). */
  'stale_draft',
  /** 409: a medicine matches a recorded allergy; send it again with `confirmAllergy: true` to prescribe anyway. */
  'allergy_conflict',
  /** 409: the record is signed and read-only; add an addendum instead. */
  'record_signed',
  /** 409: only a signed record can have addenda or be printed. */
  'record_not_signed',
  /** 422: the record cannot be signed yet (no diagnosis); `fields` names what is missing. */
  'record_incomplete',
  /** 409: the visit has no registered patient (an anonymous walk-in); reception must register them first. */
  'no_patient',
  /** 409: a draft can be started only for a patient who is called or in consultation. */
  'visit_not_active',
  /** 409: nothing to print, the record has no prescription items. */
  'no_prescription',
  /** 403: a record or history outside the doctor's department and current patient; send `reason` (recorded) to read it. */
  'reason_required',
] as const satisfies readonly ErrorId[];
/** One of {@link RECORD_ERROR_IDS}. */
export type RecordErrorId = (typeof RECORD_ERROR_IDS)[number];

export type RecordStatus = 'draft' | 'signed';

/** One prescription row as sent by the console. Order in the list is the printed order. */
export interface PrescriptionItemInput {
  /** The row's id when it was saved before; rows without one are matched by medicine, else created. */
  id?: number;
  medicine: string;
  dose?: string | null;
  route?: string | null;
  frequency?: string | null;
  duration?: string | null;
  instructions?: string | null;
}

/** A prescription row as the API shows it. */
export interface PrescriptionItemView {
  id: number;
  position: number;
  medicine: string;
  dose: string | null;
  route: string | null;
  frequency: string | null;
  duration: string | null;
  instructions: string | null;
  /** Recorded allergies this medicine matches (shown prominently); empty when none. */
  allergyMatches: string[];
  /** True when the doctor confirmed prescribing it despite the match. */
  allergyConfirmed: boolean;
}

/** PUT /api/records/:id: the whole draft (every key present; a vital left out of `vitals` means not measured). */
export interface RecordDraftRequest {
  /** The revision the screen's draft is based on (from the last response). */
  revision: number;
  vitals: Partial<Vitals>;
  chiefComplaint: string | null;
  diagnosis: string | null;
  icd10Code: string | null;
  notes: string | null;
  items: PrescriptionItemInput[];
  /** Prescribe the medicines that match a recorded allergy anyway (audited). */
  confirmAllergy?: boolean;
}

/** PATCH /api/records/:id: only the keys sent change; `vitals` merges field by field; `items` replaces the list. */
export type RecordPatchRequest = Partial<Omit<RecordDraftRequest, 'revision'>> & { revision: number };

/** An addendum: a correction after sign-off, signed and time-stamped by its author. */
export interface AddendumView {
  id: number;
  text: string;
  author: { id: number; fullName: string; role: string };
  createdAt: string;
}

/** POST /api/records/:id/addenda */
export interface AddendumRequest {
  text: string;
}

/** A consultation record as the doctor console shows it. */
export interface RecordView {
  id: number;
  queueEntryId: number;
  patientId: number;
  doctor: { id: number; name: string; licenseNumber: string };
  status: RecordStatus;
  /** Send it back with the next save; it moves with every change. */
  revision: number;
  vitals: Vitals;
  /** kg/m², one decimal; null unless weight and height are known. */
  bmi: number | null;
  flags: VitalFlag[];
  chiefComplaint: string | null;
  diagnosis: string | null;
  icd10: Icd10Entry | null;
  notes: string | null;
  items: PrescriptionItemView[];
  addenda: AddendumView[];
  signedAt: string | null;
  signedBy: { id: number; fullName: string } | null;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/records: get (200) or create (201) the draft for a queue entry the doctor is serving. */
export interface OpenRecordRequest {
  queueEntryId: number;
}

/** POST /api/records/:id/sign */
export interface SignOffRequest {
  /** The record revision the doctor saw when signing. */
  revision: number;
  /** The queue entry's version, as for every queue step. */
  expectedVersion: number;
}

/** The signed record, the completed visit, and the patient called next (null when nobody was waiting). */
export interface SignOffResponse {
  record: RecordView;
  completed: StaffQueueEntry;
  called: StaffQueueEntry | null;
}

/** One entry of the ICD-10 list shipped with the project. */
export interface Icd10Entry {
  code: string;
  title: string;
}

/** GET /api/icd10?q=&limit= */
export interface Icd10SearchResponse {
  results: Icd10Entry[];
}

/** One past visit in a patient summary; `record` is null for reception, or when the visit has no signed record. */
export interface VisitSummary {
  queueEntryId: number;
  clinicDay: string;
  department: { id: number; name: string };
  doctor: { id: number; name: string } | null;
  status: string;
  record: {
    id: number;
    signedAt: string | null;
    diagnosis: string | null;
    icd10: Icd10Entry | null;
    items: PrescriptionItemView[];
  } | null;
}

/** GET /api/patients/:id/summary?page=&pageSize= */
export interface PatientSummary {
  patient: {
    id: number;
    fullName: string;
    age: number | null;
    sex: string;
    medicalRecordNumber: string;
    insurance: { provider: string | null; number: string | null };
  };
  /** Blood group and allergies: null for reception, who see no clinical data. */
  clinical: { bloodGroup: string | null; allergies: string | null } | null;
  /**
   * Whose visits are listed: `all` departments' (reception, admins, the doctor seeing the patient now, or one who gave
   * a reason), or only the doctor's own `department`'s; a reason given with `?reason=` widens it to `all`, recorded.
   */
  scope: 'all' | 'department';
  visits: { items: VisitSummary[]; page: number; pageSize: number; total: number };
}
