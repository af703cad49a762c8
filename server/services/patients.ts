import { fn, col, literal, Op, where, type Sequelize, type Transaction, type WhereOptions } from 'sequelize';
import type { DuplicateReason } from '../../common/admin';
import { inTransaction } from '../db/transaction';
import { notFound } from '../errors';
import { Patient } from '../models';
import { audit } from './audit';
import { medicalRecordNumber, normalizeCode } from './codes';
import { comparablePhoneDigits, phoneDigitVariants, storedPhone, type PhoneCountry } from './phone';
import { retryOnCodeClash } from './unique';

/** The profile fields staff may set. */
export type PatientFields = Pick<Patient, 'fullName' | 'dateOfBirth'> &
  Partial<Pick<Patient, 'sex' | 'phone' | 'bloodGroup' | 'allergies' | 'insuranceProvider' | 'insuranceNumber'>>;

/** Who is changing patient data, for the audit trail (userId null for the public booking page). */
export interface PatientActor {
  userId: number | null;
  ip: string;
}

/** A registered patient who may be the person being entered, and why. */
export interface DuplicateMatch {
  patient: Patient;
  reasons: DuplicateReason[];
}

/** Fewer digits than this is not a phone number worth matching on (an extension, a typo). */
const MIN_PHONE_DIGITS = 6;

// Numbers are stored in E.164 (services/phone.ts), but rows a migration could not read keep their spaces, dashes,
// dots or brackets; compare digits only. Plain REPLACE works the same on SQLite and MySQL.
const PHONE_DIGITS = literal(
  "REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(COALESCE(phone, ''), ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', '')",
);

/** The digits of a phone number. */
export function phoneDigits(phone: string | null | undefined): string {
  return (phone ?? '').replace(/\D/g, '');
}

/** A name as stored and compared: trimmed, single spaces. */
export function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

function sameName(fullName: string) {
  return where(fn('LOWER', col('full_name')), normalizeName(fullName).toLowerCase());
}

/**
 * Registered patients who may be the same person: the same name (ignoring case and spacing) and date of birth, or
 * the same phone number however it is written (`07700 900101` and `+44 7700 900101` in GB). `excludeId` leaves out the patient being edited. Reception's desk check-in
 * uses this too, before it registers a new patient.
 */
export async function findPossibleDuplicates(
  candidate: { fullName: string; dateOfBirth: string; phone?: string | null },
  options: { excludeId?: number; transaction?: Transaction; country?: PhoneCountry | null } = {},
): Promise<DuplicateMatch[]> {
  const country = options.country ?? null;
  const digits = comparablePhoneDigits(candidate.phone, country);
  const matches: WhereOptions[] = [{ dateOfBirth: candidate.dateOfBirth, [Op.and]: [sameName(candidate.fullName)] }];
  if (digits.length >= MIN_PHONE_DIGITS) matches.push(where(PHONE_DIGITS, { [Op.in]: phoneDigitVariants(candidate.phone, country) }));
  const found = await Patient.findAll({
    where: { [Op.or]: matches, ...(options.excludeId ? { id: { [Op.ne]: options.excludeId } } : {}) },
    order: [['id', 'ASC']],
    limit: 20,
    transaction: options.transaction,
  });
  const name = normalizeName(candidate.fullName).toLowerCase();
  return found.map((patient) => {
    const reasons: DuplicateReason[] = [];
    if (patient.dateOfBirth === candidate.dateOfBirth && normalizeName(patient.fullName).toLowerCase() === name) {
      reasons.push('name_and_birth_date');
    }
    if (digits.length >= MIN_PHONE_DIGITS && comparablePhoneDigits(patient.phone, country) === digits) reasons.push('phone');
    return { patient, reasons };
  });
}

/**
 * Registers a patient, unless possible duplicates exist and the caller has not confirmed: then nothing is written
 * and the duplicates come back for the screen to show. The record number is random; a clash draws a new one. The
 * phone number is stored in E.164, read with the clinic's `country` when typed without a country code.
 */
export async function createPatient(
  sequelize: Sequelize,
  input: PatientFields & { confirmDuplicate?: boolean },
  actor: PatientActor,
  country: PhoneCountry | null = null,
): Promise<{ patient: Patient } | { duplicates: DuplicateMatch[] }> {
  const { confirmDuplicate, ...typed } = input;
  const fields = typed.phone === undefined ? typed : { ...typed, phone: storedPhone(typed.phone, country) };
  return retryOnCodeClash(['medical_record_number'], () =>
    inTransaction(sequelize, async (transaction) => {
      if (!confirmDuplicate) {
        const duplicates = await findPossibleDuplicates(fields, { transaction, country });
        if (duplicates.length) return { duplicates };
      }
      const patient = await Patient.create(
        { ...fields, fullName: normalizeName(fields.fullName), medicalRecordNumber: medicalRecordNumber() },
        { transaction },
      );
      await audit(
        {
          userId: actor.userId,
          action: 'patient.create',
          entityType: 'patient',
          entityId: patient.id,
          patientId: patient.id,
          ip: actor.ip,
          details: { confirmedDuplicate: Boolean(confirmDuplicate) },
        },
        transaction,
      );
      return { patient };
    }),
  );
}

