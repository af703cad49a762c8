import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { Op, type Sequelize, type Transaction } from 'sequelize';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { memoryLimiters, type LimiterFactory } from '../scale/limiters';
import { textsFor, isLanguage } from '../../common/i18n';
import { inTransaction } from '../db/transaction';
import type { MeSession } from '../../common/me';
import { AppError, notFound, tooManyAttempts } from '../errors';
import { Patient, PatientAccount, PatientSignInCode, type PatientSession } from '../models';
import { audit } from '../services/audit';
import type { RequestOrigin } from '../services/auth';
import { storedPhone, type PhoneCountrySource } from '../services/phone';
import type { PatientNotifier } from './notifier';
import type { PatientSessions } from './sessions';

/** A typed code is good for 10 minutes, a printed link for a day (the patient goes home first). */
export const CODE_LIFETIME_MS = 10 * 60_000;
export const LINK_LIFETIME_MS = 24 * 3600_000;
/** Wrong tries one code survives; then a new one must be asked for. */
export const CODE_TRIES = 5;

/** How many codes may be asked for, and how many guesses made, in a window: per person and per address. */
export interface PatientSignInLimits {
  codesPerIdentifier: number;
  codesPerAddress: number;
  verifiesPerAddress: number;
  windowSeconds: number;
}

export const DEFAULT_PATIENT_SIGN_IN_LIMITS: PatientSignInLimits = { codesPerIdentifier: 3, codesPerAddress: 10, verifiesPerAddress: 30, windowSeconds: 15 * 60 };

const hash = (kind: string, accountId: number, secret: string) => createHash('sha256').update(`${kind}:${accountId}:${secret}`).digest('hex');
const hashLink = (token: string) => createHash('sha256').update(`link:${token}`).digest('hex');

const invalidCode = () => new AppError(401, 'invalid_code', 'That code is not right, or it has expired. Ask for a new code.');

/**
 * Patient sign-in without a password: a 6-digit code sent to the account's phone or email (through the notifier),
 * or a link printed at the desk. Codes are stored as SHA-256 only, end after {@link CODE_LIFETIME_MS}, on first use
 * or after {@link CODE_TRIES} wrong tries, and asking for one answers the same whether or not an account exists.
 */
export class PatientSignIn {
  private codes!: RateLimiterAbstract;
  private perAddress!: RateLimiterAbstract;
  private verifies!: RateLimiterAbstract;

  constructor(
    private readonly sequelize: Sequelize,
    private readonly sessions: PatientSessions,
    private readonly notifier: PatientNotifier,
    private readonly country: PhoneCountrySource,
    private readonly now: () => Date,
    limits: PatientSignInLimits = DEFAULT_PATIENT_SIGN_IN_LIMITS,
    /** Counted in Redis across servers with REDIS_URL (scale/limiters.ts), else in this process. */
    private readonly limiters: LimiterFactory = memoryLimiters,
  ) {
    this.setLimits(limits);
  }

  /** New limits, counting from zero (tests make them tight without a restart). */
  setLimits(limits: PatientSignInLimits): void {
    const limiter = (name: string, points: number) => this.limiters({ name: `patient-${name}:${points}/${limits.windowSeconds}`, points, duration: limits.windowSeconds });
    this.codes = limiter('codes', limits.codesPerIdentifier);
    this.perAddress = limiter('codes-address', limits.codesPerAddress);
    this.verifies = limiter('verifies', limits.verifiesPerAddress);
  }

  /** The account an identifier names: an email address, or a phone number however it was written. */
  /** What "who am I" answers for a patient session: first name only, and when it ends. */
  async sessionView(accountId: number, expiresAt: Date): Promise<MeSession> {
    const account = await PatientAccount.findByPk(accountId, { include: [{ model: Patient, as: 'patient', attributes: ['id', 'fullName'] }] });
    const patient = account!.patient!;
    return { patient: { id: patient.id, firstName: patient.fullName.split(/\s+/)[0] }, expiresAt: expiresAt.toISOString() };
  }

  /** The patient a desk prints a sign-in link for; 404 when there is none. */
  async patient(id: number): Promise<Patient> {
    const patient = await Patient.findByPk(id);
    if (!patient) throw notFound('That patient');
    return patient;
  }

  async findAccount(identifier: string): Promise<PatientAccount | null> {
    const text = identifier.trim();
    if (text.includes('@')) return PatientAccount.findOne({ where: { email: text.toLowerCase() } });
    const phone = storedPhone(text, await this.country());
    return phone ? PatientAccount.findOne({ where: { phone } }) : null;
  }

