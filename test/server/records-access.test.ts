import { expect } from 'chai';
import type { PatientSummary, RecordView, SignOffResponse } from '../../common/records';
import { AuditLog, type Patient } from '../../server/models';
import { resetDatabase } from '../support/db';
import { createDepartment } from '../support/factories';
import { Agent } from '../support/http';
import {
  allergicPatient,
  auditActions,
  fullDraft,
  recordsClinic,
  signedInDoctor,
  visitWithDraft,
  type RecordsClinic,
  type SignedInDoctor,
} from '../support/records';
import { startTestServer, type TestServer } from '../support/server';

describe('records API: access rules, audit and the patient summary', () => {
  let server: TestServer;
  let clinic: RecordsClinic;
  let doctor: SignedInDoctor;
  let colleague: SignedInDoctor;

  before(async () => {
    server = await startTestServer();
    await resetDatabase();
    clinic = await recordsClinic(server);
    doctor = await signedInDoctor(server, clinic.department);
    colleague = await signedInDoctor(server, clinic.department);
  });
  after(() => server.close());

  /** A finished visit of `patient` with `who`: a signed record with `diagnosis` and one medicine. */
  async function signedVisit(who: SignedInDoctor, patient: Patient, diagnosis: string, medicine: string): Promise<RecordView> {
    const { entry, record } = await visitWithDraft(clinic.reception.agent, who, patient);
    const saved = await who.agent.request<RecordView>('PUT', `/api/records/${record.id}`, fullDraft(0, {
      diagnosis,
      items: [{ medicine, dose: '1 tablet', route: 'oral', frequency: 'once a day', duration: '7 days' }],
    }));
    const signed = await who.agent.post<SignOffResponse>(`/api/records/${record.id}/sign`, { revision: saved.body.revision, expectedVersion: entry.version });
    expect(signed.status, JSON.stringify(signed.body)).to.equal(200);
    return signed.body.record;
  }

  it('answers 401 to every records route without a session', async () => {
    const anonymous = new Agent(server);
    for (const [method, path, body] of [
      ['POST', '/api/records', { queueEntryId: 1 }],
      ['GET', '/api/records/1', undefined],
      ['PUT', '/api/records/1', fullDraft(0)],
      ['PATCH', '/api/records/1', { revision: 0 }],
      ['POST', '/api/records/1/sign', { revision: 0, expectedVersion: 0 }],
      ['POST', '/api/records/1/addenda', { text: 'x' }],
      ['GET', '/api/records/1/prescription', undefined],
      ['GET', '/api/patients/1/summary', undefined],
      ['GET', '/api/icd10?q=asthma', undefined],
    ] as const) {
      const res = await anonymous.request(method, path, body);
      expect([res.status, res.body?.error?.id], `${method} ${path}`).to.deep.equal([401, 'not_signed_in']);
    }
  });

  it('keeps reception out of records entirely (403), and lets only the holding doctor write', async () => {
    // A doctor of their own: this visit stays in consultation, which would keep `doctor` busy.
    const holder = await signedInDoctor(server, clinic.department);
    const { entry, record } = await visitWithDraft(clinic.reception.agent, holder, await allergicPatient());
    const draft = fullDraft(0);
    const desk = clinic.reception.agent;
    for (const res of [
      await desk.post('/api/records', { queueEntryId: entry.id }),
      await desk.get(`/api/records/${record.id}`),
      await desk.request('PUT', `/api/records/${record.id}`, draft),
      await desk.request('PATCH', `/api/records/${record.id}`, { revision: 0, notes: 'x' }),
      await desk.post(`/api/records/${record.id}/sign`, { revision: 0, expectedVersion: entry.version }),
      await desk.get(`/api/records/${record.id}/prescription`),
    ]) {
      expect([res.status, res.body.error?.id]).to.deep.equal([403, 'forbidden']);
    }

    // A colleague of the same department may read, not write; a doctor of another department may do neither.
    expect((await colleague.agent.get(`/api/records/${record.id}`)).status).to.equal(200);
    expect((await colleague.agent.request('PUT', `/api/records/${record.id}`, draft)).status).to.equal(403);
    expect((await colleague.agent.post(`/api/records/${record.id}/sign`, { revision: 0, expectedVersion: entry.version })).status).to.equal(403);
    expect((await clinic.outsider.agent.get(`/api/records/${record.id}`)).status).to.equal(403);
    expect((await clinic.outsider.agent.request('PATCH', `/api/records/${record.id}`, { revision: 0, notes: 'x' })).status).to.equal(403);

    // Admins read, never write.
    expect((await clinic.admin.agent.get(`/api/records/${record.id}`)).status).to.equal(200);
    expect((await clinic.admin.agent.request('PUT', `/api/records/${record.id}`, draft)).status).to.equal(403);
    expect((await clinic.admin.agent.post('/api/records', { queueEntryId: entry.id })).status).to.equal(403);

    expect((await holder.agent.get('/api/records/999999')).status).to.equal(404);
    const stored = await holder.agent.get<RecordView>(`/api/records/${record.id}`);
    expect(stored.body).to.include({ revision: 0, notes: null });
  });

  it('writes every read and write of a record to the audit log, with who and from where', async () => {
    const patient = await allergicPatient();
    const signed = await signedVisit(doctor, patient, 'Tonsillitis', 'Clarithromycin 250 mg');
    await clinic.admin.agent.get(`/api/records/${signed.id}`);
    await colleague.agent.get(`/api/records/${signed.id}`);
    await doctor.agent.post(`/api/records/${signed.id}/addenda`, { text: 'Allergy rechecked.' });
    await doctor.agent.get(`/api/records/${signed.id}/prescription`);
    await clinic.outsider.agent.get(`/api/records/${signed.id}`);

    expect(await auditActions('medical_record', signed.id)).to.deep.equal([
      'record.create',
      'record.update',
      'record.sign',
      'record.read',
      'record.read',
      'record.addendum',
      'prescription.print',
      // The other department's doctor was refused, and that is on record too (issue 19).
      'record.read_refused',
    ]);
    const reads = await AuditLog.findAll({ where: { action: 'record.read', entityId: String(signed.id) }, order: [['id', 'ASC']] });
    expect(reads.map((r) => r.userId)).to.deep.equal([clinic.admin.user.id, colleague.user.id]);
    expect(reads[0].patientId).to.equal(patient.id);
    expect(reads[0].ip).to.match(/127\.0\.0\.1/);
  });

  describe('patient summary', () => {
    let patient: Patient;
    before(async () => {
      patient = await allergicPatient({ fullName: 'Summary Patient', dateOfBirth: '1970-03-04', insuranceProvider: 'Acme Health', insuranceNumber: 'AH-123' });
      await signedVisit(doctor, patient, 'Acute pharyngitis', 'Paracetamol 500 mg');
      await signedVisit(colleague, patient, 'Low back pain', 'Ibuprofen 400 mg');
      await signedVisit(doctor, patient, 'Essential hypertension', 'Amlodipine 5 mg');
      await signedVisit(clinic.outsider, patient, 'Eczema', 'Emollient cream');
    });

    it("shows the doctor the patient and their department's past visits with diagnoses and prescriptions, newest first and paged", async () => {
      const first = await doctor.agent.get<PatientSummary>(`/api/patients/${patient.id}/summary?pageSize=2`);
      expect(first.status, JSON.stringify(first.body)).to.equal(200);
      expect(first.body.patient).to.deep.include({ id: patient.id, fullName: 'Summary Patient', sex: 'female', insurance: { provider: 'Acme Health', number: 'AH-123' } });
      expect(first.body.patient.age).to.be.within(55, 57);
      expect(first.body.clinical).to.deep.equal({ bloodGroup: 'O+', allergies: 'Penicillin (rash); peanuts' });
      expect(first.body.visits).to.include({ page: 1, pageSize: 2, total: 3 });
      expect(first.body.visits.items.map((v) => v.record!.diagnosis)).to.deep.equal(['Essential hypertension', 'Low back pain']);
      expect(first.body.visits.items[0].record!.items.map((i) => i.medicine)).to.deep.equal(['Amlodipine 5 mg']);
      expect(first.body.visits.items[0]).to.deep.include({ department: { id: clinic.department.id, name: 'General Practice' } });

      const second = await doctor.agent.get<PatientSummary>(`/api/patients/${patient.id}/summary?page=2&pageSize=2`);
      expect(second.body.visits.items.map((v) => v.record!.diagnosis)).to.deep.equal(['Acute pharyngitis']);

      const audit = await AuditLog.findOne({ where: { action: 'record.read', entityType: 'patient', entityId: String(patient.id), userId: doctor.user.id } });
      expect((audit!.details as { recordIds: number[] }).recordIds).to.have.length(2);
    });

    it('shows admins every visit, and reception the visits without any clinical field', async () => {
      const admin = await clinic.admin.agent.get<PatientSummary>(`/api/patients/${patient.id}/summary`);
      expect(admin.body.visits.total).to.equal(4);
      expect(admin.body.visits.items[0].record!.diagnosis).to.equal('Eczema');

      const desk = await clinic.reception.agent.get<PatientSummary>(`/api/patients/${patient.id}/summary`);
      expect(desk.status).to.equal(200);
      expect(desk.body.clinical).to.equal(null);
      expect(desk.body.visits.total).to.equal(4);
      expect(desk.body.visits.items.every((v) => v.record === null)).to.equal(true);
      const text = JSON.stringify(desk.body);
      for (const secret of ['Eczema', 'hypertension', 'Amlodipine', 'Penicillin', 'O+']) expect(text).to.not.contain(secret);
      expect(await AuditLog.count({ where: { action: 'record.read', userId: clinic.reception.user.id } })).to.equal(0);
    });

    it("answers a doctor the patients their department has never seen with the same 404 as unknown ones (issue 11)", async () => {
      const stranger = await allergicPatient();
      const unknown = await doctor.agent.get('/api/patients/999999/summary');
      expect(unknown.status).to.equal(404);
      expect((await doctor.agent.get(`/api/patients/${stranger.id}/summary`)).body).to.deep.equal(unknown.body);
      const elsewhere = await signedInDoctor(server, await createDepartment());
      expect((await elsewhere.agent.get(`/api/patients/${patient.id}/summary`)).body).to.deep.equal(unknown.body);
      expect((await doctor.agent.get(`/api/patients/${patient.id}/summary?pageSize=500`)).status).to.equal(422);
    });
  });
});
