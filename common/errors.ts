/**
 * Stable error ids carried in every API error body: `{ "error": { "id", "message" } }`.
 * Front ends may branch on the id; people read the message.
 */
export const ERROR_IDS = [
  'malformed_request',
  'validation_failed',
  'not_signed_in',
  'session_expired',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'conflict',
  'already_exists',
  'in_use',
  'invalid_reference',
  'too_many_attempts',
  'payload_too_large',
  'database_unavailable',
  'frontend_not_built',
  'internal_error',
] as const;

/** One of the stable error ids (later issues add their own, such as `slot_taken`). */
export type ErrorId = (typeof ERROR_IDS)[number] | (string & {});

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
