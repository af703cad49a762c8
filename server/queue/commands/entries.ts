import { OptimisticLockError, type Includeable, type Transaction } from 'sequelize';
import { conflict, notFound } from '../../errors';
import {
  Appointment,
  Department,
  DoctorProfile,
  Patient,
  QueueEntry,
  TimeSlot,
  User,
} from '../../models';
import type { AppointmentStatus } from '../../models/appointment';
import type { QueueStep } from '../rules/transitions';

/**
 * What an entry is returned with, so presenters need no further reads: department, doctor (and their name),
 * patient, and the appointment with its slot.
 */
export function entryIncludes(): Includeable[] {
  return [
    { model: Department, as: 'department' },
    {
      model: DoctorProfile,
      as: 'doctor',
      include: [{ model: User, as: 'user', attributes: { exclude: ['passwordHash'] } }],
    },
    { model: Patient, as: 'patient' },
    { model: Appointment, as: 'appointment', include: [{ model: TimeSlot, as: 'slot' }] },
  ];
}

/** An entry with everything presenters use (see entryIncludes). */
export async function loadEntry(id: number, transaction?: Transaction): Promise<QueueEntry> {
  const entry = await QueueEntry.findByPk(id, { include: entryIncludes(), transaction });
  if (!entry) throw notFound('That queue entry');
  return entry;
}

/**
 * Reads an entry and locks its row until the transaction ends (SELECT ... FOR UPDATE on MySQL; SQLite's write
 * transactions are serialised anyway), so a second step on the same entry waits and then sees this one's result.
 */
export async function lockEntry(id: number, transaction: Transaction): Promise<QueueEntry> {
  const entry = await QueueEntry.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
  if (!entry) throw notFound('That queue entry');
  return entry;
}

/** The 409 for a step taken on an out-of-date screen. */
export function staleError() {
  return conflict('stale', "This patient's status changed on another screen. The list has been refreshed.");
}

/** Throws 409 `stale` unless the entry is still at the version the screen showed. */
export function checkVersion(entry: QueueEntry, expectedVersion: number): void {
  if (entry.version !== expectedVersion) throw staleError();
}

/**
 * Saves a stepped entry. Optimistic locking bumps `version` and adds `WHERE version = <old>`; the row lock makes a
 * lost race unlikely, but should one happen it is the same "stale" answer, not a 500.
 */
export async function saveEntry(entry: QueueEntry, transaction: Transaction): Promise<void> {
  try {
    await entry.save({ transaction });
  } catch (error) {
    if (error instanceof OptimisticLockError) throw staleError();
    throw error;
  }
}

/**
 * How a visit's steps move its appointment along: `from` lists the statuses the appointment may be in for the
 * change to apply (anything else was changed on purpose by staff and is left alone). A no-show (skip) leaves the
 * appointment checked in, because the patient may still return to the queue.
 */
const APPOINTMENT_FOLLOWS: Partial<Record<QueueStep, { from: AppointmentStatus[]; to: AppointmentStatus }>> = {
  start_consultation: { from: ['booked', 'checked_in'], to: 'in_consultation' },
  complete: { from: ['booked', 'checked_in', 'in_consultation'], to: 'completed' },
  cancel: { from: ['booked', 'checked_in'], to: 'cancelled' },
  // The visit goes on in a new entry that waits again.
  transfer: { from: ['in_consultation'], to: 'checked_in' },
};

/** Moves the entry's appointment (if any) along with `step`, in the same transaction. */
export async function followAppointment(entry: QueueEntry, step: QueueStep, transaction: Transaction): Promise<void> {
  const rule = APPOINTMENT_FOLLOWS[step];
  if (!rule || !entry.appointmentId) return;
  const appointment = await Appointment.findByPk(entry.appointmentId, { transaction, lock: transaction.LOCK.UPDATE });
  if (!appointment || !rule.from.includes(appointment.status)) return;
  await appointment.update(
    rule.to === 'cancelled'
      ? { status: rule.to, cancellationReason: 'The patient left the queue.' }
      : { status: rule.to },
    { transaction },
  );
}

/** The newest entry of a visit: `entry` itself, or the entry it was transferred to (and so on). */
export async function newestOfVisit(entry: QueueEntry, transaction?: Transaction): Promise<QueueEntry> {
  let current = entry;
  // Bounded so that a corrupt chain (it cannot loop through the foreign key, but still) never hangs a request.
  for (let hop = 0; hop < 50; hop++) {
    const next = await QueueEntry.findOne({
      where: { transferredFromId: current.id },
      order: [['id', 'DESC']],
      transaction,
    });
    if (!next) return current;
    current = next;
  }
  return current;
}
