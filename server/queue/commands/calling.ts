import { Op, type Transaction } from 'sequelize';
import { directQuery, isDirect, type WriteResult } from '../../db/direct';
import { conflict, notFound } from '../../errors';
import { Appointment, DoctorProfile, QueueEntry, TimeSlot, type Department, type User } from '../../models';
import { sortForCalling } from '../rules/ordering';
import { stepChanges } from '../rules/transitions';
import type { QueueContext } from './context';
import { loadEntry } from './entries';

/**
 * Locks a doctor's profile row until the transaction ends (SELECT ... FOR UPDATE), so that everything that calls a
 * patient for one doctor runs one at a time: two quick clicks of "call next" then call one patient, because the
 * second finds the first one's patient called (doctor_busy).
 *
 * On MySQL this must be the transaction's first read: InnoDB's REPEATABLE READ snapshot is taken at the first plain
 * read, and the busy check below must see what the previous holder of the lock committed. (Locking reads, like this
 * one and lockEntry, read the newest data and take no snapshot.) SQLite serialises write transactions anyway.
 */
export async function lockDoctor(doctorId: number, transaction: Transaction): Promise<DoctorProfile> {
  const doctor = await DoctorProfile.findByPk(doctorId, { transaction, lock: transaction.LOCK.UPDATE });
  if (!doctor) throw notFound('That doctor');
  return doctor;
}

/** Throws 409 `doctor_busy` if the doctor already has a patient called or in consultation today. */
export async function assertDoctorFree(doctor: DoctorProfile, day: string, transaction: Transaction): Promise<void> {
  const current = await QueueEntry.findOne({
    where: { doctorId: doctor.id, clinicDay: day, status: { [Op.in]: ['called', 'in_consultation'] } },
    order: [['calledAt', 'DESC']],
    transaction,
  });
  if (!current) return;
  throw conflict(
    'doctor_busy',
    current.status === 'called'
      ? `${current.token} has been called and is not finished yet. Start the consultation, complete it or mark it as a no-show before calling the next patient.`
      : `${current.token} is still in consultation. Complete or transfer it before calling the next patient.`,
  );
}

/**
 * lockDoctor and assertDoctorFree in one round trip, for "call next", which is on every display's critical path: one
 * statement locks the doctor's row and looks up their current patient. The look-up is a subquery on the locked row,
 * so the database runs it once the lock is held; on MySQL it is the transaction's first plain read, so its snapshot
 * is taken then, after the previous holder of the lock committed (as lockDoctor requires). Throws 404 for an unknown
 * doctor and 409 `doctor_busy` as assertDoctorFree does.
 *
 * On MySQL the statement goes straight to the connection (db/direct.ts) and the profile returned is the live
 * model's copy when the locked row agrees with it on what a call shows (department, room, user); else it is read.
 * On SQLite it is lockDoctor then assertDoctorFree.
 */
export async function lockFreeDoctor(ctx: QueueContext, doctorId: number, day: string, now: Date, transaction: Transaction): Promise<DoctorProfile> {
  // SQLite has no row locks (its write transactions run one at a time) and is not where the round trips cost.
  if (!isDirect(transaction)) {
    const doctor = await lockDoctor(doctorId, transaction);
    await assertDoctorFree(doctor, day, transaction);
    return doctor;
  }
  const [row] = await directQuery<Array<{ department_id: number; room: string; user_id: number; current_entry_id: number | null }>>(
    transaction,
    `SELECT d.department_id, d.room, d.user_id, (SELECT q.id FROM queue_entries q WHERE q.doctor_id = d.id
       AND q.clinic_day = ? AND q.status IN ('called', 'in_consultation') ORDER BY q.called_at DESC LIMIT 1) AS current_entry_id
     FROM doctor_profiles d WHERE d.id = ? FOR UPDATE`,
    [day, doctorId],
  );
  if (!row) throw notFound('That doctor');
  const known = ctx.live ? (await ctx.live.directory(now)).doctors.get(doctorId)?.doctor : undefined;
  const same = known && known.departmentId === row.department_id && known.room === row.room && known.userId === row.user_id;
  // Already locked: a plain read of the row, for the rare profile edited since the model read it.
  const doctor = same ? known : await DoctorProfile.findByPk(doctorId, { transaction });
  if (!doctor) throw notFound('That doctor');
  // Busy: the message names the patient, read now (a refusal is not on anyone's critical path).
  if (row.current_entry_id !== null) await assertDoctorFree(doctor, day, transaction);
  return doctor;
}

/**
 * Calls the first waiting entry, by the ordering rule, among the doctor's own entries and their department's
 * shared ("any doctor") entries for `day`; returns null when nobody is waiting. The caller holds the doctor's lock
 * and has checked the doctor is free.
 *
 * Two doctors of one department draw from the same shared entries, and only their own rows are locked, so each
 * candidate is claimed with a conditional UPDATE ... WHERE id = ? AND status = 'waiting': the database lets exactly
 * one of them change the row (on MySQL the loser waits for the winner's commit, then matches nothing) and the loser
 * moves on to the next candidate. The entry called is returned with everything presenters need (loadEntry).
 */
