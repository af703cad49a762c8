import type { PublicDepartment, PublicDoctor } from '../../common/booking';
import { AppError } from '../errors';
import { Department, DoctorProfile, TimeSlot, User } from '../models';
import { freeSlots } from './calendar';
import type { SettingsService } from './settings';

/** Doctors the public may book: profiles whose staff account is active, in active departments. */
async function bookableDoctors(where: { departmentId?: number; id?: number } = {}): Promise<DoctorProfile[]> {
  return DoctorProfile.findAll({
    where,
    include: [
      { model: User, as: 'user', attributes: ['fullName'], where: { active: true } },
      { model: Department, as: 'department', attributes: ['id', 'name'], where: { active: true } },
    ],
    order: [['id', 'ASC']],
  });
}

/** 403 `booking_disabled` unless an admin has public booking switched on. */
export async function assertPublicBookingOn(settings: SettingsService): Promise<void> {
  if (!(await settings.getPublic()).publicBooking) {
    throw new AppError(403, 'booking_disabled', 'Online booking is switched off. Please call the clinic to book.');
  }
}

/** Departments with at least one bookable doctor, by name. */
export async function publicDepartments(): Promise<PublicDepartment[]> {
  const seen = new Map<number, PublicDepartment>();
  for (const doctor of await bookableDoctors()) seen.set(doctor.department!.id, { id: doctor.department!.id, name: doctor.department!.name });
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Bookable doctors, of one department when given. No contact details, only what a patient chooses by. */
export async function publicDoctors(departmentId?: number): Promise<PublicDoctor[]> {
  return (await bookableDoctors(departmentId ? { departmentId } : {})).map((d) => ({
    id: d.id,
    name: d.user!.fullName,
    specialization: d.specialization,
    rating: d.rating ?? null,
    departmentId: d.departmentId,
  }));
}

/** The free slots of one bookable doctor, or of every bookable doctor of a department, over clinic days. */
export async function publicSlots(
  filter: { doctorId?: number; departmentId?: number },
  range: { fromDay: string; toDay: string },
  zone: string,
  now: Date,
): Promise<TimeSlot[]> {
  const where: { id?: number; departmentId?: number } = {};
  if (filter.doctorId) where.id = filter.doctorId;
  if (filter.departmentId) where.departmentId = filter.departmentId;
  const doctors = await bookableDoctors(where);
  return freeSlots(doctors.map((d) => d.id), range, zone, now);
}

