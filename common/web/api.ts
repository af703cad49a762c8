import type { ApiErrorBody, ErrorId, FieldError } from '../errors';

/** Shown whenever the request never got an answer: the words a receptionist can act on. */
export const NETWORK_ERROR_MESSAGE = "Can't reach the clinic server. Check the connection and try again.";

/** Shown when the answer is not the API's JSON (a proxy's error page, a half-deployed server). */
export const UNEXPECTED_RESPONSE_MESSAGE = 'The clinic server sent an answer we could not read. Please try again in a moment.';

/** Ids the client gives a failed call whose answer never arrived or could not be read. */
export type ClientErrorId = 'network_error' | 'timeout' | 'unexpected_response';

/**
 * A failed API call. `id` is the server's stable error id (or `network_error` / `unexpected_response` when
 * the server's own answer never arrived); `message` is plain words meant to be shown as they are.
 */
export class ApiError extends Error {
  constructor(
    /** The server's error id, or one of the client's own when the server's answer never arrived. */
    readonly id: ErrorId | ClientErrorId,
    message: string,
    /** HTTP status; 0 when no answer arrived. */
    readonly status: number,
    /** Fields that failed validation (422), by request path such as `email`. */
    readonly fields: FieldError[] = [],
    /** Seconds the server asked us to wait (429 Retry-After), if it said. */
    readonly retryAfterSeconds?: number,
    /**
     * The whole error answer, for the few errors that carry more than words: 409 `possible_duplicate` lists the
     * registered patients a new one may be (`duplicates`).
     */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message for one field, if the server named it. */
  fieldMessage(path: string): string | undefined {
    return this.fields.find((f) => f.path === path)?.message;
  }
}

/**
 * Dispatched on `window` whenever an API call is refused with 401 `session_expired`, so the staff panel can ask for
 * the password again over whatever screen made the call (screens need not each check for it).
 */
export const SESSION_EXPIRED_EVENT = 'session-expired';

/** Error ids (over REST or the socket) that mean the staff session is gone. */
export const SESSION_ENDED_IDS: ReadonlySet<ErrorId | ClientErrorId> = new Set<ErrorId>(['session_expired', 'not_signed_in']);

/** Options for {@link apiFetch}. */
export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** Give up after this long; a kiosk must never wait forever. Default 15 s. */
  timeoutMs?: number;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  const error = (value as Partial<ApiErrorBody> | null)?.error;
  return !!error && typeof error.id === 'string' && typeof error.message === 'string';
}

function combinedSignal(signal: AbortSignal | undefined, timeoutMs: number): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

/**
 * Calls the MediQueue API: JSON in and out, the session cookie sent along (same origin). Resolves with the
 * parsed body (undefined for 204); rejects with an {@link ApiError} for every failure, including a lost network.
 * An abort by the caller's own signal is passed on unchanged (an `AbortError`), since nobody needs to be told.
 */
export async function apiFetch<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const { method = options.body === undefined ? 'GET' : 'POST', body, signal, timeoutMs = 15_000 } = options;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      // Every change is sent as JSON, even without a body: the server refuses other types (its CSRF defence).
      headers: method === 'GET' ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: combinedSignal(signal, timeoutMs),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    if ((error as Error).name === 'TimeoutError') {
      throw new ApiError('timeout', 'The clinic server is taking too long to answer. Please try again.', 0);
    }
    throw new ApiError('network_error', NETWORK_ERROR_MESSAGE, 0);
  }

  if (response.status === 204) return undefined as T;
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    if (signal?.aborted) throw signal.reason;
    throw new ApiError('unexpected_response', UNEXPECTED_RESPONSE_MESSAGE, response.status);
  }
  if (response.ok) return parsed as T;
  if (!isErrorBody(parsed)) throw new ApiError('unexpected_response', UNEXPECTED_RESPONSE_MESSAGE, response.status);
  // The first refusal after the idle time says session_expired; the server then clears the cookie, so later ones say
  // not_signed_in. Both mean the same to a screen that was signed in.
  if (response.status === 401 && SESSION_ENDED_IDS.has(parsed.error.id)) globalThis.dispatchEvent?.(new CustomEvent(SESSION_EXPIRED_EVENT));
  const retryAfter = Number(response.headers.get('Retry-After'));
  throw new ApiError(
    parsed.error.id,
    parsed.error.message,
    response.status,
    parsed.error.fields ?? [],
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    parsed,
  );
}

/** GET `path` as JSON. */
export const apiGet = <T>(path: string, options: Omit<ApiRequestOptions, 'method' | 'body'> = {}) =>
  apiFetch<T>(path, { ...options, method: 'GET' });

/** POST `body` as JSON to `path`. */
export const apiPost = <T>(path: string, body?: unknown, options: Omit<ApiRequestOptions, 'method' | 'body'> = {}) =>
  apiFetch<T>(path, { ...options, method: 'POST', body });
