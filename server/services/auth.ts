import { createHash, randomBytes } from 'node:crypto';
import type { Sequelize } from 'sequelize';
import { AppError } from '../errors';
import { Session, User } from '../models';
import { inTransaction } from '../db/transaction';
import { audit } from './audit';
import { DEFAULT_PASSWORD_COST, dummyHash, hashPassword, verifyPassword } from './passwords';
import type { SignInThrottle } from './sign-in-throttle';
import { systemNow } from '../clock';

/** The name of the staff session cookie. */
export const SESSION_COOKIE = 'mq_session';

// Renew the expiry at most once a minute per session (or a tenth of a shorter lifetime), so active staff do not cost
// a write per request.
const RENEW_AFTER_MS = 60_000;

/**
 * How long a looked-up session is trusted without reading it again. Every staff request (a doctor's "call next" most
 * of all) otherwise starts with a database round trip. Changes made through this server (sign-out, deactivation,
 * role or password change) drop the cached copy at once; on another server behind the same database they are seen
 * within this time. The WebSocket hub's periodic check always reads the database. Never longer than a tenth of the
 * idle lifetime, since a cached request does not renew the session's expiry.
 */
export const SESSION_CACHE_MS = 5_000;
/** At most this many sessions are cached; the oldest go first. */
const SESSION_CACHE_SIZE = 10_000;

/** A live staff session and its user. */
export interface ActiveSession {
  user: User;
  session: Session;
}

/** The result of looking up a cookie token: a live session, an expired one, or nothing. */
export type SessionLookup = ({ state: 'active' } & ActiveSession) | { state: 'expired' } | { state: 'none' };

/** Sessions are stored under the SHA-256 of their token, so the table alone cannot be used to sign in. */
export function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Who is asking, for the audit trail and the throttle. */
export interface RequestOrigin {
  ip: string;
  userAgent?: string;
}

/** Staff sign-in, sessions and sign-out, with a sliding idle lifetime. */
export class AuthService {
  /** Told when a session ends (sign-out, deactivation), so open WebSocket connections lose staff channels at once. */
  private readonly endListeners: ((sessionId: string) => void)[] = [];
  /** Sessions read recently, by id: the lookup and when it stops being trusted (Date.now()). */
  private readonly recent = new Map<string, { found: ActiveSession; until: number }>();

  constructor(
    private readonly sequelize: Sequelize,
    private readonly throttle: SignInThrottle,
    private readonly lifetimeMinutes: number,
    /** scrypt's cost as log2(N) for new hashes (config's PASSWORD_HASH_COST). */
    private readonly passwordCost = DEFAULT_PASSWORD_COST,
  ) {
    // Made now, not on the first unknown email, so that sign-in takes no longer than the others.
    void dummyHash(passwordCost);
  }

  /** Hashes a new password at the configured cost (staff accounts and password resets). */
  hashPassword(password: string): Promise<string> {
    return hashPassword(password, this.passwordCost);
  }

  private expiry(from = Date.now()): Date {
    return new Date(from + this.lifetimeMinutes * 60_000);
  }

