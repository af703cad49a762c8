import { expect } from 'chai';
import type { PatientSummary, RecordView, SignOffResponse } from '../../common/records';
import { AuditLog, type Patient } from '../../server/models';
import { resetDatabase } from '../support/db';
import {
  allergicPatient,
  checkIn,
  fullDraft,
  recordsClinic,
  signedInDoctor,
  visitWithDraft,
  type RecordsClinic,
  type SignedInDoctor,
} from '../support/records';
import { startTestServer, type TestServer } from '../support/server';

/**
 * History across departments and audited refusals (issue 19): the doctor seeing a patient now reads all of their
 * signed records; anyone else outside the visit's department needs a reason, which is recorded; every read,
 * allowed or refused, is in the audit log.
 */
describe('records API: history across departments, reasons and refused reads', () => {
  let server: TestServer;
  let clinic: RecordsClinic;
  let gp: SignedInDoctor;
  let patient: Patient;
  let gpRecord: RecordView;

  before(async () => {
    server = await startTestServer();
    await resetDatabase();
    clinic = await recordsClinic(server);
    gp = await signedInDoctor(server, clinic.department);
    patient = await allergicPatient({ fullName: 'Elena Petrova' });
    const { entry, record } = await visitWithDraft(clinic.reception.agent, gp, patient);
    const saved = await gp.agent.request<RecordView>('PUT', `/api/records/${record.id}`, fullDraft(0, { diagnosis: 'Type 2 diabetes mellitus' }));
    const signed = await gp.agent.post<SignOffResponse>(`/api/records/${record.id}/sign`, { revision: saved.body.revision, expectedVersion: entry.version });
    expect(signed.status, JSON.stringify(signed.body)).to.equal(200);
    gpRecord = signed.body.record;
  });
  after(() => server.close());

  const refusals = (userId: number) => AuditLog.findAll({ where: { action: 'record.read_refused', userId }, order: [['id', 'ASC']] });

  it('refuses another department\'s doctor without a reason (403 reason_required) and audits the refusal', async () => {
    const res = await clinic.outsider.agent.get(`/api/records/${gpRecord.id}`);
    expect([res.status, res.body.error.id]).to.deep.equal([403, 'reason_required']);
    expect(res.body.error.message).to.contain('Give a reason');
    const [refused] = await refusals(clinic.outsider.user.id);
    expect(refused).to.not.equal(undefined);
    expect(refused).to.deep.include({ entityType: 'medical_record', entityId: String(gpRecord.id), patientId: patient.id });
    expect(refused.ip).to.match(/127\.0\.0\.1/);
    // A reason of one letter is no reason.
    expect((await clinic.outsider.agent.get(`/api/records/${gpRecord.id}?reason=x`)).status).to.equal(403);
  });

  it("audits reception's refused read of a record as well", async () => {
    const res = await clinic.reception.agent.get(`/api/records/${gpRecord.id}`);
    expect([res.status, res.body.error.id]).to.deep.equal([403, 'forbidden']);
    const [refused] = await refusals(clinic.reception.user.id);
    expect(refused).to.deep.include({ entityType: 'medical_record', entityId: String(gpRecord.id), patientId: patient.id });
  });

  it('lets a doctor read with a reason, and records the reason with the read', async () => {
    const reason = 'Referral letter asks for the diabetes history';
    const res = await clinic.outsider.agent.get<RecordView>(`/api/records/${gpRecord.id}?reason=${encodeURIComponent(reason)}`);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.diagnosis).to.equal('Type 2 diabetes mellitus');
    const read = await AuditLog.findOne({ where: { action: 'record.read', userId: clinic.outsider.user.id }, order: [['id', 'DESC']] });
    expect(read!.details).to.deep.equal({ basis: 'reason', reason });
  });

  it('opens the whole history, every department, to the doctor who has the patient called or in consultation', async () => {
    const derm = await signedInDoctor(server, clinic.otherDepartment);
    const before = await derm.agent.get(`/api/patients/${patient.id}/summary`);
    // No clinical relationship yet: the same 404 as a patient who does not exist (issue 11).
    expect([before.status, before.body.error.id]).to.deep.equal([404, 'not_found']);
    expect((await refusals(derm.user.id)).map((r) => r.entityType)).to.deep.equal(['patient']);

    await checkIn(clinic.reception.agent, derm, patient.id);
    const called = await derm.agent.post(`/api/queue/doctors/${derm.doctor.id}/call-next`);
    expect(called.status).to.equal(200);
    const summary = await derm.agent.get<PatientSummary>(`/api/patients/${patient.id}/summary`);
    expect(summary.status, JSON.stringify(summary.body)).to.equal(200);
    const gpVisit = summary.body.visits.items.find((v) => v.department.id === clinic.department.id);
    expect(gpVisit?.record?.diagnosis).to.equal('Type 2 diabetes mellitus');
    expect(summary.body.scope).to.equal('all');
    const record = await derm.agent.get<RecordView>(`/api/records/${gpRecord.id}`);
    expect(record.status).to.equal(200);
    const reads = await AuditLog.findAll({ where: { action: 'record.read', userId: derm.user.id }, order: [['id', 'ASC']] });
    expect(reads.map((r) => (r.details as { basis: string }).basis)).to.deep.equal(['treating_now', 'treating_now']);
    // Reading is not correcting: addenda stay with the visit's department.
    expect((await derm.agent.post(`/api/records/${gpRecord.id}/addenda`, { text: 'Seen in dermatology.' })).status).to.equal(403);
  });

  it("lists only the department's own visits to its doctor once the patient has left, and every department's with a reason", async () => {
    const derm = await signedInDoctor(server, clinic.otherDepartment);
    // Seen in the department and gone: a clinical relationship (issue 11), but no longer with this doctor now.
    await checkIn(clinic.reception.agent, derm, patient.id);
    const called = await derm.agent.post<{ id: number; version: number }>(`/api/queue/doctors/${derm.doctor.id}/call-next`);
    expect(called.status).to.equal(200);
    const done = await derm.agent.post(`/api/queue/entries/${called.body.id}/complete`, { expectedVersion: called.body.version });
    expect(done.status, JSON.stringify(done.body)).to.equal(200);
    const own = await derm.agent.get<PatientSummary>(`/api/patients/${patient.id}/summary`);
    expect(own.status, JSON.stringify(own.body)).to.equal(200);
    expect(own.body.scope).to.equal('department');
    expect(own.body.visits.items.some((v) => v.department.id === clinic.department.id)).to.equal(false);
    const reason = 'Checking the diabetes history before a biopsy';
    const wide = await derm.agent.get<PatientSummary>(`/api/patients/${patient.id}/summary?reason=${encodeURIComponent(reason)}`);
    expect(wide.status).to.equal(200);
    expect(wide.body.scope).to.equal('all');
    expect(wide.body.visits.items.find((v) => v.department.id === clinic.department.id)?.record?.diagnosis).to.equal('Type 2 diabetes mellitus');
    const read = await AuditLog.findOne({ where: { action: 'record.read', userId: derm.user.id }, order: [['id', 'DESC']] });
    expect(read!.details).to.include({ via: 'patient_summary', basis: 'reason', reason });
  });
});