  /** Sends a new code when the identifier has an account (earlier codes stop working); silent otherwise. */
  async requestCode(identifier: string, language: string | undefined, origin: RequestOrigin): Promise<void> {
    await limit([this.codes.consume(identifier.trim().toLowerCase()), this.perAddress.consume(origin.ip)]);
    const account = await this.findAccount(identifier);
    if (!account) {
      await audit({ userId: null, action: 'patient.sign_in_unknown', ip: origin.ip });
      return;
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const now = this.now();
    await inTransaction(this.sequelize, async (transaction) => {
      await PatientSignInCode.update({ usedAt: now }, { where: { accountId: account.id, kind: 'code', usedAt: null }, transaction });
      await PatientSignInCode.create(
        { accountId: account.id, kind: 'code', codeHash: hash('code', account.id, code), expiresAt: new Date(now.getTime() + CODE_LIFETIME_MS) },
        { transaction },
      );
      await audit({ userId: null, action: 'patient.sign_in_code_sent', entityType: 'patient_account', entityId: account.id, patientId: account.patientId, ip: origin.ip }, transaction);
    });
    const texts = textsFor(language && isLanguage(language) ? language : 'en');
    const to = identifier.includes('@') ? { email: account.email } : { phone: account.phone };
    await this.notifier.send({ to, kind: 'sign_in_code', language: language ?? 'en', text: texts.me.codeMessage(code) });
  }

  /** Checks a typed code and opens a session. A wrong code counts against the code and the address. */
  async signInWithCode(identifier: string, code: string, origin: RequestOrigin): Promise<{ token: string; session: PatientSession }> {
    await limit([this.verifies.consume(origin.ip)]);
    const account = await this.findAccount(identifier);
    if (!account) throw invalidCode();
    const result = await inTransaction(this.sequelize, async (transaction) => {
      const row = await liveCode(account.id, 'code', this.now(), transaction);
      if (!row || !sameHash(row.codeHash, hash('code', account.id, code.trim()))) {
        if (row) await row.increment('failedAttempts', { transaction });
        await audit({ userId: null, action: 'patient.sign_in_failed', entityType: 'patient_account', entityId: account.id, patientId: account.patientId, ip: origin.ip }, transaction);
        return null;
      }
      return this.use(row, account, origin, transaction);
    });
    // The failure is committed (its count and audit row) before the refusal is thrown.
    if (!result) throw invalidCode();
    return result;
  }

  /** Signs in with a printed link's token (single-use, a day long). */
  async signInWithLink(token: string, origin: RequestOrigin): Promise<{ token: string; session: PatientSession }> {
    await limit([this.verifies.consume(origin.ip)]);
    const result = await inTransaction(this.sequelize, async (transaction) => {
      const row = await PatientSignInCode.findOne({
        where: { kind: 'link', codeHash: hashLink(token), usedAt: null, expiresAt: { [Op.gt]: this.now() } },
        transaction,
        lock: transaction.LOCK.UPDATE,
      });
      const account = row && (await PatientAccount.findByPk(row.accountId, { transaction }));
      return row && account ? this.use(row, account, origin, transaction) : null;
    });
    if (!result) throw new AppError(401, 'invalid_code', 'This sign-in link has been used or has expired. Ask at the desk for a new one.');
    return result;
  }

  /**
   * A sign-in link for the patient, made at the desk (the person stands there with their papers): the patient's
   * account is made if they have none, with the phone on their record.
   */
  async issueLink(patientId: number, staffId: number, ip: string): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(24).toString('base64url');
    const expiresAt = new Date(this.now().getTime() + LINK_LIFETIME_MS);
    await inTransaction(this.sequelize, async (transaction) => {
      const account = await ensureAccount(patientId, transaction);
      await PatientSignInCode.create({ accountId: account.id, kind: 'link', codeHash: hashLink(token), expiresAt }, { transaction });
      await audit({ userId: staffId, action: 'patient.sign_in_link', entityType: 'patient_account', entityId: account.id, patientId, ip }, transaction);
    });
    return { token, expiresAt };
  }

  private async use(row: PatientSignInCode, account: PatientAccount, origin: RequestOrigin, transaction: Transaction) {
    // Single use even under a race: only the request whose UPDATE finds it unused goes on.
    const [changed] = await PatientSignInCode.update({ usedAt: this.now() }, { where: { id: row.id, usedAt: null }, transaction });
    if (changed !== 1) return null;
    const opened = await this.sessions.open(account.id, origin, transaction);
    await audit({ userId: null, action: 'patient.sign_in', entityType: 'patient_account', entityId: account.id, patientId: account.patientId, ip: origin.ip, details: { with: row.kind, actor: 'patient', patientAccountId: account.id } }, transaction);
    return opened;
  }
}

/** The account's latest typed code of `kind` still good at `now` (unused, unexpired, tries left), locked; or null. */
export function liveCode(accountId: number, kind: 'code' | 'email', now: Date, transaction: Transaction): Promise<PatientSignInCode | null> {
  return PatientSignInCode.findOne({
    where: { accountId, kind, usedAt: null, expiresAt: { [Op.gt]: now }, failedAttempts: { [Op.lt]: CODE_TRIES } },
    order: [['id', 'DESC']],
    transaction,
    lock: transaction.LOCK.UPDATE,
  });
}

/** The patient's account, made with the phone on their record when they have none. */
export async function ensureAccount(patientId: number, transaction: Transaction): Promise<PatientAccount> {
  const existing = await PatientAccount.findOne({ where: { patientId }, transaction });
  if (existing) return existing;
  const patient = await Patient.findByPk(patientId, { transaction });
  if (!patient) throw new AppError(404, 'not_found', 'That patient was not found.');
  // A phone another account already uses stays off this one (a family's shared phone): the desk links them instead.
  const taken = patient.phone ? await PatientAccount.count({ where: { phone: patient.phone }, transaction }) : 1;
  return PatientAccount.create({ patientId, phone: taken ? null : patient.phone, email: null }, { transaction });
}

/**
 * Registers a patient who booked online and asked for an account: true when they can sign in with the phone they
 * booked with (the account has it). The code goes to that phone, so registering proves nothing until it is used.
 */
export async function registerPatient(sequelize: Sequelize, patientId: number): Promise<boolean> {
  const account = await inTransaction(sequelize, (transaction) => ensureAccount(patientId, transaction));
  return account.phone !== null;
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** Runs the limiter consumptions; any refusal becomes 429 with the longest wait. */
export async function limit(consumptions: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(consumptions);
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
  if (!refused.length) return;
  const unexpected = refused.find((r) => !(r instanceof RateLimiterRes));
  if (unexpected) throw unexpected;
  const wait = Math.max(...(refused as RateLimiterRes[]).map((r) => r.msBeforeNext)) / 1000;
  throw tooManyAttempts('Too many sign-in attempts. Please wait a few minutes and try again.', wait);
}
