import { expect } from 'chai';
import type { MyAppointmentsResponse } from '../../common/me';
import { AuditLog, type DoctorProfile, type Patient } from '../../server/models';
import { dayFromToday, signedIn, slotAt } from '../support/admin';
import { makeAppointment, makeDoctor, makePatient } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createDepartment } from '../support/factories';
import type { Agent } from '../support/http';
import { signInPatient, signedVisit } from '../support/patient';
import { signedInDoctor } from '../support/records';
import { startTestServer, type TestServer } from '../support/server';

describe('family accounts (issue 17): a parent manages a child\'s appointments once the desk links them', () => {
  let server: TestServer;
  let doctor: DoctorProfile;
  let parent: Patient;
  let child: Patient;
  let desk: Agent;

  before(async () => {
    server = await startTestServer();
    await resetDatabase();
    doctor = await makeDoctor({ departmentId: (await createDepartment({ name: 'Paediatrics', prefix: 'P' })).id });
    parent = await makePatient({ fullName: 'Paula Parent', phone: '+447700900701' });
    child = await makePatient({ fullName: 'Charlie Parent', dateOfBirth: '2019-05-01', phone: '+447700900701' });
    desk = (await signedIn(server, 'reception')).agent;
  });
  after(async () => {
    await server?.close();
  });

  it('before the link the child\'s appointment is not the parent\'s; after it, the parent sees, moves and cancels it', async () => {
    const first = await slotAt(doctor, dayFromToday(2), '10:00');
    const later = await slotAt(doctor, dayFromToday(2), '10:30');
    const appointment = await makeAppointment(first, { patientId: child.id });
    // The desk links them (the parent's account is made with the shared phone).
    const agentBefore = await (async () => {
      const made = await desk.post(`/api/patients/${parent.id}/sign-in-link`);
      expect(made.status).to.equal(200);
      return signInPatient(server, '07700 900701');
    })();
    expect((await agentBefore.get<MyAppointmentsResponse>('/api/me/appointments')).body.upcoming).to.deep.equal([]);
    expect((await agentBefore.post(`/api/me/appointments/${appointment.id}/cancel`)).status).to.equal(404);

    // Only staff confirm a link: the parent's own session cannot.
    expect((await agentBefore.post(`/api/patients/${child.id}/family-links`, { guardianPatientId: parent.id })).status).to.equal(403);
    const linked = await desk.post(`/api/patients/${child.id}/family-links`, { guardianPatientId: parent.id });
    expect(linked.status, JSON.stringify(linked.body)).to.equal(201);
    expect((await desk.post(`/api/patients/${child.id}/family-links`, { guardianPatientId: parent.id })).body.error.id).to.equal('already_exists');
    expect((await desk.post(`/api/patients/${child.id}/family-links`, { guardianPatientId: child.id })).status).to.equal(422);
    expect(await AuditLog.count({ where: { action: 'patient.family_link', patientId: child.id } })).to.equal(1);

    const agent = await signInPatient(server, '07700 900701');
    const list = await agent.get<MyAppointmentsResponse>('/api/me/appointments');
    expect(list.body.upcoming.map((a) => [a.id, a.forFamily])).to.deep.equal([[appointment.id, 'Charlie']]);
    const moved = await agent.post(`/api/me/appointments/${appointment.id}/reschedule`, { slotId: later.id });
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200);
    expect(moved.body.appointment).to.include({ start: '10:30', forFamily: 'Charlie' });
    expect((await agent.post(`/api/me/appointments/${appointment.id}/cancel`)).body.appointment.status).to.equal('cancelled');
  });

  it('the link opens appointments only: the child\'s signed visit stays closed to the parent', async () => {
    const department = await createDepartment({ name: 'General Practice', prefix: 'G' });
    const record = await signedVisit(desk, await signedInDoctor(server, department), child);
    const agent = await signInPatient(server, '07700 900701');
    expect((await agent.get('/api/me/visits')).body.visits).to.deep.equal([]);
    expect((await agent.get(`/api/me/visits/${record.id}`)).status).to.equal(404);
    expect((await agent.get(`/api/me/visits/${record.id}/prescription`)).status).to.equal(404);
  });
});
