import { Op, type Transaction } from 'sequelize';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../errors';
import { Department, DoctorProfile, Patient, QueueEntry } from '../../models';
import { audit } from '../../services/audit';
import { clinicDay } from '../../services/clinic-time';
import type { StaffActor } from './access';
import { queueTransaction, type QueueContext } from './context';
import { once, type CheckedIn } from './idempotency';
import { formatToken, nextSequence } from './tokens';
import type { WalkInInput } from '../types';

/** What a new entry is made of; the token number and clinic day are taken here. */
export interface NewEntry {
  departmentId: number;
  prefix: string;
  doctorId: number | null;
  patientId: number | null;
  appointmentId: number | null;
  priority: QueueEntry['priority'];
  priorityReason: QueueEntry['priorityReason'];
  checkedInAt: Date;
  idempotencyKey: string | null;
  transferredFromId: number | null;
  /** What an anonymous walk-in typed at the kiosk (staff screens only). */
  firstName?: string | null;
  contactPhone?: string | null;
}

/** What an anonymous walk-in may leave at the kiosk for reception: stored with the entry, never shown publicly. */
export interface WalkInContact {
  firstName?: string | null;
  contactPhone?: string | null;
}

/**
 * Creates a waiting entry with the department's next token for today's clinic day (clinic time zone). Also used
 * by transfers, which pass the original check-in time.
 */
export async function issueEntry(ctx: QueueContext, values: NewEntry, now: Date, transaction: Transaction): Promise<QueueEntry> {
  const day = clinicDay(now, ctx.timeZone);
  const sequence = await nextSequence(ctx.sequelize, values.departmentId, day, transaction);
  const { prefix, ...columns } = values;
  return QueueEntry.create(
    { ...columns, clinicDay: day, sequence, token: formatToken(prefix, sequence) },
    { transaction },
  );
}

/**
 * Creates several waiting entries of ONE department in one go, numbered in the order given: one counter increment
 * by their count and one multi-row insert. Their ids are read back by number, because the ids of a multi-row
 * insert are consecutive only under some of MySQL's auto-increment lock modes.
 */
export async function issueEntries(ctx: QueueContext, values: NewEntry[], now: Date, transaction: Transaction): Promise<QueueEntry[]> {
  if (values.length === 1) return [await issueEntry(ctx, values[0], now, transaction)];
  const { departmentId } = values[0];
  const day = clinicDay(now, ctx.timeZone);
  const last = await nextSequence(ctx.sequelize, departmentId, day, transaction, values.length);
  const first = last - values.length + 1;
  const entries = await QueueEntry.bulkCreate(
    values.map(({ prefix, ...columns }, i) => ({ ...columns, clinicDay: day, sequence: first + i, token: formatToken(prefix, first + i) })),
    // The same checks as create() makes for a single entry (bulkCreate skips them by default).
    { transaction, validate: true },
  );
  const ids = await QueueEntry.findAll({
    attributes: ['id', 'sequence'],
    where: { departmentId, clinicDay: day, sequence: { [Op.between]: [first, last] } },
    transaction,
    raw: true,
  });
  const idOf = new Map(ids.map((row) => [row.sequence, row.id]));
  for (const entry of entries) entry.setDataValue('id', idOf.get(entry.sequence)!);
  return entries;
}

/**
 * The department (and named doctor) a walk-in is for: the department must exist and take patients, the doctor must
 * work there. Read from the live model's directory when there is one (no query), else from the database.
 */
async function walkInTarget(
  ctx: QueueContext,
  input: WalkInInput,
  transaction?: Transaction,
): Promise<{ department: Department; doctor: DoctorProfile | null }> {
  const directory = ctx.live ? await ctx.live.directory(ctx.now()) : null;
  const department = directory ? directory.departments.get(input.departmentId) : await Department.findByPk(input.departmentId, { transaction });
  if (!department) throw notFound('That department');
  if (!department.active) {
    throw conflict('department_closed', `${department.name} is not taking patients at the moment. Please ask at the reception desk.`);
  }
  if (input.doctorId === undefined) return { department, doctor: null };
  const doctor = directory ? directory.doctors.get(input.doctorId)?.doctor : await DoctorProfile.findByPk(input.doctorId, { transaction });
  if (!doctor) throw notFound('That doctor');
  if (doctor.departmentId !== department.id) {
    throw new AppError(422, 'invalid_reference', `That doctor does not work in ${department.name}.`);
  }
  return { department, doctor };
}

