import { createHmac, timingSafeEqual } from 'node:crypto';
import { CheckInPoster, KioskProfile } from '../models';
import { serverSecret } from './server-secrets';
import { systemNow } from '../clock';

/** How long a check-in code shown on the waiting-room screen can be used after it was issued. */
export const CHECK_IN_CODE_SECONDS = 5 * 60;

/** What a scanned check-in code turned out to be; `off` when its kiosk profile has phone check-in switched off. */
export type CheckedCode =
  | { state: 'valid'; kioskId: number | null; posterId: number | null }
  | { state: 'expired' | 'invalid' | 'off'; kioskId?: undefined; posterId?: undefined };

/** Where the HMAC key comes from: a fixed one (tests), or the one kept in the database (the default). */
export type SecretSource = Buffer | (() => Promise<Buffer>);

const ROTATING = /^(?:k(\d{1,9})\.)?([0-9a-z]{1,10})-([A-Za-z0-9_-]{22})$/;
const POSTER = /^p(\d{1,9})-([A-Za-z0-9_-]{22})$/;

/**
 * The clinic's check-in codes for phones, signed with HMAC-SHA256 under a secret that never leaves the server and is
 * kept in the database (services/server-secrets.ts), so a restart keeps the code on screen working and every server
 * on one database accepts the others' codes. Two kinds:
 * - rotating (`[k<kiosk>.]<expiry>-<signature>`): the display shows a fresh one every minute, each good for
 *   {@link CHECK_IN_CODE_SECONDS}, so a photo of the screen or a shared link stops working minutes later;
 * - poster (`p<id>-<signature>`): a printed poster cannot rotate, so it names a `check_in_posters` row, good until
 *   the date the admin chose unless revoked.
 * A code may carry a kiosk profile: the phone then checks in as that kiosk (its departments), and only while the
 * profile allows phone check-in.
 */
export class CheckInCodes {
  private key: Promise<Buffer> | undefined;

  constructor(
    private readonly now: () => Date = systemNow,
    private readonly secret: SecretSource = () => serverSecret('check-in-codes'),
    private readonly lifetimeSeconds = CHECK_IN_CODE_SECONDS,
  ) {}

  /** A rotating code to show now (for `kioskId`'s check-in, or the clinic-wide one), and when it stops working. */
  async issue(kioskId: number | null = null): Promise<{ code: string; expiresAt: Date }> {
    const expires = Math.floor(this.now().getTime() / 1000) + this.lifetimeSeconds;
    const scope = kioskId === null ? '' : `k${kioskId}.`;
    return { code: `${scope}${expires.toString(36)}-${await this.sign(`check-in:${kioskId ?? ''}:${expires}`)}`, expiresAt: new Date(expires * 1000) };
  }

  /** The code printed on poster `posterId` (the same every time it is asked for). */
  async posterCode(posterId: number): Promise<string> {
    return `p${posterId}-${await this.sign(`poster:${posterId}`)}`;
  }

  /** Whether `code` was issued by this clinic's server, is still in time, and its kiosk still takes phones. */
  async check(code: string): Promise<CheckedCode> {
    // Posters first: `p1-...` would also read as a rotating code whose expiry is written `p1`.
    const poster = POSTER.exec(code);
    if (poster) {
      const posterId = Number(poster[1]);
      if (!(await this.signedBy(`poster:${posterId}`, poster[2]))) return { state: 'invalid' };
      const row = await CheckInPoster.findByPk(posterId);
      if (!row) return { state: 'invalid' };
      if (row.revokedAt || row.validUntil.getTime() <= this.now().getTime()) return { state: 'expired' };
      return this.forKiosk(row.kioskProfileId, posterId);
    }
    const rotating = ROTATING.exec(code);
    if (rotating) {
      const kioskId = rotating[1] ? Number(rotating[1]) : null;
      const expires = parseInt(rotating[2], 36);
      if (!(await this.signedBy(`check-in:${kioskId ?? ''}:${expires}`, rotating[3]))) return { state: 'invalid' };
      if (this.now().getTime() >= expires * 1000) return { state: 'expired' };
      return this.forKiosk(kioskId, null);
    }
    return { state: 'invalid' };
  }

  /** Reads the secret again on next use (after the database was restored or emptied). */
  forgetSecret(): void {
    this.key = undefined;
  }

  /** Whether the kiosk profile `kioskId` takes check-ins from phones (the clinic-wide check-in always does). */
  async kioskTakesPhones(kioskId: number | null): Promise<boolean> {
    if (kioskId === null) return true;
    const profile = await KioskProfile.findByPk(kioskId, { attributes: ['id', 'phoneCheckIn'] });
    return Boolean(profile?.phoneCheckIn);
  }

  private async forKiosk(kioskId: number | null, posterId: number | null): Promise<CheckedCode> {
    return (await this.kioskTakesPhones(kioskId)) ? { state: 'valid', kioskId, posterId } : { state: 'off' };
  }

  private async signedBy(message: string, given: string): Promise<boolean> {
    const expected = Buffer.from(await this.sign(message));
    const actual = Buffer.from(given);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }

  private async sign(message: string): Promise<string> {
    this.key ??= typeof this.secret === 'function' ? this.secret() : Promise.resolve(this.secret);
    try {
      return createHmac('sha256', await this.key).update(message).digest('base64url').slice(0, 22);
    } catch (error) {
      this.key = undefined; // a database that was down at the first use is asked again next time
      throw error;
    }
  }
}
