import { expect } from 'chai';
import { AuditLog, Patient } from '../../server/models';
import { findPossibleDuplicates } from '../../server/services/patients';
import { signedIn } from '../support/admin';
import { makePatient } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import type { Agent } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

describe('patients (admin and reception)', () => {
  let server: TestServer;
  let reception: Agent;
  let receptionId: number;

  before(async () => {
    await resetDatabase();
    server = await startTestServer();
    const signed = await signedIn(server, 'reception');
    reception = signed.agent;
    receptionId = signed.user.id;
  });
  after(() => server.close());

  const full = {
    fullName: '  Amira   Haddad ',
    dateOfBirth: '1984-03-12',
    sex: 'female',
    phone: '+44 (0)20 7946 0018',
    bloodGroup: 'B+',
    allergies: 'Penicillin',
    insuranceProvider: 'Bupa',
    insuranceNumber: 'BUP-1234',
  };

  it('registers a patient with every profile field and a record number, and audits it', async () => {
    const res = await reception.post('/api/patients', full);
    expect(res.status).to.equal(201);
    expect(res.body.patient).to.include({
      fullName: 'Amira Haddad',
      dateOfBirth: '1984-03-12',
      sex: 'female',
      phone: '+442079460018',
      bloodGroup: 'B+',
      allergies: 'Penicillin',
      insuranceProvider: 'Bupa',
      insuranceNumber: 'BUP-1234',
    });
    expect(res.body.patient.medicalRecordNumber).to.match(/^MRN-[A-Z2-9]{8}$/);
    const entry = await AuditLog.findOne({ where: { action: 'patient.create', patientId: res.body.patient.id } });
    expect(entry!.userId).to.equal(receptionId);
  });

  it('warns of a possible duplicate (same name and date of birth, or same phone) and creates only when confirmed', async () => {
    const first = await makePatient({ fullName: 'Jonas Berg', dateOfBirth: '1990-05-05', phone: '07700 900123' });
    const sameName = await reception.post('/api/patients', { fullName: 'jonas  BERG', dateOfBirth: '1990-05-05' });
    expect(sameName.status).to.equal(409);
    expect(sameName.body.error.id).to.equal('possible_duplicate');
    expect(sameName.body.duplicates).to.have.length(1);
    expect(sameName.body.duplicates[0].patient.id).to.equal(first.id);
    expect(sameName.body.duplicates[0].reasons).to.deep.equal(['name_and_birth_date']);

    const samePhone = await reception.post('/api/patients', { fullName: 'Someone Else', dateOfBirth: '1970-01-01', phone: '07700-900-123' });
    expect(samePhone.status).to.equal(409);
    expect(samePhone.body.duplicates[0].reasons).to.deep.equal(['phone']);

    const before = await Patient.count();
    const confirmed = await reception.post('/api/patients', { fullName: 'Jonas Berg', dateOfBirth: '1990-05-05', phone: '07700 900123', confirmDuplicate: true });
    expect(confirmed.status).to.equal(201);
    expect(await Patient.count()).to.equal(before + 1);
    const entry = await AuditLog.findOne({ where: { action: 'patient.create', patientId: confirmed.body.patient.id } });
    expect(entry!.details).to.deep.equal({ confirmedDuplicate: true });

    const other = await reception.post('/api/patients', { fullName: 'Jonas Berg', dateOfBirth: '1991-05-05' });
    expect(other.status).to.equal(201);
  });

  it('findPossibleDuplicates leaves out the patient being edited', async () => {
    const patient = await makePatient({ fullName: 'Lone Person', dateOfBirth: '2001-01-01', phone: '0123 456 789' });
    expect(await findPossibleDuplicates({ fullName: 'Lone Person', dateOfBirth: '2001-01-01', phone: '0123456789' }, { excludeId: patient.id })).to.deep.equal([]);
    const found = await findPossibleDuplicates({ fullName: 'LONE PERSON', dateOfBirth: '2001-01-01', phone: '(0123) 456-789' });
    expect(found.map((d) => [d.patient.id, d.reasons])).to.deep.equal([[patient.id, ['name_and_birth_date', 'phone']]]);
  });

  it('edits any field, clears optional ones, and audits the names of the fields changed', async () => {
    const patient = await makePatient({ phone: '0111 222 333', allergies: 'Latex' });
    const res = await reception.request('PATCH', `/api/patients/${patient.id}`, { phone: '', allergies: null, bloodGroup: 'O-', sex: 'male' });
    expect(res.status).to.equal(200);
    expect(res.body.patient).to.include({ phone: null, allergies: null, bloodGroup: 'O-', sex: 'male' });
    const entry = await AuditLog.findOne({ where: { action: 'patient.update', patientId: patient.id } });
    expect(entry!.details!.changed).to.have.members(['phone', 'allergies', 'bloodGroup', 'sex']);
    expect(JSON.stringify(entry!.details)).not.to.contain('Latex');
    const read = await reception.get(`/api/patients/${patient.id}`);
    expect(read.body.patient.bloodGroup).to.equal('O-');
  });

  it('answers 422 naming each bad field, and 404 for an unknown patient', async () => {
    const res = await reception.post('/api/patients', { fullName: '', dateOfBirth: '2999-01-01', sex: 'x', phone: 'call me', bloodGroup: 'Z' });
    expect(res.status).to.equal(422);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).to.have.members(['fullName', 'dateOfBirth', 'sex', 'phone', 'bloodGroup']);
    expect((await reception.request('PATCH', '/api/patients/999999', { sex: 'male' })).status).to.equal(404);
    expect((await reception.get('/api/patients/999999')).status).to.equal(404);
  });

  it('searches by part of the name, the record number or the phone number, a page at a time', async () => {
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await makePatient({ fullName: `Searchable Zed ${i}`, phone: `0161 555 010${i}` }));
    const page1 = await reception.get('/api/patients?q=searchable%20zed&pageSize=2');
    expect(page1.status).to.equal(200);
    expect(page1.body).to.include({ total: 5, page: 1, pageSize: 2 });
    expect(page1.body.patients.map((p: { fullName: string }) => p.fullName)).to.deep.equal(['Searchable Zed 0', 'Searchable Zed 1']);
    const page3 = await reception.get('/api/patients?q=searchable%20zed&pageSize=2&page=3');
    expect(page3.body.patients.map((p: { fullName: string }) => p.fullName)).to.deep.equal(['Searchable Zed 4']);

    const byRecord = await reception.get(`/api/patients?q=${made[3].medicalRecordNumber.toLowerCase()}`);
    expect(byRecord.body.patients.map((p: { id: number }) => p.id)).to.deep.equal([made[3].id]);
    const byPhone = await reception.get(`/api/patients?q=${encodeURIComponent('555-0102')}`);
    expect(byPhone.body.patients.map((p: { id: number }) => p.id)).to.deep.equal([made[2].id]);

    const bad = await reception.get('/api/patients?page=0&pageSize=500');
    expect(bad.status).to.equal(422);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).to.have.members(['page', 'pageSize']);
  });
});
