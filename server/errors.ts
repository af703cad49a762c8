import type { ErrorId, FieldError } from '../common/errors';

/**
 * An error the client is meant to see: a stable id, a plain-words message and an HTTP status.
 * Services throw these; the error middleware turns them into `{ "error": { "id", "message" } }`.
 */
export class AppError extends Error {
  /** True once the refusal has its own audit row (so the error handler does not write a second one). */
  audited = false;

  constructor(
    readonly status: number,
    readonly id: ErrorId,
    message: string,
    readonly fields?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** 400: the request could not be read at all (broken JSON, wrong content type). */
export const malformed = (message: string) => new AppError(400, 'malformed_request', message);

/** 422: the request was readable but its values are not acceptable; `fields` names each one. */
export const validationFailed = (fields: FieldError[]) =>
  new AppError(
    422,
    'validation_failed',
    fields.length === 1
      ? `${fields[0].path}: ${fields[0].message}`
      : `Please correct ${fields.length} fields: ${fields.map((f) => f.path).join(', ')}.`,
    fields,
  );

/** 401: nobody is signed in (or the session ended). */
export const notSignedIn = (message = 'Please sign in to continue.', id: ErrorId = 'not_signed_in') =>
  new AppError(401, id, message);

/** 403: signed in, but this role may not do this. */
export const forbidden = (message = 'Your account is not allowed to do this.') =>
  new AppError(403, 'forbidden', message);

/** 404: the thing asked for does not exist (or is not visible to this user). */
export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found.`);

/** 409: the request clashes with the current state; `id` says how. */
export const conflict = (id: ErrorId, message: string) => new AppError(409, id, message);

/** 429: too many attempts; `retryAfterSeconds` is sent as Retry-After. */
export const tooManyAttempts = (message: string, retryAfterSeconds: number) =>
  new AppError(429, 'too_many_attempts', message, undefined, { 'Retry-After': String(Math.ceil(retryAfterSeconds)) });

/** 503: a part we depend on is down. */
export const unavailable = (id: ErrorId, message: string) => new AppError(503, id, message);
