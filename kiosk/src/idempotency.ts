/**
 * A random idempotency key: 128 bits as 22 base64url characters. crypto.getRandomValues works on plain http too,
 * where a kiosk on the clinic's network usually is (crypto.randomUUID needs a secure context).
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Hands out one key per check-in attempt: the same key while the request is the same (a retry, or the patient
 * pressing the button again after a failure), a new one as soon as they change what they ask for. The server
 * returns the ticket of a key it has seen, so reusing it for a different request would hand back the wrong ticket.
 */
export class AttemptKeys {
  private last: { request: string; key: string } | null = null;

  /** The key for `request`. */
  keyFor(request: unknown): string {
    const text = JSON.stringify(request);
    if (this.last?.request !== text) this.last = { request: text, key: newIdempotencyKey() };
    return this.last.key;
  }
}
