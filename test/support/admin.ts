import type { Role } from '../../common/api';
import { TimeSlot, type DoctorProfile } from '../../server/models';
import { addDays, clinicDay, isoWeekday, localToUtc } from '../../server/services/clinic-time';
import { makeDoctor } from './clinic-factories';
import { createStaff } from './factories';
import { Agent } from './http';
import type { TestServer } from './server';
import { agentFor } from './session';

/**
 * Helpers for the administration and booking tests: signed-in agents per role, and days and slots in the future
 * (bookings refuse the past) in the test server's zone.
 */

/** The zone startTestServer runs the clinic in. */
export const TEST_ZONE = 'Europe/London';

/** A new staff account of `role` with a session (test/support/session.ts). */
export async function signedIn(server: TestServer, role: Role) {
  const staff = await createStaff({ role });
  return { agent: await agentFor(server, staff.user), user: staff.user };
}

/** One signed-in agent per role; the doctor has a profile. */
export async function agentsByRole(server: TestServer) {
  const admin = await signedIn(server, 'admin');
  const reception = await signedIn(server, 'reception');
  const doctor = await signedIn(server, 'doctor');
  const profile = await makeDoctor({ userId: doctor.user.id });
  return { admin, reception, doctor: { ...doctor, profile }, anonymous: new Agent(server) };
}

/** The clinic day `days` from today. */
export function dayFromToday(days: number): string {
  return addDays(clinicDay(new Date(), TEST_ZONE), days);
}

/** The Monday of the week `weeks` from this one. */
export function mondayInWeeks(weeks: number): string {
  const today = clinicDay(new Date(), TEST_ZONE);
  return addDays(today, 7 * weeks - (isoWeekday(today) - 1));
}

/** A slot of `minutes` for `doctor` at local `time` on `day` (default: 09:00 the day after tomorrow). */
export function slotAt(doctor: DoctorProfile | number, day = dayFromToday(2), time = '09:00', minutes = 15) {
  const startsAt = localToUtc(day, time, TEST_ZONE);
  return TimeSlot.create({
    doctorId: typeof doctor === 'number' ? doctor : doctor.id,
    startsAt,
    endsAt: new Date(startsAt.getTime() + minutes * 60_000),
  });
}

/** A slot starting `minutesFromNow` minutes from now (whole minutes), for check-in tests. */
export function slotSoon(doctor: DoctorProfile | number, minutesFromNow: number, minutes = 15) {
  const startsAt = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + minutesFromNow * 60_000);
  return TimeSlot.create({
    doctorId: typeof doctor === 'number' ? doctor : doctor.id,
    startsAt,
    endsAt: new Date(startsAt.getTime() + minutes * 60_000),
  });
}