export async function claimNext(
  ctx: QueueContext,
  doctor: DoctorProfile,
  day: string,
  now: Date,
  transaction: Transaction,
): Promise<QueueEntry | null> {
  // The live model already has the doctor's line in calling order: try it first, without reading the day. The
  // claim below is what decides, so a model that is behind (another server's change) costs a failed claim, never a
  // wrong call; when none of its candidates can be claimed, the database is asked as before.
  if (ctx.live) {
    const [live, directory] = await Promise.all([ctx.live.day(doctor.departmentId, now), ctx.live.directory(now)]);
    // The doctor's own entries and the department's shared ones, in calling order (copied: commits go on meanwhile).
    const line = live.line(now).filter((item) => item.doctorId === null || item.doctorId === doctor.id);
    const user = directory.doctors.get(doctor.id)?.doctor.user;
    const department = directory.departments.get(doctor.departmentId);
    for (const { entry } of line) {
      if (entry.clinicDay !== day) break;
      // Usually the row is exactly the model's copy: claimed at that version, it is not read back.
      const called = user && department ? await claimAsKnown(entry, { doctor, user, department }, now, transaction) : null;
      if (called) return called;
      if (await claim(entry, doctor, now, transaction)) return loadEntry(entry.id, transaction);
    }
  }
  const waiting = await QueueEntry.findAll({
    where: {
      clinicDay: day,
      status: 'waiting',
      [Op.or]: [{ doctorId: doctor.id }, { departmentId: doctor.departmentId, doctorId: null }],
    },
    include: [{ model: Appointment, as: 'appointment', include: [{ model: TimeSlot, as: 'slot' }] }],
    transaction,
  });
  for (const candidate of sortForCalling(waiting, now)) {
    if (await claim(candidate, doctor, now, transaction)) {
      return loadEntry(candidate.id, transaction);
    }
  }
  return null;
}

/**
 * Calls `entry` for `doctor` if its row is still the version the live model holds (and so still waiting), and
 * returns the called entry built from that copy and the changes, with no read back: a call is on the critical path
 * of every display. Null when the row has moved on (the caller then claims it the ordinary way), or when the copy
 * lacks the patient or appointment it refers to.
 */
async function claimAsKnown(
  entry: QueueEntry,
  by: { doctor: DoctorProfile; user: User; department: Department },
  now: Date,
  transaction: Transaction,
): Promise<QueueEntry | null> {
  if ((entry.patientId && !entry.patient) || (entry.appointmentId && !entry.appointment)) return null;
  // updatedAt is set here and the update is silent, so the copy below holds exactly what the row holds.
  const changes = { ...stepChanges(entry, 'call', now), doctorId: by.doctor.id, version: entry.version + 1, updatedAt: now };
  if ((await claimWrite(entry, changes, transaction)) !== 1) return null;
  const values: Record<string, unknown> = {};
  for (const key of Object.keys(QueueEntry.getAttributes())) values[key] = entry.get(key);
  const called = QueueEntry.build({ ...values, ...changes } as QueueEntry['_creationAttributes'], { isNewRecord: false, raw: true });
  by.doctor.user = by.user;
  // The department from the directory, which an edit refreshes; the entry's own copy is from when it was loaded.
  called.department = by.department;
  called.doctor = by.doctor;
  called.patient = entry.patient ?? null;
  called.appointment = entry.appointment ?? null;
  return called;
}

/**
 * Writes a claim's `changes` to `entry`'s row if it is still waiting at the version the model holds; the number of
 * rows changed (0 or 1). On MySQL straight to the connection (db/direct.ts): no model hook needs it, because the
 * live read model takes the entry from the command's change, not from the write.
 */
async function claimWrite(entry: QueueEntry, changes: Record<string, unknown>, transaction: Transaction): Promise<number> {
  if (!isDirect(transaction)) {
    const [affected] = await QueueEntry.update(changes, { where: { id: entry.id, status: 'waiting', version: entry.version }, transaction, silent: true });
    return affected;
  }
  const attributes = QueueEntry.getAttributes() as Record<string, { field?: string }>;
  const keys = Object.keys(changes);
  const sets = keys.map((key) => `\`${attributes[key].field ?? key}\` = ?`).join(', ');
  const result = await directQuery<WriteResult>(transaction, `UPDATE queue_entries SET ${sets} WHERE id = ? AND status = 'waiting' AND version = ?`, [
    ...keys.map((key) => changes[key]),
    entry.id,
    entry.version,
  ]);
  return result.affectedRows;
}

/** Calls `entry` for `doctor` if it is still waiting; false when someone else called (or cancelled) it first. */
export async function claim(entry: QueueEntry, doctor: DoctorProfile, now: Date, transaction: Transaction): Promise<boolean> {
  const [affected] = await QueueEntry.update(
    {
      ...stepChanges(entry, 'call', now),
      // The row's own first call time wins over the one read before the claim (which may be older than the row).
      firstCalledAt: QueueEntry.sequelize!.fn('COALESCE', QueueEntry.sequelize!.col('first_called_at'), now) as unknown as Date,
      doctorId: doctor.id,
      // A bulk update does not bump the optimistic-lock version by itself, and every change must.
      version: QueueEntry.sequelize!.literal('version + 1') as unknown as number,
    },
    { where: { id: entry.id, status: 'waiting' }, transaction },
  );
  return affected === 1;
}
