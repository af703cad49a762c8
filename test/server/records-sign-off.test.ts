import { expect } from 'chai';
import type { Transaction } from 'sequelize';
import type { StaffQueueEntry } from '../../common/api';
import type { RecordView, SignOffResponse } from '../../common/records';
import { Appointment, AuditLog, MedicalRecord, QueueEntry, User } from '../../server/models';
import { RecordsService } from '../../server/services/records';
import { QueueService } from '../../server/queue/commands/steps';
import type { QueueChange, QueueNotifier } from '../../server/queue/types';
import { makeAppointment, makePatient, makeSlot } from '../support/clinic-factories';
import { resetDatabase, testDatabase } from '../support/db';
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
import { TestSocket } from '../support/ws';

describe('records API: sign-off, read-only records and addenda', () => {
  let server: TestServer;
  let clinic: RecordsClinic;
  let doctor: SignedInDoctor;
  const sockets: TestSocket[] = [];

  before(async () => {
    server = await startTestServer();
    await resetDatabase();
    clinic = await recordsClinic(server);
  });
  beforeEach(async () => {
    doctor = await signedInDoctor(server, clinic.department);
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  after(() => server.close());

  /**
   * A patient in consultation with a complete draft (and an appointment), and a second patient waiting for the same
   * doctor: what sign-off completes, and whom it calls next.
   */
  async function consultationWithNextWaiting() {
    const patient = await allergicPatient();
    const { entry, record } = await visitWithDraft(clinic.reception.agent, doctor, patient);
    const appointment = await makeAppointment(await makeSlot(doctor.doctor.id), { patientId: patient.id, status: 'in_consultation' });
    await QueueEntry.update({ appointmentId: appointment.id }, { where: { id: entry.id } });
    const saved = await doctor.agent.request<RecordView>('PUT', `/api/records/${record.id}`, fullDraft(record.revision));
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
    const nextId = await checkIn(clinic.reception.agent, doctor, (await makePatient()).id);
    const current = (await QueueEntry.findByPk(entry.id))!;
    return { entry: current, record: saved.body, appointment, nextId };
  }

  const sign = (record: { id: number; revision: number }, expectedVersion: number, who = doctor) =>
    who.agent.post<SignOffResponse>(`/api/records/${record.id}/sign`, { revision: record.revision, expectedVersion });

  /** Asserts that nothing of a sign-off happened. */
  async function nothingChanged(setup: Awaited<ReturnType<typeof consultationWithNextWaiting>>) {
    const record = (await MedicalRecord.findByPk(setup.record.id))!;
    expect([record.status, record.signedAt, record.signedBy, record.revision]).to.deep.equal(['draft', null, null, setup.record.revision]);
    const entry = (await QueueEntry.findByPk(setup.entry.id))!;
    expect([entry.status, entry.version, entry.completedAt]).to.deep.equal(['in_consultation', setup.entry.version, null]);
    expect((await QueueEntry.findByPk(setup.nextId))!.status).to.equal('waiting');
    expect((await Appointment.findByPk(setup.appointment.id))!.status).to.equal('in_consultation');
    const actions = (await AuditLog.findAll({ where: { userId: doctor.user.id } })).map((a) => a.action);
    expect(actions.filter((a) => ['queue.complete', 'record.sign', 'queue.call_next'].includes(a))).to.deep.equal(['queue.call_next']);
  }

  it('signs the record, completes the visit and its appointment, and calls the next patient, whom the display announces', async () => {
    const setup = await consultationWithNextWaiting();
    const display = new TestSocket(server.wsUrl);
    sockets.push(display);
    await display.next('hello');
    display.send({ type: 'subscribe', channel: 'display:all' });
    await display.next('subscribed');

    const res = await sign(setup.record, setup.entry.version);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.record).to.include({ status: 'signed', revision: setup.record.revision + 1 });
    expect(res.body.record.signedBy).to.deep.equal({ id: doctor.user.id, fullName: doctor.user.fullName });
    expect(Date.parse(res.body.record.signedAt!)).to.be.closeTo(Date.now(), 10_000);
    expect(res.body.completed).to.include({ id: setup.entry.id, status: 'completed' });
    expect(res.body.called).to.include({ id: setup.nextId, status: 'called', doctorId: doctor.doctor.id });
    expect((await Appointment.findByPk(setup.appointment.id))!.status).to.equal('completed');

    const called = await display.next('token_called');
    expect(called).to.include({ token: res.body.called!.token, room: doctor.doctor.room });

    const actions = (await AuditLog.findAll({ where: { userId: doctor.user.id }, order: [['id', 'ASC']] })).map((a) => a.action);
    expect(actions.slice(-3)).to.deep.equal(['queue.complete', 'record.sign', 'queue.call_next']);
  });

  it('refuses a record without a diagnosis (422 record_incomplete) and rolls the whole sign-off back', async () => {
    const setup = await consultationWithNextWaiting();
    const cleared = await doctor.agent.request<RecordView>('PATCH', `/api/records/${setup.record.id}`, { revision: setup.record.revision, diagnosis: null });
    setup.record = cleared.body;
    const res = await sign(setup.record, setup.entry.version);
    expect(res.status).to.equal(422);
    expect(res.body).to.deep.equal({
      error: {
        id: 'record_incomplete',
        message: 'Add a diagnosis before signing the record.',
        fields: [{ path: 'diagnosis', message: 'A diagnosis is required to sign the record.' }],
      },
    } as unknown as SignOffResponse);
    await nothingChanged(setup);
  });

  it('refuses to sign an older revision than the stored one (409 stale_draft), or a stale queue view (409 stale)', async () => {
    const setup = await consultationWithNextWaiting();
    const stale = await sign({ id: setup.record.id, revision: setup.record.revision - 1 }, setup.entry.version);
    expect([stale.status, (stale.body as any).error.id]).to.deep.equal([409, 'stale_draft']);
    await nothingChanged(setup);
    const staleQueue = await sign(setup.record, setup.entry.version - 1);
    expect([staleQueue.status, (staleQueue.body as any).error.id]).to.deep.equal([409, 'stale']);
    await nothingChanged(setup);
  });

  it('leaves everything as it was when the transaction fails after the next patient was claimed', async () => {
    const setup = await consultationWithNextWaiting();
    const { sequelize } = await testDatabase();
    // The engine tells its notifier last, inside the transaction, after signing and calling: failing there proves
    // that the record, the completion and the call are one unit.
    const failing: QueueNotifier = {
      changed(_t: Transaction, change: QueueChange) {
        if (change.called) throw new Error('simulated failure after the call');
      },
    };
    const queue = new QueueService(sequelize, { timeZone: server.config.clinicTimeZone }, failing);
    const records = new RecordsService({ sequelize, queue, timeZone: server.config.clinicTimeZone, now: () => new Date() });
    const user = (await User.findByPk(doctor.user.id))!;

    let failure: unknown;
    try {
      await records.sign(setup.record.id, setup.record.revision, setup.entry.version, { user });
    } catch (error) {
      failure = error;
    }
    expect((failure as Error | undefined)?.message).to.equal('simulated failure after the call');
    await nothingChanged(setup);

    // And the same sign-off goes through once nothing fails.
    const res = await sign(setup.record, setup.entry.version);
    expect(res.status).to.equal(200);
    expect(res.body.called!.id).to.equal(setup.nextId);
  });

  it('signs when nobody is waiting (called: null), and signs a visit already completed from the queue panel', async () => {
    const first = await visitWithDraft(clinic.reception.agent, doctor, await allergicPatient());
    const saved = await doctor.agent.request<RecordView>('PUT', `/api/records/${first.record.id}`, fullDraft(0));
    const alone = await sign(saved.body, first.entry.version);
    expect(alone.status, JSON.stringify(alone.body)).to.equal(200);
    expect(alone.body.called).to.equal(null);
    expect(alone.body.record.status).to.equal('signed');

    const second = await visitWithDraft(clinic.reception.agent, doctor, await allergicPatient());
    const draft = await doctor.agent.request<RecordView>('PUT', `/api/records/${second.record.id}`, fullDraft(0));
    const completed = await doctor.agent.post<StaffQueueEntry>(`/api/queue/entries/${second.entry.id}/complete`, { expectedVersion: second.entry.version });
    expect(completed.body.status).to.equal('completed');
    const late = await sign(draft.body, completed.body.version);
    expect(late.status, JSON.stringify(late.body)).to.equal(200);
    expect([late.body.record.status, late.body.completed.status, late.body.called]).to.deep.equal(['signed', 'completed', null]);
  });

  it('makes the record read-only after sign-off (409 record_signed), even for a save that changes nothing', async () => {
    const setup = await consultationWithNextWaiting();
    const signed = (await sign(setup.record, setup.entry.version)).body.record;
    const body = fullDraft(signed.revision);
    for (const res of [
      await doctor.agent.request('PUT', `/api/records/${signed.id}`, body),
      await doctor.agent.request('PATCH', `/api/records/${signed.id}`, { revision: signed.revision, notes: 'late change' }),
      await doctor.agent.request('PATCH', `/api/records/${signed.id}`, { revision: signed.revision }),
      await sign(signed, setup.entry.version + 1),
    ]) {
      expect([res.status, (res.body as any).error.id]).to.deep.equal([409, 'record_signed']);
    }
    const stored = (await MedicalRecord.findByPk(signed.id))!;
    expect([stored.notes, stored.revision]).to.deep.equal(['No exudate. Fluids and rest.', signed.revision]);
  });

  it('takes corrections as addenda on signed records only, signed and time-stamped by their author', async () => {
    const setup = await consultationWithNextWaiting();
    const early = await doctor.agent.post(`/api/records/${setup.record.id}/addenda`, { text: 'Too early' });
    expect([early.status, early.body.error.id]).to.deep.equal([409, 'record_not_signed']);

    await sign(setup.record, setup.entry.version);
    const res = await doctor.agent.post<RecordView>(`/api/records/${setup.record.id}/addenda`, { text: '  Correction: symptoms for five days, not three.  ' });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body.addenda).to.have.length(1);
    expect(res.body.addenda[0]).to.include({ text: 'Correction: symptoms for five days, not three.' });
    expect(res.body.addenda[0].author).to.deep.equal({ id: doctor.user.id, fullName: doctor.user.fullName, role: 'doctor' });
    expect(Date.parse(res.body.addenda[0].createdAt)).to.be.closeTo(Date.now(), 10_000);
    expect(res.body.chiefComplaint).to.equal('Sore throat for three days');

    // A colleague of the department adds another; they come back in order.
    const colleague = await signedInDoctor(server, clinic.department);
    const second = await colleague.agent.post<RecordView>(`/api/records/${setup.record.id}/addenda`, { text: 'Seen again: improving.' });
    expect(second.status).to.equal(201);
    expect(second.body.addenda.map((a) => a.author.id)).to.deep.equal([doctor.user.id, colleague.user.id]);

    const audit = await AuditLog.findAll({ where: { action: 'record.addendum', entityId: String(setup.record.id) } });
    expect(audit.map((a) => a.userId)).to.deep.equal([doctor.user.id, colleague.user.id]);

    for (const [who, status] of [[clinic.admin.agent, 403], [clinic.reception.agent, 403], [clinic.outsider.agent, 403]] as const) {
      expect((await who.post(`/api/records/${setup.record.id}/addenda`, { text: 'x' })).status).to.equal(status);
    }
    expect((await doctor.agent.post(`/api/records/${setup.record.id}/addenda`, { text: '   ' })).status).to.equal(422);
  });
});
