import type { Role } from '../../../common/api';
import { forbidden } from '../../errors';
import { DoctorProfile, type QueueEntry } from '../../models';
import type { LiveQueue } from '../read-model/live-queue';
import type { Actor } from '../types';

/** A signed-in staff member as the queue rules see them: the user and, for a doctor, their profile. */
export interface StaffActor {
  userId: number;
  role: Role;
  /** Set for doctors only. */
  doctor: DoctorProfile | null;
  /** The address the request came from, when the route passed it on (for the audit row). */
  ip?: string;
}

/**
 * Resolves who is acting, before the step's transaction starts: a doctor's profile does not change during a step,
 * and reading it outside keeps the transaction's first read a locking one (see steps.ts on snapshots).
 * Null for the public. A doctor account without a profile may do nothing in the queue.
 */
export async function resolveActor(actor: Actor, live?: LiveQueue): Promise<StaffActor | null> {
  if (!actor) return null;
  if (actor.role !== 'doctor') return { userId: actor.id, role: actor.role, doctor: null, ip: actor.ip };
  // From the live model's directory when there is one (no query: a call-next is on every display's critical path).
  const doctor = live ? await doctorOfUser(live, actor.id) : await DoctorProfile.findOne({ where: { userId: actor.id } });
  if (!doctor) throw forbidden('This doctor account has no doctor profile yet. Please ask an administrator to set it up.');
  return { userId: actor.id, role: 'doctor', doctor, ip: actor.ip };
}

async function doctorOfUser(live: LiveQueue, userId: number): Promise<DoctorProfile | null> {
  for (const { doctor } of (await live.directory()).doctors.values()) if (doctor.userId === userId) return doctor;
  return null;
}

/** Throws 403 for the public: only check-in and a patient's own ticket page are open to them. */
export function requireStaff(actor: StaffActor | null): StaffActor {
  if (!actor) throw forbidden('Only clinic staff can do this.');
  return actor;
}

/**
 * Throws 403 unless the actor may act on `entry`. Reception and admins may act on any entry; a doctor on their own
 * patients and on their department's shared ("any doctor") queue, never on another doctor's patients.
 */
export function assertMayActOnEntry(actor: StaffActor | null, entry: Pick<QueueEntry, 'doctorId' | 'departmentId'>): StaffActor {
  const staff = requireStaff(actor);
  if (!staff.doctor) return staff;
  const own = entry.doctorId === staff.doctor.id;
  const pool = entry.doctorId === null && entry.departmentId === staff.doctor.departmentId;
  if (!own && !pool) throw forbidden('Doctors can act only on their own patients and their department\'s shared queue.');
  return staff;
}

/** Throws 403 unless the actor may call patients for doctor `doctorId`: that doctor themself, reception or an admin. */
export function assertMayActForDoctor(actor: StaffActor | null, doctorId: number): StaffActor {
  const staff = requireStaff(actor);
  if (staff.doctor && staff.doctor.id !== doctorId) throw forbidden('Doctors can call patients only for themselves.');
  return staff;
}
