import { Op, type Transaction } from 'sequelize';
import { conflict, notFound } from '../../errors';
import { Appointment, DoctorProfile, QueueEntry, TimeSlot } from '../../models';
import { sortForCalling } from '../rules/ordering';
import { stepChanges } from '../rules/transitions';

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
 * Calls the first waiting entry, by the ordering rule, among the doctor's own entries and their department's
 * shared ("any doctor") entries for `day`; returns null when nobody is waiting. The caller holds the doctor's lock
 * and has checked the doctor is free.
 *
 * Two doctors of one department draw from the same shared entries, and only their own rows are locked, so each
 * candidate is claimed with a conditional UPDATE ... WHERE id = ? AND status = 'waiting': the database lets exactly
 * one of them change the row (on MySQL the loser waits for the winner's commit, then matches nothing) and the loser
 * moves on to the next candidate.
 */
export async function claimNext(
  doctor: DoctorProfile,
  day: string,
  now: Date,
  transaction: Transaction,
): Promise<QueueEntry | null> {
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
      return (await QueueEntry.findByPk(candidate.id, { transaction }))!;
    }
  }
  return null;
}

/** Calls `entry` for `doctor` if it is still waiting; false when someone else called (or cancelled) it first. */
export async function claim(entry: QueueEntry, doctor: DoctorProfile, now: Date, transaction: Transaction): Promise<boolean> {
  const [affected] = await QueueEntry.update(
    {
      ...stepChanges(entry, 'call', now),
      doctorId: doctor.id,
      // A bulk update does not bump the optimistic-lock version by itself, and every change must.
      version: QueueEntry.sequelize!.literal('version + 1') as unknown as number,
    },
    { where: { id: entry.id, status: 'waiting' }, transaction },
  );
  return affected === 1;
}
