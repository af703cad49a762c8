import { forbidden } from '../../errors';
import { DoctorProfile, type User } from '../../models';

/** Throws 403 unless `user` may see doctor `doctorId`'s schedule: admins, reception, and that doctor. */
export async function assertMayViewDoctor(user: User, doctorId: number): Promise<void> {
  if (user.role !== 'doctor') return;
  const own = await DoctorProfile.findOne({ where: { userId: user.id }, attributes: ['id'] });
  if (own?.id !== doctorId) throw forbidden("Doctors can see only their own schedule.");
}
