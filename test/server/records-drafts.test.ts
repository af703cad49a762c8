import { expect } from 'chai';
import type { ApiErrorBody } from '../../common/errors';
import type { RecordView } from '../../common/records';
import { AuditLog, MedicalRecord, PrescriptionItem } from '../../server/models';
import { makePatient } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import {
  allergicPatient,
  auditActions,
  callAndStart,
  checkIn,
  fullDraft,
  openDraft,
  recordsClinic,
  signedInDoctor,
  visitWithDraft,
  type RecordsClinic,
  type SignedInDoctor,
} from '../support/records';
import { startTestServer, type TestServer } from '../support/server';

describe('records API: drafts and autosave', () => {
  let server: TestServer;
  let clinic: RecordsClinic;
  let doctor: SignedInDoctor;

  before(async () => {
    server = await startTestServer();
    await resetDatabase();
    clinic = await recordsClinic(server);
  });
  beforeEach(async () => {
    doctor = await signedInDoctor(server, clinic.department);
  });
  after(() => server.close());

  // Either a record or an error body: tests look at whichever the status says.
  const put = (id: number, body: unknown) => doctor.agent.request<RecordView & ApiErrorBody>('PUT', `/api/records/${id}`, body);
  const patch = (id: number, body: unknown) => doctor.agent.request<RecordView & ApiErrorBody>('PATCH', `/api/records/${id}`, body);
  const draft = async () => (await visitWithDraft(clinic.reception.agent, doctor, await allergicPatient())).record;

  describe('opening', () => {
    it('creates the draft of the visit once (201), then gives the same one back (200), also after a reload', async () => {
      await checkIn(clinic.reception.agent, doctor, (await allergicPatient()).id);
      const entry = await callAndStart(doctor);
      const first = await doctor.agent.post<RecordView>('/api/records', { queueEntryId: entry.id });
      expect(first.status).to.equal(201);
      expect(first.body).to.include({ queueEntryId: entry.id, status: 'draft', revision: 0 });
      expect(first.body.doctor).to.deep.equal({ id: doctor.doctor.id, name: doctor.user.fullName, licenseNumber: doctor.doctor.licenseNumber });

      const saved = await put(first.body.id, fullDraft(0));
      expect(saved.status).to.equal(200);
      const again = await doctor.agent.post<RecordView>('/api/records', { queueEntryId: entry.id });
      expect(again.status).to.equal(200);
      expect(again.body).to.deep.equal(saved.body);
      expect(await MedicalRecord.count({ where: { queueEntryId: entry.id } })).to.equal(1);
      expect(await auditActions('medical_record', first.body.id)).to.deep.equal(['record.create', 'record.update', 'record.read']);
    });

    it('creates one record when the console opens it twice at once', async () => {
      await checkIn(clinic.reception.agent, doctor, (await allergicPatient()).id);
      const entry = await callAndStart(doctor);
      const both = await Promise.all([0, 1].map(() => doctor.agent.post<RecordView>('/api/records', { queueEntryId: entry.id })));
      expect(both.map((r) => r.status).sort()).to.deep.equal([200, 201]);
      expect(both[0].body.id).to.equal(both[1].body.id);
    });

    it('refuses an anonymous walk-in (409 no_patient) and a visit not with the doctor (409 visit_not_active)', async () => {
      await checkIn(clinic.reception.agent, doctor);
      const anonymous = await callAndStart(doctor);
      const noPatient = await doctor.agent.post('/api/records', { queueEntryId: anonymous.id });
      expect([noPatient.status, noPatient.body.error.id]).to.deep.equal([409, 'no_patient']);
      expect(noPatient.body.error.message).to.contain(anonymous.token);

      await doctor.agent.post(`/api/queue/entries/${anonymous.id}/complete`, { expectedVersion: anonymous.version });
      const over = await doctor.agent.post('/api/records', { queueEntryId: anonymous.id });
      expect([over.status, over.body.error.id]).to.deep.equal([409, 'visit_not_active']);
      expect(await MedicalRecord.count()).to.be.greaterThan(0);
      expect(await MedicalRecord.count({ where: { queueEntryId: anonymous.id } })).to.equal(0);
    });

    it("refuses another doctor's visit (403) and an unknown one (404)", async () => {
      await checkIn(clinic.reception.agent, doctor, (await allergicPatient()).id);
      const entry = await callAndStart(doctor);
      const colleague = await signedInDoctor(server, clinic.department);
      expect((await colleague.agent.post('/api/records', { queueEntryId: entry.id })).status).to.equal(403);
      expect((await doctor.agent.post('/api/records', { queueEntryId: 999_999 })).status).to.equal(404);
      expect((await doctor.agent.post('/api/records', { queueEntryId: 'x' })).status).to.equal(422);
    });
  });

  describe('autosave', () => {
    it('saves the whole draft (PUT), bumps the revision, and keeps it in the database', async () => {
      const record = await draft();
      const res = await put(record.id, fullDraft(0));
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body).to.include({ revision: 1, chiefComplaint: 'Sore throat for three days', diagnosis: 'Acute pharyngitis', notes: 'No exudate. Fluids and rest.' });
      expect(res.body.icd10).to.deep.equal({ code: 'J02.9', title: 'Acute pharyngitis, unspecified' });
      expect(res.body.items).to.have.length(1);
      expect(res.body.items[0]).to.include({ position: 0, medicine: 'Paracetamol 500 mg tablets', dose: '1 g', route: 'oral', duration: '5 days' });

      const stored = (await MedicalRecord.findByPk(record.id))!;
      expect([stored.revision, stored.diagnosis, stored.pulseBpm]).to.deep.equal([1, 'Acute pharyngitis', 72]);
    });

    it('is safe to repeat: the same save sent again answers the same record without a new revision or audit row', async () => {
      const record = await draft();
      const body = fullDraft(0);
      const first = await put(record.id, body);
      const retry = await put(record.id, body);
      expect(retry.status).to.equal(200);
      expect(retry.body).to.deep.equal(first.body);
      expect(retry.body.revision).to.equal(1);
      expect(await AuditLog.count({ where: { action: 'record.update', entityId: String(record.id) } })).to.equal(1);
      expect(await PrescriptionItem.count({ where: { medicalRecordId: record.id } })).to.equal(1);
    });

    it('refuses an older autosave arriving after a newer one (409 stale_draft) and keeps the newer text', async () => {
      const record = await draft();
      const newer = await patch(record.id, { revision: 0, notes: 'Newer notes, typed second' });
      expect(newer.body.revision).to.equal(1);
      const older = await patch(record.id, { revision: 0, notes: 'Older notes' });
      expect(older.status).to.equal(409);
      expect(older.body.error.id).to.equal('stale_draft');
      expect((await MedicalRecord.findByPk(record.id))!.notes).to.equal('Newer notes, typed second');

      const next = await patch(record.id, { revision: 1, notes: 'Third' });
      expect([next.status, next.body.revision, next.body.notes]).to.deep.equal([200, 2, 'Third']);
    });

    it('changes only the fields a PATCH sends, vital by vital', async () => {
      const record = await draft();
      await put(record.id, fullDraft(0));
      const res = await patch(record.id, { revision: 1, vitals: { pulseBpm: 88 }, diagnosis: '' });
      expect(res.status).to.equal(200);
      expect(res.body.vitals).to.include({ pulseBpm: 88, bpSystolicMmhg: 120, spo2Percent: 98 });
      expect(res.body.diagnosis).to.equal(null);
      expect(res.body.chiefComplaint).to.equal('Sore throat for three days');
      expect(res.body.items).to.have.length(1);
      const update = await AuditLog.findOne({ where: { action: 'record.update', entityId: String(record.id) }, order: [['id', 'DESC']] });
      expect(update!.details).to.deep.equal({ revision: 2, fields: ['vitals.pulseBpm', 'diagnosis'] });
    });

    it('names each refused field as the form labels it, never by its request key (issue 19)', async () => {
      const record = await draft();
      const long = await patch(record.id, { revision: 0, chiefComplaint: 'x'.repeat(10_000) });
      expect(long.status).to.equal(422);
      expect(long.body.error.message).to.equal('Chief complaint is too long: use at most 500 characters (it has 10000).');
      expect(long.body.error.fields).to.deep.equal([{ path: 'chiefComplaint', message: long.body.error.message }]);
      const bp = await patch(record.id, { revision: 0, vitals: { bpSystolicMmhg: 80, bpDiastolicMmhg: 120 } });
      expect(bp.status).to.equal(422);
      expect(bp.body.error.message).to.equal('Diastolic blood pressure (120) must be lower than systolic blood pressure (80).');
      const two = await patch(record.id, { revision: 0, vitals: { spo2Percent: 300 }, items: [{ medicine: 'Paracetamol', dose: 'x'.repeat(101) }] });
      expect(two.body.error.message).to.equal('Please correct 2 fields: SpO2, Medicine 1: Dose.');
    });

    it('requires every key in a PUT, so a broken client cannot wipe fields by leaving them out', async () => {
      const record = await draft();
      const res = await put(record.id, { revision: 0, vitals: {}, notes: 'only notes' });
      expect(res.status).to.equal(422);
      expect(res.body.error.fields!.map((f: { path: string }) => f.path)).to.have.members(['chiefComplaint', 'diagnosis', 'icd10Code', 'items']);
    });

    it('accepts only ICD-10 codes from the shipped list (any case), and clears with an empty string', async () => {
      const record = await draft();
      const bad = await patch(record.id, { revision: 0, icd10Code: 'Q99.9X' });
      expect(bad.status).to.equal(422);
      expect(bad.body.error.fields).to.deep.equal([{ path: 'icd10Code', message: "ICD-10 code: Q99.9X is not in the clinic's ICD-10 list. Pick a code from the search." }]);
      const good = await patch(record.id, { revision: 0, icd10Code: ' i10 ' });
      expect(good.body.icd10).to.deep.equal({ code: 'I10', title: 'Essential (primary) hypertension' });
      const cleared = await patch(record.id, { revision: 1, icd10Code: '' });
      expect(cleared.body.icd10).to.equal(null);
    });
  });

  describe('prescription rows', () => {
    const row = (medicine: string, extra: Record<string, unknown> = {}) => ({ medicine, dose: '1 tablet', route: 'oral', frequency: 'twice a day', duration: '7 days', instructions: null, ...extra });

    it('adds, reorders and removes rows, keeping their ids, with positions in list order', async () => {
      const record = await draft();
      const added = await patch(record.id, { revision: 0, items: [row('Ibuprofen 400 mg'), row('Omeprazole 20 mg'), row('Cetirizine 10 mg')] });
      expect(added.body.items.map((i) => [i.position, i.medicine])).to.deep.equal([
        [0, 'Ibuprofen 400 mg'],
        [1, 'Omeprazole 20 mg'],
        [2, 'Cetirizine 10 mg'],
      ]);
      const [ibuprofen, omeprazole, cetirizine] = added.body.items;

      const reordered = await patch(record.id, {
        revision: 1,
        items: [{ ...row('Cetirizine 10 mg'), id: cetirizine.id }, { ...row('Ibuprofen 400 mg', { dose: '2 tablets' }), id: ibuprofen.id }],
      });
      expect(reordered.status, JSON.stringify(reordered.body)).to.equal(200);
      expect(reordered.body.items.map((i) => [i.id, i.position, i.medicine, i.dose])).to.deep.equal([
        [cetirizine.id, 0, 'Cetirizine 10 mg', '1 tablet'],
        [ibuprofen.id, 1, 'Ibuprofen 400 mg', '2 tablets'],
      ]);
      expect(await PrescriptionItem.findByPk(omeprazole.id)).to.equal(null);

      // A console that does not track ids keeps them anyway (rows are matched by medicine).
      const withoutIds = await patch(record.id, { revision: 2, items: [row('Ibuprofen 400 mg'), row('Cetirizine 10 mg')] });
      expect(withoutIds.body.items.map((i) => i.id)).to.deep.equal([ibuprofen.id, cetirizine.id]);
    });

    it("refuses a row id from another record (422) and a row without a medicine (422)", async () => {
      const record = await draft();
      const otherDoctor = await signedInDoctor(server, clinic.department);
      const other = (await visitWithDraft(clinic.reception.agent, otherDoctor, await makePatient())).record;
      const saved = await otherDoctor.agent.request<RecordView>('PATCH', `/api/records/${other.id}`, { revision: 0, items: [row('Aspirin 75 mg')] });
      const foreign = await patch(record.id, { revision: 0, items: [{ ...row('Aspirin 75 mg'), id: saved.body.items[0].id }] });
      expect(foreign.status).to.equal(422);
      expect(foreign.body.error.fields![0].path).to.equal('items.0.id');
      const empty = await patch(record.id, { revision: 0, items: [row('  ')] });
      expect(empty.status).to.equal(422);
      expect(empty.body.error.fields![0].path).to.equal('items.0.medicine');
    });

    it('refuses a medicine matching a recorded allergy (409 allergy_conflict) until the request confirms it, and audits the confirmation', async () => {
      const record = await draft();
      const refused = await patch(record.id, { revision: 0, items: [row('Paracetamol 500 mg'), row('Penicillin V 250 mg')] });
      expect(refused.status).to.equal(409);
      expect(refused.body.error.id).to.equal('allergy_conflict');
      expect(refused.body.error.message).to.contain('Penicillin V 250 mg').and.contain('Penicillin (rash)');
      expect(refused.body.error.fields).to.deep.equal([{ path: 'items.1.medicine', message: 'Penicillin V 250 mg matches the recorded allergy: Penicillin (rash).' }]);
      expect(await PrescriptionItem.count({ where: { medicalRecordId: record.id } })).to.equal(0);

      const confirmed = await patch(record.id, { revision: 0, items: [row('Paracetamol 500 mg'), row('Penicillin V 250 mg')], confirmAllergy: true });
      expect(confirmed.status).to.equal(200);
      expect(confirmed.body.items[1]).to.include({ medicine: 'Penicillin V 250 mg', allergyConfirmed: true });
      expect(confirmed.body.items[1].allergyMatches).to.deep.equal(['Penicillin (rash)']);
      expect(confirmed.body.items[0]).to.include({ allergyConfirmed: false });

      const audit = await AuditLog.findOne({ where: { action: 'prescription.allergy_confirmed', entityId: String(record.id) } });
      expect(audit!.userId).to.equal(doctor.user.id);
      expect(audit!.details).to.deep.equal({ medicine: 'Penicillin V 250 mg', allergies: ['Penicillin (rash)'] });

      // Later autosaves of the same row do not ask again; a new matching medicine does.
      const later = await patch(record.id, { revision: 1, notes: 'x', items: [row('Penicillin V 250 mg', { duration: '10 days' }), row('Paracetamol 500 mg')] });
      expect(later.status, JSON.stringify(later.body)).to.equal(200);
      const another = await patch(record.id, { revision: 2, items: [...later.body.items.map((i) => ({ ...row(i.medicine), id: i.id })), row('Peanut oil emollient')] });
      expect([another.status, another.body.error?.id]).to.deep.equal([409, 'allergy_conflict']);
      expect(await AuditLog.count({ where: { action: 'prescription.allergy_confirmed' } })).to.equal(1);
    });
  });
});
