import { expect } from 'chai';
import type { RecordView, SignOffResponse } from '../../common/records';
import { AuditLog, type Patient } from '../../server/models';
import { resetDatabase } from '../support/db';
import { awayFromMidnight } from '../support/kiosk';
import {
  allergicPatient,
  fullDraft,
  recordsClinic,
  signedInDoctor,
  visitWithDraft,
  type RecordsClinic,
  type SignedInDoctor,
} from '../support/records';
import { startTestServer, type TestServer } from '../support/server';

/**
 * Access that a check-in cannot widen (issue 11, point 6 of the report): a doctor reads a patient's clinical
 * summary only through a clinical relationship (services/records/clinical-relationship.ts), never because a queue
 * entry exists, and "not yours" answers exactly like "does not exist".
 */
describe('clinical summary access that a check-in cannot widen (issue 11)', () => {
  let server: TestServer;
  let clinic: RecordsClinic;
  let patient: Patient;

  before(async () => {
    await resetDatabase();
    await awayFromMidnight();
    server = await startTestServer();
    clinic = await recordsClinic(server);
    const gp: SignedInDoctor = await signedInDoctor(server, clinic.department);
    patient = await allergicPatient({ fullName: 'Grace Mensah' });
    const { entry, record } = await visitWithDraft(clinic.reception.agent, gp, patient);
    const saved = await gp.agent.request<RecordView>('PUT', `/api/records/${record.id}`, fullDraft(0, { diagnosis: 'Hypertension' }));
    const signed = await gp.agent.post<SignOffResponse>(`/api/records/${record.id}/sign`, { revision: saved.body.revision, expectedVersion: entry.version });
    expect(signed.status, JSON.stringify(signed.body)).to.equal(200);
  });
  after(() => server.close());

  it('answers 404 before and after the doctor checks the patient into their own department', async () => {
    const outsider = clinic.outsider;
    const missing = await outsider.agent.get('/api/patients/999999/summary');
    const before = await outsider.agent.get(`/api/patients/${patient.id}/summary`);
    expect(missing.status).to.equal(404);
    expect(before.status).to.equal(404);
    expect(before.body, '"not yours" must read exactly like "missing"').to.deep.equal(missing.body);

    const checkIn = await outsider.agent.post('/api/queue/check-in', {
      departmentId: clinic.otherDepartment.id,
      patientId: patient.id,
      idempotencyKey: `escalation-${process.pid}`,
    });
    expect(checkIn.status, JSON.stringify(checkIn.body)).to.equal(201);

    const after = await outsider.agent.get(`/api/patients/${patient.id}/summary`);
    expect(after.status).to.equal(404);
    expect(after.body).to.deep.equal(missing.body);
    expect(JSON.stringify(after.body)).not.to.contain('Penicillin');

    const refusals = await AuditLog.findAll({ where: { action: 'record.read_refused', userId: outsider.user.id } });
    expect(refusals.filter((r) => r.patientId === patient.id)).to.have.length(2);
    expect(refusals.every((r) => (r.details as { reason: string }).reason === 'no_relationship')).to.equal(true);
  });

  it('opens the summary once the doctor actually has the patient with them (called), as the rules say', async () => {
    const outsider = clinic.outsider;
    const called = await outsider.agent.post(`/api/queue/doctors/${outsider.doctor.id}/call-next`);
    expect(called.status, JSON.stringify(called.body)).to.equal(200);
    const summary = await outsider.agent.get(`/api/patients/${patient.id}/summary`);
    expect(summary.status).to.equal(200);
  });
});
