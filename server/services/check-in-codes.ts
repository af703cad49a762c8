import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a check-in code shown on the waiting-room screen can be used after it was issued. */
export const CHECK_IN_CODE_SECONDS = 5 * 60;

/** What a scanned check-in code turned out to be. */
export type CheckInCodeState = 'valid' | 'expired' | 'invalid';

/**
 * The clinic's rotating check-in code for phones: the display shows a fresh one every minute as a QR code, and each
 * is good for {@link CHECK_IN_CODE_SECONDS}, so a photo of the screen or a shared link stops working minutes later.
 * A code is its expiry time and an HMAC-SHA256 of it under a secret that never leaves the server (made when the
 * server starts, so a restart retires every code: the display fetches a new one within a minute).
 */
export class CheckInCodes {
  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly secret: Buffer = randomBytes(32),
    private readonly lifetimeSeconds = CHECK_IN_CODE_SECONDS,
  ) {}

  /** A code to show now, and when it stops working. */
  issue(): { code: string; expiresAt: Date } {
    const expires = Math.floor(this.now().getTime() / 1000) + this.lifetimeSeconds;
    return { code: `${expires.toString(36)}-${this.sign(expires)}`, expiresAt: new Date(expires * 1000) };
  }

  /** Whether `code` was issued by this server, and is still in time. */
  check(code: string): CheckInCodeState {
    const match = /^([0-9a-z]{1,10})-([A-Za-z0-9_-]{22})$/.exec(code);
    if (!match) return 'invalid';
    const expires = parseInt(match[1], 36);
    const expected = Buffer.from(this.sign(expires));
    const given = Buffer.from(match[2]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
    return this.now().getTime() < expires * 1000 ? 'valid' : 'expired';
  }

  private sign(expires: number): string {
    return createHmac('sha256', this.secret).update(`check-in:${expires}`).digest('base64url').slice(0, 22);
  }
}
