import { expect } from 'chai';
import type { StaffQueueEntry, TicketView } from '../../common/api';
import type { RecordView } from '../../common/records';
import { AuditLog, QueueEntry, type Department, type DoctorProfile, type Patient, type User } from '../../server/models';
import { makeDoctor, makePatient } from './clinic-factories';
import { createDepartment, createStaff } from './factories';
import type { Agent } from './http';
import type { TestServer } from './server';
import { agentFor } from './session';

/** A staff member with a real session, opened by the server's AuthService. */
export interface SignedIn {
  user: User;
  agent: Agent;
}

/** A doctor signed in, with their profile. */
export interface SignedInDoctor extends SignedIn {
  doctor: DoctorProfile;
}

/** The cast of the record tests: two departments, doctors in each, reception, an admin, a patient with allergies. */
export interface RecordsClinic {
  department: Department;
  otherDepartment: Department;
  /** A doctor of `otherDepartment`. */
  outsider: SignedInDoctor;
  reception: SignedIn;
  admin: SignedIn;
}

let keys = 0;

/** A new staff member with a session (test/support/session.ts). */
export async function signedIn(server: TestServer, role: 'admin' | 'reception'): Promise<SignedIn> {
  const staff = await createStaff({ role });
  return { user: staff.user, agent: await agentFor(server, staff.user) };
}

/** A new doctor in `department`, signed in; tests that call patients get their own, so none is left busy. */
export async function signedInDoctor(server: TestServer, department: Department): Promise<SignedInDoctor> {
  const staff = await createStaff({ role: 'doctor' });
  const doctor = await makeDoctor({ userId: staff.user.id, departmentId: department.id });
  return { user: staff.user, doctor, agent: await agentFor(server, staff.user) };
}

/** Builds the cast on an empty database. */
export async function recordsClinic(server: TestServer): Promise<RecordsClinic> {
  const department = await createDepartment({ name: 'General Practice', prefix: 'G' });
  const otherDepartment = await createDepartment({ name: 'Dermatology', prefix: 'D' });
  return {
    department,
    otherDepartment,
    outsider: await signedInDoctor(server, otherDepartment),
    reception: await signedIn(server, 'reception'),
    admin: await signedIn(server, 'admin'),
  };
}

/** A registered patient with recorded allergies (penicillin and peanuts) unless told otherwise. */
export function allergicPatient(overrides: Partial<Parameters<typeof makePatient>[0]> = {}): Promise<Patient> {
  return makePatient({ allergies: 'Penicillin (rash); peanuts', bloodGroup: 'O+', sex: 'female', ...overrides });
}

/**
 * Reception checks `patientId` in at the desk for `doctor` (named, so that no other test's doctor calls them from the
 * department's shared pool); returns the entry id.
 */
export async function checkIn(desk: Agent, doctor: SignedInDoctor, patientId?: number): Promise<number> {
  const res = await desk.post<TicketView>('/api/queue/check-in', {
    departmentId: doctor.doctor.departmentId,
    doctorId: doctor.doctor.id,
    ...(patientId ? { patientId } : {}),
    idempotencyKey: `records-${process.pid}-${++keys}`,
  });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return (await QueueEntry.findOne({ where: { publicCode: res.body.publicCode } }))!.id;
}

/** The doctor calls their next patient and starts the consultation; returns the entry as the console has it. */
export async function callAndStart(doctor: SignedInDoctor): Promise<StaffQueueEntry> {
  const called = await doctor.agent.post<StaffQueueEntry>(`/api/queue/doctors/${doctor.doctor.id}/call-next`);
  expect(called.status, JSON.stringify(called.body)).to.equal(200);
  const started = await doctor.agent.post<StaffQueueEntry>(`/api/queue/entries/${called.body.id}/start-consultation`, {
    expectedVersion: called.body.version,
  });
  expect(started.status, JSON.stringify(started.body)).to.equal(200);
  return started.body;
}

/** Opens (creates) the draft of a visit and fails loudly unless that works. */
export async function openDraft(doctor: SignedInDoctor, queueEntryId: number): Promise<RecordView> {
  const res = await doctor.agent.post<RecordView>('/api/records', { queueEntryId });
  expect(res.status, JSON.stringify(res.body)).to.be.oneOf([200, 201]);
  return res.body;
}

/** A patient checked in, called and in consultation with `doctor`, and the draft of the visit. */
export async function visitWithDraft(desk: Agent, doctor: SignedInDoctor, patient: Patient) {
  await checkIn(desk, doctor, patient.id);
  const entry = await callAndStart(doctor);
  return { entry, record: await openDraft(doctor, entry.id) };
}

/** A complete whole-draft body for PUT, with the given revision and overrides. */
export function fullDraft(revision: number, overrides: Record<string, unknown> = {}) {
  return {
    revision,
    vitals: { bpSystolicMmhg: 120, bpDiastolicMmhg: 80, pulseBpm: 72, spo2Percent: 98, temperatureC: 36.8 },
    chiefComplaint: 'Sore throat for three days',
    diagnosis: 'Acute pharyngitis',
    icd10Code: 'J02.9',
    notes: 'No exudate. Fluids and rest.',
    items: [
      { medicine: 'Paracetamol 500 mg tablets', dose: '1 g', route: 'oral', frequency: 'every 6 hours as needed', duration: '5 days', instructions: 'No more than 4 g a day.' },
    ],
    ...overrides,
  };
}

/** The audit actions written so far for `entityId`, oldest first. */
export async function auditActions(entityType: string, entityId: number): Promise<string[]> {
  const rows = await AuditLog.findAll({ where: { entityType, entityId: String(entityId) }, order: [['id', 'ASC']] });
  return rows.map((r) => r.action);
}