/**
 * A walk-in: any doctor of the department, or a named one. Only staff may attach a registered patient (the kiosk is
 * anonymous); a priority reason goes only with the priority class. The transaction is the counter increment and one
 * insert (plus, for a named patient, their check and the audit row): the entry is returned with its department,
 * doctor and patient set from what was already at hand, not read back.
 */
export async function checkInWalkIn(
  ctx: QueueContext,
  input: WalkInInput,
  actor: StaffActor | null,
  contact: WalkInContact = {},
): Promise<CheckedIn> {
  const priority = input.priority ?? 'normal';
  if (input.priorityReason && priority !== 'priority') {
    throw validationFailed([{ path: 'priorityReason', message: 'A reason is given only with the priority class.' }]);
  }
  if (input.patientId !== undefined && !actor) throw forbidden('Only clinic staff can check in a registered patient.');

  const columns = (department: Department, doctor: DoctorProfile | null, patient: Patient | null) => ({
    departmentId: department.id,
    prefix: department.prefix,
    doctorId: doctor?.id ?? null,
    patientId: patient?.id ?? null,
    appointmentId: null,
    priority,
    priorityReason: priority === 'priority' ? (input.priorityReason ?? null) : null,
    idempotencyKey: input.idempotencyKey,
    transferredFromId: null,
    // Written with the entry, so the desk's live list has them from the first broadcast.
    firstName: contact.firstName ?? null,
    contactPhone: contact.contactPhone ?? null,
  });

  return once(ctx, input.idempotencyKey, input.departmentId, async () => {
    if (input.patientId === undefined && ctx.batches) {
      // No patient to check and nothing to audit: written with the other walk-ins arriving now (walk-in-batches.ts).
      const { department, doctor } = await walkInTarget(ctx, input);
      return ctx.batches.issue({ values: { ...columns(department, doctor, null), idempotencyKey: input.idempotencyKey }, department, doctor });
    }
    return queueTransaction(ctx, async (transaction) => {
      const now = ctx.now();
      const { department, doctor } = await walkInTarget(ctx, input, transaction);
      const patient = input.patientId !== undefined ? await Patient.findByPk(input.patientId, { transaction }) : null;
      if (input.patientId !== undefined && !patient) throw notFound('That patient');
      const entry = await issueEntry(ctx, { ...columns(department, doctor, patient), checkedInAt: now }, now, transaction);
      entry.department = department;
      entry.doctor = doctor;
      entry.patient = patient;
      entry.appointment = null;
      if (patient) await auditCheckIn(entry, actor, 'walk_in', transaction);
      ctx.notifier.changed(transaction, { departmentIds: [department.id], entries: [entry] });
      return { entry, created: true };
    });
  });
}

/**
 * Writes the one audit row of a check-in of a registered patient, in its transaction: who (null for the kiosk or
 * a patient's phone), whom, into which queue, from where.
 */
export async function auditCheckIn(
  entry: QueueEntry,
  actor: StaffActor | null,
  kind: 'walk_in' | 'appointment',
  transaction: Transaction,
): Promise<void> {
  await audit(
    {
      userId: actor?.userId ?? null,
      action: 'queue.check_in',
      entityType: 'queue_entry',
      entityId: entry.id,
      patientId: entry.patientId ?? undefined,
      ip: actor?.ip,
      details: { token: entry.token, kind, appointmentId: entry.appointmentId, departmentId: entry.departmentId, doctorId: entry.doctorId },
    },
    transaction,
  );
}