/** Changes any profile fields (a phone number stored in E.164, as on registration); the audit entry names the fields changed (not their values, which are clinical). */
export async function updatePatient(
  sequelize: Sequelize,
  id: number,
  changes: Partial<PatientFields>,
  actor: PatientActor,
  country: PhoneCountry | null = null,
): Promise<Patient> {
  return inTransaction(sequelize, async (transaction) => {
    const patient = await Patient.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!patient) throw notFound('That patient');
    const values: Partial<PatientFields> = { ...changes };
    if (changes.fullName !== undefined) values.fullName = normalizeName(changes.fullName);
    if (changes.phone !== undefined) values.phone = storedPhone(changes.phone, country);
    patient.set(values);
    const changed = patient.changed() || [];
    if (changed.length) {
      await patient.save({ transaction });
      await audit(
        { userId: actor.userId, action: 'patient.update', entityType: 'patient', entityId: id, patientId: id, ip: actor.ip, details: { changed } },
        transaction,
      );
    }
    return patient;
  });
}

/**
 * One page of patients matching `q` by part of the name, the record number, or part of the phone number (digits, with
 * or without the national trunk 0) or the whole number however written, ordered by name. An empty `q` lists everyone.
 */
export async function searchPatients(
  q: string,
  page: number,
  pageSize: number,
  country: PhoneCountry | null = null,
): Promise<{ patients: Patient[]; total: number }> {
  const text = q.trim();
  let filter: WhereOptions = {};
  if (text) {
    // LIKE's wildcards are dropped rather than escaped: SQLite has no default escape character, and names do not
    // contain them.
    const name = normalizeName(text).replace(/[%_\\]/g, '');
    const alternatives: WhereOptions[] = [{ medicalRecordNumber: normalizeCode(text) }];
    if (name) alternatives.push({ fullName: { [Op.like]: `%${name}%` } });
    const digits = phoneDigits(text);
    if (digits.length >= 3 && /^[\d\s()+.-]+$/.test(text)) {
      alternatives.push(where(PHONE_DIGITS, { [Op.like]: `%${digits}%` }));
      // Stored numbers carry the country code instead of the national trunk 0: `07700 9` finds +44 7700 900101.
      const national = digits.replace(/^0+/, '');
      if (national !== digits && national.length >= 3) alternatives.push(where(PHONE_DIGITS, { [Op.like]: `%${national}%` }));
      const whole = comparablePhoneDigits(text, country);
      if (whole !== digits) alternatives.push(where(PHONE_DIGITS, whole));
    }
    filter = { [Op.or]: alternatives };
  }
  const { rows, count } = await Patient.findAndCountAll({
    where: filter,
    order: [['fullName', 'ASC'], ['id', 'ASC']],
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { patients: rows, total: count };
}

/**
 * The patient a public booking is for: the registered patient with this name, date of birth and phone number
 * (however written: `07700 900101` is `+44 7700 900101` in GB), or a new one, stored with the number in E.164. Runs inside the booking's transaction.
 */
export async function findOrCreateForBooking(
  person: { fullName: string; dateOfBirth: string; phone: string },
  ip: string,
  transaction: Transaction,
  country: PhoneCountry | null = null,
): Promise<Patient> {
  const digits = comparablePhoneDigits(person.phone, country);
  const candidates = await Patient.findAll({
    where: {
      dateOfBirth: person.dateOfBirth,
      [Op.and]: [sameName(person.fullName), where(PHONE_DIGITS, { [Op.in]: phoneDigitVariants(person.phone, country) })],
    },
    order: [['id', 'ASC']],
    transaction,
  });
  const existing = candidates.find((p) => comparablePhoneDigits(p.phone, country) === digits);
  if (existing) return existing;
  const patient = await Patient.create(
    { fullName: normalizeName(person.fullName), dateOfBirth: person.dateOfBirth, phone: storedPhone(person.phone, country) },
    { transaction },
  );
  await audit(
    { userId: null, action: 'patient.create', entityType: 'patient', entityId: patient.id, patientId: patient.id, ip, details: { via: 'public_booking' } },
    transaction,
  );
  return patient;
}