  /**
   * Checks the credentials and opens a session. Unknown emails, wrong passwords and deactivated accounts all get
   * the same answer (and take the same time), so the form does not reveal who has an account.
   */
  async signIn(email: string, password: string, origin: RequestOrigin): Promise<{ token: string } & ActiveSession> {
    const normalized = email.trim().toLowerCase();
    try {
      await this.throttle.reserve(normalized, origin.ip);
    } catch (error) {
      // A refusal is as much a fact as a failure: a guessing run shows in the audit log, not only in a counter.
      if (error instanceof AppError) {
        await audit({ userId: null, action: 'auth.sign_in_throttled', entityType: 'user', ip: origin.ip, details: { email: normalized } });
      }
      throw error;
    }
    const user = await User.findOne({ where: { email: normalized } });
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash(this.passwordCost)));
    if (!user || !ok || !user.active) {
      await audit({
        userId: user?.id ?? null,
        action: 'auth.sign_in_failed',
        entityType: 'user',
        entityId: user?.id,
        ip: origin.ip,
        details: { email: normalized, reason: !user ? 'unknown_email' : !ok ? 'wrong_password' : 'inactive' },
      });
      throw new AppError(401, 'invalid_credentials', 'That email and password do not match an active staff account.');
    }
    await this.throttle.succeeded(normalized, origin.ip);
    return { user, ...(await this.openSession(user, origin)) };
  }

  /**
   * Opens a session for a user whose credentials were checked: stores it, stamps the sign-in and audits it.
   * Tests that are not about signing in use it directly (test/support/session.ts), skipping the password.
   */
  async openSession(user: User, origin: RequestOrigin): Promise<{ token: string; session: Session }> {
    const token = randomBytes(32).toString('base64url');
    const session = await inTransaction(this.sequelize, async (transaction) => {
      const created = await Session.create(
        {
          id: sessionId(token),
          userId: user.id,
          expiresAt: this.expiry(),
          ip: origin.ip.slice(0, 64),
          userAgent: origin.userAgent?.slice(0, 255) ?? null,
        },
        { transaction },
      );
      await user.update({ lastSignInAt: systemNow() }, { transaction });
      await audit({ userId: user.id, action: 'auth.sign_in', entityType: 'user', entityId: user.id, ip: origin.ip }, transaction);
      return created;
    });
    return { token, session };
  }

  /** Finds the session for a cookie token, renewing its idle expiry; expired sessions are deleted. */
  async lookup(token: string | undefined): Promise<SessionLookup> {
    return token ? this.lookupById(sessionId(token), { renew: true }) : { state: 'none' };
  }

  /**
   * Finds a session by its stored id. `renew` extends its idle expiry (staff activity); the WebSocket hub's
   * periodic check passes false, so an open but idle screen still times out.
   */
  async lookupById(id: string, { renew }: { renew: boolean }): Promise<SessionLookup> {
    const now = Date.now();
    const cached = renew ? this.recent.get(id) : undefined;
    if (cached && cached.until > now && cached.found.session.expiresAt.getTime() > now) return { state: 'active', ...cached.found };
    this.recent.delete(id);
    const session = await Session.findByPk(id, { include: [{ model: User, as: 'user' }] });
    if (!session || !session.user) return { state: 'none' };
    if (session.expiresAt.getTime() <= now || !session.user.active) {
      await session.destroy();
      return { state: 'expired' };
    }
    const renewAfter = Math.min(RENEW_AFTER_MS, (this.lifetimeMinutes * 60_000) / 10);
    if (renew && this.expiry(now).getTime() - session.expiresAt.getTime() > renewAfter) {
      await session.update({ expiresAt: this.expiry(now) });
    }
    this.remember(id, { user: session.user, session }, now + Math.min(SESSION_CACHE_MS, renewAfter));
    return { state: 'active', user: session.user, session };
  }

  /** Stops trusting cached sessions of `userId` (their account changed): the next request reads them again. */
  forgetUser(userId: number): void {
    for (const [id, { found }] of this.recent) if (found.user.id === userId) this.recent.delete(id);
  }

  /** Registers `listener` to hear of every session that ends. */
  onSessionEnded(listener: (sessionId: string) => void): void {
    this.endListeners.push(listener);
  }

  /** Drops a session from the cache and tells the listeners it ended (after its deletion committed). */
  sessionEnded(id: string): void {
    this.recent.delete(id);
    for (const listener of this.endListeners) listener(id);
  }

  private remember(id: string, found: ActiveSession, until: number): void {
    this.recent.delete(id);
    this.recent.set(id, { found, until });
    if (this.recent.size > SESSION_CACHE_SIZE) this.recent.delete(this.recent.keys().next().value!);
  }

  /** Ends the session behind a cookie token (a no-op for unknown tokens). */
  async signOut(token: string | undefined, origin: RequestOrigin): Promise<void> {
    if (!token) return;
    const session = await Session.findByPk(sessionId(token));
    if (!session) return;
    await inTransaction(this.sequelize, async (transaction) => {
      await session.destroy({ transaction });
      await audit({ userId: session.userId, action: 'auth.sign_out', entityType: 'user', entityId: session.userId, ip: origin.ip }, transaction);
      transaction.afterCommit(() => this.sessionEnded(session.id));
    });
  }
}
