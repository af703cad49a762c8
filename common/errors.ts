/**
 * Every error id the server can send, in an API error body `{ "error": { "id", "message" } }` or a WebSocket
 * `error` message. Front ends may branch on the id (switching on {@link ErrorId}, never on a guessed string);
 * people read the message. The server cannot throw an id missing here (`AppError` takes an `ErrorId`), and
 * test/server/error-ids.test.ts fails when its source names one that is not listed.
 */
export const ERROR_IDS = [
  // Requests and sessions (any route).
  'malformed_request',
  'bad_request',
  'validation_failed',
  'not_signed_in',
  'session_expired',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_attempts',
  'origin_refused',
  // Patient sign-in (the dashboard, /me).
  'invalid_code',
  // Patient-reported changes staff review (issue 17).
  'already_reviewed',
  // Data the request clashes with (409).
  'already_exists',
  'in_use',
  'invalid_reference',
  'possible_duplicate',
  // Staff accounts and doctors.
  'own_account',
  'has_doctor_profile',
  'not_a_doctor',
  // The live queue and check-in.
  'invalid_transition',
  'stale',
  'doctor_busy',
  'queue_empty',
  'wrong_doctor',
  'same_queue',
  'department_closed',
  'doctor_unavailable',
  'patient_already_set',
  'too_early',
  'wrong_day',
  'appointment_cancelled',
  'appointment_closed',
  // Appointments and online booking.
  'slot_taken',
  'slot_unavailable',
  'slot_past',
  'too_many_bookings',
  'booking_disabled',
  // Consultation records (described in common/records.ts).
  'stale_draft',
  'allergy_conflict',
  'record_signed',
  'record_not_signed',
  'record_incomplete',
  'no_patient',
  'visit_not_active',
  'no_prescription',
  'reason_required',
  // API clients' tokens and the FHIR API (issue 16).
  'invalid_token',
  'insufficient_scope',
  'unsupported_search',
  // Notices to waiting patients (issue 16).
  'ticket_ended',
  'notices_unavailable',
  'no_phone',
  // WebSocket channels.
  'unknown_channel',
  'too_many_channels',
  // The server itself.
  'database_unavailable',
  'database_busy',
  'frontend_not_built',
  'internal_error',
] as const;

/** One of the error ids in {@link ERROR_IDS}: a closed list, so a client's `switch` is checked by the compiler. */
export type ErrorId = (typeof ERROR_IDS)[number];

const KNOWN = new Set<string>(ERROR_IDS);

/** True when `value` is a listed error id (for ids read off the wire, which the compiler cannot vouch for). */
export function isErrorId(value: unknown): value is ErrorId {
  return typeof value === 'string' && KNOWN.has(value);
}

/** A field that failed validation, named by its path in the request (`vitals.pulse`). */
export interface FieldError {
  path: string;
  message: string;
}

/** The body of every failed API request. */
export interface ApiErrorBody {
  error: {
    id: ErrorId;
    message: string;
    fields?: FieldError[];
  };
}
