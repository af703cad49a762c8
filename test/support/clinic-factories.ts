import type { InferCreationAttributes, Model } from 'sequelize';
import { Appointment, DoctorProfile, Patient, QueueEntry, TimeSlot } from '../../server/models';
import { createDepartment, createStaff } from './factories';

/**
 * Factories for the clinic's rows (doctors, patients, slots, appointments, queue entries), built on the staff and
 * department factories: each makes a valid row with unique values and takes overrides, so a test states only what
 * it is about.
 */

let counter = 0;
const next = () => ++counter;

type Overrides<M extends Model> = Partial<InferCreationAttributes<M>>;

/** A doctor: a staff user with role doctor, a profile, and (unless given) a department of their own. */
export async function makeDoctor(overrides: Overrides<DoctorProfile> = {}) {
  const n = next();
  const userId = overrides.userId ?? (await createStaff({ role: 'doctor', email: `doctor-profile${n}@test.clinic` })).user.id;
  const departmentId = overrides.departmentId ?? (await createDepartment()).id;
  return DoctorProfile.create({
    userId,
    licenseNumber: `TEST-${n}`,
    specialization: 'General Practice',
    departmentId,
    room: `Room ${n}`,
    ...overrides,
  });
}

/** A patient with a unique name. */
export function makePatient(overrides: Overrides<Patient> = {}) {
  return Patient.create({ fullName: `Patient ${next()}`, dateOfBirth: '1980-01-01', ...overrides });
}

/** A 15-minute slot for `doctorId`, starting at a unique hour unless `startsAt` is given. */
export function makeSlot(doctorId: number, overrides: Overrides<TimeSlot> = {}) {
  const startsAt = overrides.startsAt ?? new Date(Date.UTC(2030, 0, 1) + next() * 3_600_000);
  return TimeSlot.create({ doctorId, startsAt, endsAt: new Date(startsAt.getTime() + 15 * 60_000), ...overrides });
}

/** A booked appointment on `slot`, for a new patient unless one is given. */
export async function makeAppointment(slot: TimeSlot, overrides: Overrides<Appointment> = {}) {
  const patientId = overrides.patientId ?? (await makePatient()).id;
  return Appointment.create({ patientId, doctorId: slot.doctorId, slotId: slot.id, ...overrides });
}

/** A waiting queue entry in a new department unless one is given; pass clinicDay and sequence when they matter. */
export async function makeQueueEntry(overrides: Overrides<QueueEntry> = {}) {
  const departmentId = overrides.departmentId ?? (await createDepartment()).id;
  const sequence = overrides.sequence ?? next();
  return QueueEntry.create({
    departmentId,
    clinicDay: '2026-12-02',
    sequence,
    token: `T-${String(sequence).padStart(3, '0')}`,
    checkedInAt: new Date(),
    ...overrides,
  });
}
