import { expect } from 'chai';
import type { FamilyLinksResponse } from '../../common/patient-reports';
import type { MyAppointmentsResponse } from '../../common/me';
import { AuditLog, type Patient } from '../../server/models';
import { agentsByRole, dayFromToday, slotAt } from '../support/admin';
import { makeAppointment, makeDoctor, makePatient } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createDepartment } from '../support/factories';
import { signInPatient } from '../support/patient';
import { startTestServer, type TestServer } from '../support/server';

describe('family links at the desk (issue 17): list and remove them', () => {
  let server: TestServer;
  let roles: Awaited<ReturnType<typeof agentsByRole>>;
  let parent: Patient;
  let child: Patient;
  let baby: Patient;

  before(async () => {
    server = await startTestServer();
    await resetDatabase();
    roles = await agentsByRole(server);
    parent = await makePatient({ fullName: 'Gina Guardian', phone: '+447700900821', dateOfBirth: '1985-02-03' });
    child = await makePatient({ fullName: 'Kit Guardian', dateOfBirth: '2016-07-08' });
    baby = await makePatient({ fullName: 'Bo Guardian', dateOfBirth: '2024-01-09' });
  });
  after(async () => {
    await server?.close();
  });

  it('lists who manages a patient\'s appointments and whom they manage, from both sides', async () => {
    const desk = roles.reception.agent;
    const empty = await desk.get<FamilyLinksResponse>(`/api/patients/${child.id}/family-links`);
    expect(empty.status).to.equal(200);
    expect(empty.body).to.deep.equal({ managedBy: [], manages: [] });

    for (const id of [child.id, baby.id]) expect((await desk.post(`/api/patients/${id}/family-links`, { guardianPatientId: parent.id })).status).to.equal(201);
    const ofChild = (await desk.get<FamilyLinksResponse>(`/api/patients/${child.id}/family-links`)).body;
    expect(ofChild.manages).to.deep.equal([]);
    expect(ofChild.managedBy.map((p) => [p.id, p.fullName, p.dateOfBirth])).to.deep.equal([[parent.id, 'Gina Guardian', '1985-02-03']]);
    expect(ofChild.managedBy[0].medicalRecordNumber).to.equal(parent.medicalRecordNumber);
    const ofParent = (await roles.admin.agent.get<FamilyLinksResponse>(`/api/patients/${parent.id}/family-links`)).body;
    expect(ofParent.managedBy).to.deep.equal([]);
    expect(ofParent.manages.map((p) => p.fullName)).to.deep.equal(['Kit Guardian', 'Bo Guardian']);
    expect(await AuditLog.count({ where: { action: 'patient.family_links_read', patientId: child.id } })).to.equal(2);
  });

  it('is for admins and reception only; an unknown patient is 404', async () => {
    expect((await roles.anonymous.get(`/api/patients/${child.id}/family-links`)).status).to.equal(401);
    expect((await roles.doctor.agent.get(`/api/patients/${child.id}/family-links`)).status).to.equal(403);
    expect((await roles.doctor.agent.request('DELETE', `/api/patients/${child.id}/family-links/${parent.id}`)).status).to.equal(403);
    expect((await roles.reception.agent.get('/api/patients/999999/family-links')).status).to.equal(404);
    expect((await roles.reception.agent.get('/api/patients/abc/family-links')).body.error.id).to.equal('validation_failed');
  });

  it('removing a link ends the guardian\'s view of the appointments, audited; a second removal is 404', async () => {
    const doctor = await makeDoctor({ departmentId: (await createDepartment({ name: 'Paediatrics', prefix: 'P' })).id });
    const appointment = await makeAppointment(await slotAt(doctor, dayFromToday(3), '11:00'), { patientId: child.id });
    const guardian = await signInPatient(server, '+447700900821');
    expect((await guardian.get<MyAppointmentsResponse>('/api/me/appointments')).body.upcoming.map((a) => a.id)).to.deep.equal([appointment.id]);

    const url = `/api/patients/${child.id}/family-links/${parent.id}`;
    expect((await guardian.request('DELETE', url)).status).to.equal(403);
    const removed = await roles.reception.agent.request('DELETE', url);
    expect(removed.status, JSON.stringify(removed.body)).to.equal(204);
    const audited = await AuditLog.findOne({ where: { action: 'patient.family_unlink', patientId: child.id } });
    expect(audited?.userId).to.equal(roles.reception.user.id);
    expect(audited?.details).to.deep.equal({ guardianPatientId: parent.id });

    expect((await guardian.get<MyAppointmentsResponse>('/api/me/appointments')).body.upcoming).to.deep.equal([]);
    expect((await guardian.post(`/api/me/appointments/${appointment.id}/cancel`)).status).to.equal(404);
    const again = await roles.reception.agent.request('DELETE', url);
    expect(again.status).to.equal(404);
    expect(again.body.error.id).to.equal('not_found');
    // The other child's link stays.
    expect((await roles.reception.agent.get<FamilyLinksResponse>(`/api/patients/${parent.id}/family-links`)).body.manages.map((p) => p.fullName)).to.deep.equal(['Bo Guardian']);
  });
});
