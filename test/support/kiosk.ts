import { DateTime } from 'luxon';
import { DoctorAvailability, User, type Department, type DoctorProfile } from '../../server/models';
import { addDays, clinicDay, isoWeekday, localToUtc } from '../../server/services/clinic-time';
import { makeDoctor } from './clinic-factories';
import { createDepartment } from './factories';

/** The zone startTestServer gives the clinic. */
export const SERVER_ZONE = 'Europe/London';

/** Today's clinic day in the test server's zone. */
export function today(): string {
  return clinicDay(new Date(), SERVER_ZONE);
}

/**
 * Waits out the last minute of the clinic day: a doctor "working all day" (00:00 to 23:59) is off duty then, and a
 * check-in could land on the next day. Returns at once on every other minute.
 */
export async function awayFromMidnight(): Promise<void> {
  while (DateTime.now().setZone(SERVER_ZONE).toFormat('HH:mm') === '23:59') {
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** A doctor in `department` with a staff name and room, working today all day unless `works` says otherwise. */
export async function workingDoctor(
  department: Department,
  options: { name?: string; room?: string; works?: 'today' | 'tomorrow' | 'never'; consultationMinutes?: number } = {},
): Promise<DoctorProfile> {
  const doctor = await makeDoctor({
    departmentId: department.id,
    ...(options.room ? { room: options.room } : {}),
    ...(options.consultationMinutes ? { consultationMinutes: options.consultationMinutes } : {}),
  });
  if (options.name) await User.update({ fullName: options.name }, { where: { id: doctor.userId } });
  const works = options.works ?? 'today';
  if (works === 'today') {
    await DoctorAvailability.create({ doctorId: doctor.id, weekday: isoWeekday(today()), startTime: '00:00', endTime: '23:59' });
  } else if (works === 'tomorrow') {
    await DoctorAvailability.create({ doctorId: doctor.id, weekday: isoWeekday(addDays(today(), 1)), startTime: '09:00', endTime: '17:00' });
  }
  return doctor;
}

/** When a doctor who works "tomorrow" starts: 09:00 tomorrow in the clinic's zone. */
export function tomorrowNine(): Date {
  return localToUtc(addDays(today(), 1), '09:00', SERVER_ZONE);
}

/** A department with one doctor working now. */
export async function openDepartment(name: string, prefix: string, doctor: Parameters<typeof workingDoctor>[1] = {}) {
  const department = await createDepartment({ name, prefix });
  return { department, doctor: await workingDoctor(department, doctor) };
}

let keys = 0;
/** A fresh idempotency key, one per check-in attempt as the kiosk makes them. */
export function kioskKey(): string {
  return `kiosk-${process.pid}-${++keys}-${Date.now().toString(36)}`;
}
