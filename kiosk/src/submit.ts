import { ApiError, apiPost } from '../../common/web/api';
import { backoffDelay } from '../../common/web/realtime-client';

/** What `submitWithRetry` reports while it keeps trying. */
export interface RetryState {
  attempt: number;
  error: ApiError;
}

/** Failures worth trying again with the same key: the request may not have arrived, or the server was not ready. */
export function isRetryable(error: ApiError): boolean {
  return error.status === 0 || error.status >= 500 || error.status === 429;
}

/**
 * POSTs a check-in and keeps retrying it, with the same idempotency key, until the server answers for real: a lost
 * connection, a timeout or a server error never leaves the patient without a ticket, and the key makes sure the
 * retries cannot issue a second one. Refusals (4xx) are thrown for the screen to explain. `signal` stops the retries.
 */
export async function submitWithRetry<T>(
  path: string,
  body: object,
  options: { signal: AbortSignal; onRetry: (state: RetryState) => void; maxDelayMs?: number },
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await apiPost<T>(path, body, { signal: options.signal, timeoutMs: 10_000 });
    } catch (error) {
      if (!(error instanceof ApiError) || !isRetryable(error) || options.signal.aborted) throw error;
      options.onRetry({ attempt, error });
      const wait = Math.max((error.retryAfterSeconds ?? 0) * 1000, 1000 + backoffDelay(attempt, 1000, options.maxDelayMs ?? 8000));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, wait);
        options.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(options.signal.reason);
        }, { once: true });
      });
    }
  }
}
