import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { Op, type Sequelize } from 'sequelize';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { isLanguage, textsFor } from '../../common/i18n';
import { inTransaction } from '../db/transaction';
import { AppError, conflict } from '../errors';
import { PatientAccount, PatientSignInCode } from '../models';
import { memoryLimiters, type LimiterFactory } from '../scale/limiters';
import { audit } from '../services/audit';
import { uniqueClashOn } from '../services/unique';
import type { PatientActor } from './actor';
import type { PatientNotifier } from './notifier';
import { CODE_LIFETIME_MS, limit, liveCode } from './sign-in';

// The address is part of what is hashed, so a code checks exactly the address it was sent to (no column for it).
const hash = (accountId: number, email: string, code: string) => createHash('sha256').update(`email:${accountId}:${email}:${code}`).digest('hex');
const wrongCode = () => new AppError(401, 'invalid_code', 'That code is not right, or it has expired. Ask for a new code.');

/**
 * A patient adds or changes the email address on their account from the dashboard: a 6-digit code is sent to the
 * new address, and the address is saved only when that code is typed back, so nobody can put someone else's
 * address on their account (or sign in with it later). Codes follow the sign-in codes' rules: hashed, 10 minutes,
 * single use, 5 tries, 3 a quarter of an hour per account.
 */
export class PatientEmail {
  private readonly asks: RateLimiterAbstract;

  constructor(
    private readonly sequelize: Sequelize,
    private readonly notifier: PatientNotifier,
    private readonly now: () => Date,
    limiters: LimiterFactory = memoryLimiters,
  ) {
    this.asks = limiters({ name: 'patient-email-check:3/900', points: 3, duration: 900 });
  }

  /** Sends a code to `email` for the actor's account (earlier ones stop working); 409 when another account has it. */
  async requestCheck(actor: PatientActor, email: string, language: string | undefined): Promise<void> {
    const address = email.trim().toLowerCase();
    await limit([this.asks.consume(String(actor.accountId))]);
    const taken = await PatientAccount.count({ where: { email: address, id: { [Op.ne]: actor.accountId } } });
    if (taken) throw conflict('already_exists', 'This email address is already used by another account. Ask at the desk if it is yours.');
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const now = this.now();
    await inTransaction(this.sequelize, async (transaction) => {
      await PatientSignInCode.update({ usedAt: now }, { where: { accountId: actor.accountId, kind: 'email', usedAt: null }, transaction });
      await PatientSignInCode.create(
        { accountId: actor.accountId, kind: 'email', codeHash: hash(actor.accountId, address, code), expiresAt: new Date(now.getTime() + CODE_LIFETIME_MS) },
        { transaction },
      );
      await audit({ ...actor.audit('patient.email_code_sent') }, transaction);
    });
    const lang = language && isLanguage(language) ? language : 'en';
    await this.notifier.send({ to: { email: address }, kind: 'email_check', language: lang, text: textsFor(lang).me.emailCheckMessage(code) });
  }

  /** Saves `email` on the account when `code` is the one sent to it; 401 `invalid_code` otherwise. */
  async confirm(actor: PatientActor, email: string, code: string): Promise<string> {
    const address = email.trim().toLowerCase();
    try {
      const saved = await inTransaction(this.sequelize, async (transaction) => {
        const row = await liveCode(actor.accountId, 'email', this.now(), transaction);
        const expected = hash(actor.accountId, address, code.trim());
        if (!row || row.codeHash.length !== expected.length || !timingSafeEqual(Buffer.from(row.codeHash), Buffer.from(expected))) {
          if (row) await row.increment('failedAttempts', { transaction });
          return false;
        }
        await row.update({ usedAt: this.now() }, { transaction });
        await PatientAccount.update({ email: address }, { where: { id: actor.accountId }, transaction });
        await audit({ ...actor.audit('patient.email_changed') }, transaction);
        return true;
      });
      // The wrong try is committed (its count) before the refusal.
      if (!saved) throw wrongCode();
      return address;
    } catch (error) {
      if (uniqueClashOn(error, 'email')) throw conflict('already_exists', 'This email address is already used by another account.');
      throw error;
    }
  }
}
