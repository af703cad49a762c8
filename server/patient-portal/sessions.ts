import { randomBytes } from 'node:crypto';
import type { Transaction } from 'sequelize';
import { PatientAccount, PatientAccountLink, PatientSession } from '../models';
import { sessionId, type RequestOrigin } from '../services/auth';

/** The patient cookie: never the staff one (`mq_session`), so neither side can read the other's. */
export const PATIENT_COOKIE = 'mq_patient';

/** A patient session ends after this long without a request (a phone left on a café table). */
export const PATIENT_IDLE_MINUTES = 30;

/** A live patient session and its account. */
export interface ActivePatient {
  account: PatientAccount;
  session: PatientSession;
  /** Patient ids the account manages appointments for (family links). */
  family: number[];
}

/**
 * Patient sessions, in `patient_sessions` only, under the SHA-256 of their token. The staff session lookup reads
 * `sessions` and the staff cookie only, so a patient's sign-in can never open a staff route or channel.
 */
export class PatientSessions {
  constructor(private readonly now: () => Date) {}

  private expiry(): Date {
    return new Date(this.now().getTime() + PATIENT_IDLE_MINUTES * 60_000);
  }

  /** Opens a session for an account whose code or link was just checked (inside that check's transaction). */
  async open(accountId: number, origin: RequestOrigin, transaction: Transaction): Promise<{ token: string; session: PatientSession }> {
    const token = randomBytes(32).toString('base64url');
    const session = await PatientSession.create(
      { id: sessionId(token), accountId, expiresAt: this.expiry(), ip: origin.ip.slice(0, 64), userAgent: origin.userAgent?.slice(0, 255) ?? null },
      { transaction },
    );
    return { token, session };
  }

  /** The live session behind a cookie token, its idle expiry renewed; an expired one is deleted. */
  async lookup(token: string | undefined): Promise<ActivePatient | null> {
    if (!token) return null;
    const session = await PatientSession.findByPk(sessionId(token), { include: [{ model: PatientAccount, as: 'account' }] });
    if (!session?.account) return null;
    if (session.expiresAt <= this.now()) {
      await session.destroy();
      return null;
    }
    // Renew at most once a minute, so reading the dashboard does not cost a write per request.
    if (this.expiry().getTime() - session.expiresAt.getTime() > 60_000) await session.update({ expiresAt: this.expiry() });
    const links = await PatientAccountLink.findAll({ where: { accountId: session.accountId }, attributes: ['patientId'] });
    return { account: session.account, session, family: links.map((l) => l.patientId) };
  }

  /** Ends the session behind a cookie token (nothing for an unknown one). */
  async end(token: string | undefined): Promise<void> {
    if (token) await PatientSession.destroy({ where: { id: sessionId(token) } });
  }
}
