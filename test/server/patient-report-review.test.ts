import { expect } from 'chai';
import type { MyProfile } from '../../common/me';
import type { PatientReportsResponse, PatientReportView } from '../../common/patient-reports';
import { AuditLog, Patient, PatientReport } from '../../server/models';
import { agentsByRole } from '../support/admin';
import { makePatient } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import type { Agent } from '../support/http';
import { signInPatient } from '../support/patient';
import { startTestServer, type TestServer } from '../support/server';

describe('patient-reported changes (issue 17): staff confirm or dismiss them', () => {
  let server: TestServer;
  let roles: Awaited<ReturnType<typeof agentsByRole>>;
  let me: Patient;
  let other: Patient;
  let patient: Agent;

  const reportsOf = async (agent: Agent, id: number) => {
    const res = await agent.get<PatientReportsResponse>(`/api/patients/${id}/reports`);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return res.body.reports;
  };
  const pendingOf = async (field: 'allergies' | 'insurance'): Promise<PatientReportView> =>
    (await reportsOf(roles.reception.agent, me.id)).find((r) => r.status === 'pending' && r.field === field)!;

  before(async () => {
    server = await startTestServer();
    await resetDatabase();
    roles = await agentsByRole(server);
    me = await makePatient({ fullName: 'Rosa Report', phone: '+447700900811', allergies: 'Penicillin', insuranceProvider: 'Old Mutual', insuranceNumber: 'OM-1' });
    other = await makePatient({ fullName: 'Otto Other', phone: '+447700900812' });
    await server.services.patientPortal.register(me.id);
    patient = await signInPatient(server, '+447700900811');
  });
  after(async () => {
    await server?.close();
  });

  it('lists a pending report with the record\'s current value beside it, to staff only', async () => {
    expect((await patient.post('/api/me/profile/reports', { allergies: 'Penicillin; latex' })).status).to.equal(201);
    const [report] = await reportsOf(roles.reception.agent, me.id);
    expect(report).to.deep.include({ field: 'allergies', status: 'pending', reviewedBy: null, reviewedAt: null });
    expect(report.reported).to.deep.equal({ allergies: 'Penicillin; latex' });
    expect(report.current).to.deep.equal({ allergies: 'Penicillin' });
    // Doctors read them too (what the patient says before it is confirmed), under the summary's rule: a doctor with no
    // clinical relationship to the patient gets the same 404 as for an unknown patient, unless they give a reason.
    const refused = await roles.doctor.agent.get(`/api/patients/${me.id}/reports`);
    expect([refused.status, refused.body.error?.id]).to.deep.equal([404, 'not_found']);
    expect(await AuditLog.count({ where: { action: 'record.read_refused', patientId: me.id } })).to.equal(1);
    const withReason = await roles.doctor.agent.get<PatientReportsResponse>(`/api/patients/${me.id}/reports?reason=${encodeURIComponent('Asked by the ward to check allergies')}`);
    expect([withReason.status, withReason.body.reports?.length]).to.deep.equal([200, 1]);
    // Every read is audited on the patient.
    expect(await AuditLog.count({ where: { action: 'patient.reports_read', patientId: me.id } })).to.be.at.least(2);
    expect((await roles.anonymous.get(`/api/patients/${me.id}/reports`)).status).to.equal(401);
    expect((await patient.get(`/api/patients/${me.id}/reports`)).status).to.equal(403);
    expect((await roles.reception.agent.get('/api/patients/999999/reports')).status).to.equal(404);
  });

  it('confirm puts the reported value on the record and marks the report reviewed, audited; the patient sees it confirmed', async () => {
    const report = await pendingOf('allergies');
    const url = `/api/patients/${me.id}/reports/${report.id}/confirm`;
    // Doctors see reports but do not confirm them at the desk; the patient never does.
    expect((await roles.doctor.agent.post(url, { expected: report.current })).status).to.equal(403);
    expect((await patient.post(url, { expected: report.current })).status).to.equal(403);
    expect((await roles.reception.agent.post(url, {})).body.error.id).to.equal('validation_failed');

    const res = await roles.reception.agent.post<{ report: PatientReportView }>(url, { expected: report.current });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.report).to.deep.include({ status: 'confirmed', current: null, reviewedBy: { id: roles.reception.user.id, name: roles.reception.user.fullName } });
    expect((await Patient.findByPk(me.id))!.allergies).to.equal('Penicillin; latex');
    const row = (await PatientReport.findByPk(report.id))!;
    expect(row.reviewedBy).to.equal(roles.reception.user.id);
    expect(row.reviewedAt).to.be.instanceOf(Date);
    const audited = await AuditLog.findOne({ where: { action: 'patient.report_confirmed', patientId: me.id } });
    expect(audited?.userId).to.equal(roles.reception.user.id);
    expect(audited?.details).to.deep.include({ field: 'allergies', replaced: ['allergies'] });

    // A second confirm or a dismiss of the same report: 409, the record unchanged.
    expect((await roles.admin.agent.post(url, { expected: { allergies: 'Penicillin; latex' } })).body.error.id).to.equal('already_reviewed');
    const again = await roles.admin.agent.post(`/api/patients/${me.id}/reports/${report.id}/dismiss`);
    expect(again.status).to.equal(409);
    expect(again.body.error.id).to.equal('already_reviewed');

    const profile = (await patient.get<MyProfile>('/api/me/profile')).body;
    expect(profile.allergies).to.equal('Penicillin; latex');
    expect(profile.reported.allergies).to.deep.include({ value: 'Penicillin; latex', status: 'confirmed' });
  });

  it('refuses to confirm over a value the record gained after the screen was loaded (409 stale), until staff see it', async () => {
    await patient.post('/api/me/profile/reports', { insuranceProvider: 'Acme Health', insuranceNumber: 'AH-7' });
    const report = await pendingOf('insurance');
    expect(report.current).to.deep.equal({ insuranceProvider: 'Old Mutual', insuranceNumber: 'OM-1' });
    // Meanwhile someone else writes a newer value on the record.
    expect((await roles.admin.agent.request('PATCH', `/api/patients/${me.id}`, { insuranceNumber: 'OM-2' })).status).to.equal(200);
    const url = `/api/patients/${me.id}/reports/${report.id}/confirm`;
    const stale = await roles.reception.agent.post(url, { expected: report.current });
    expect(stale.status).to.equal(409);
    expect(stale.body.error.id).to.equal('stale');
    expect((await Patient.findByPk(me.id))!.insuranceNumber).to.equal('OM-2');
    expect((await PatientReport.findByPk(report.id))!.status).to.equal('pending');

    const seen = await pendingOf('insurance');
    expect(seen.current).to.deep.equal({ insuranceProvider: 'Old Mutual', insuranceNumber: 'OM-2' });
    expect((await roles.admin.agent.post(url, { expected: seen.current })).status).to.equal(200);
    const saved = (await Patient.findByPk(me.id))!;
    expect([saved.insuranceProvider, saved.insuranceNumber]).to.deep.equal(['Acme Health', 'AH-7']);
  });

  it('dismiss leaves the record as it is; the patient sees "not accepted"', async () => {
    await patient.post('/api/me/profile/reports', { allergies: 'None' });
    const report = await pendingOf('allergies');
    const res = await roles.reception.agent.post<{ report: PatientReportView }>(`/api/patients/${me.id}/reports/${report.id}/dismiss`);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.report.status).to.equal('dismissed');
    expect((await Patient.findByPk(me.id))!.allergies).to.equal('Penicillin; latex');
    expect(await AuditLog.count({ where: { action: 'patient.report_dismissed', patientId: me.id, userId: roles.reception.user.id } })).to.equal(1);
    expect((await patient.get<MyProfile>('/api/me/profile')).body.reported.allergies).to.deep.include({ value: 'None', status: 'dismissed' });
    // The reviewed ones stay listed for staff, newest first, with who reviewed them.
    const reports = await reportsOf(roles.reception.agent, me.id);
    expect(reports.map((r) => r.status)).to.deep.equal(['dismissed', 'confirmed', 'confirmed']);
  });

  it('answers 404 for another patient\'s report, and a report the patient replaced is not an answer from the clinic', async () => {
    await patient.post('/api/me/profile/reports', { allergies: 'Latex' });
    await patient.post('/api/me/profile/reports', { allergies: 'Latex; nuts' });
    const report = await pendingOf('allergies');
    for (const path of [`/api/patients/${other.id}/reports/${report.id}/confirm`, `/api/patients/${other.id}/reports/${report.id}/dismiss`]) {
      const res = await roles.reception.agent.post(path, { expected: report.current });
      expect(res.status, path).to.equal(404);
      expect(res.body.error.id).to.equal('not_found');
    }
    expect((await reportsOf(roles.reception.agent, me.id)).filter((r) => r.status === 'pending').map((r) => r.reported.allergies)).to.deep.equal(['Latex; nuts']);
    expect((await patient.get<MyProfile>('/api/me/profile')).body.reported.allergies).to.deep.include({ value: 'Latex; nuts', status: 'pending' });
  });
});
