import { forbidden, notFound } from '../errors';
import { DoctorProfile, QueueEntry, type User } from '../models';

/** Throws 403 unless `user` may see doctor `doctorId`'s schedule: admins, reception, and that doctor. */
export async function assertMayViewDoctor(user: User, doctorId: number): Promise<void> {
  if (user.role !== 'doctor') return;
  const own = await DoctorProfile.findOne({ where: { userId: user.id }, attributes: ['id'] });
  if (own?.id !== doctorId) throw forbidden("Doctors can see only their own schedule.");
}

/**
 * 403 unless `user` is the doctor seeing the walk-in now (called or in consultation with them); 404 for an unknown
 * entry. A doctor names only the patient in front of them.
 */
export async function assertServing(entryId: number, user: User): Promise<void> {
  const entry = await QueueEntry.findByPk(entryId, { attributes: ['id', 'doctorId', 'status', 'token'] });
  if (!entry) throw notFound('That queue entry');
  const doctor = await DoctorProfile.findOne({ where: { userId: user.id }, attributes: ['id'] });
  if (!doctor || entry.doctorId !== doctor.id || !['called', 'in_consultation'].includes(entry.status)) {
    throw forbidden(`Only the doctor seeing ${entry.token} now can name its patient.`);
  }
}
