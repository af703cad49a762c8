import { expect } from 'chai';
import type { TicketView } from '../../common/api';
import type { ReceptionArrival, ReceptionArrivalsResponse } from '../../common/reception';
import { AuditLog, QueueEntry } from '../../server/models';
import { signedIn } from '../support/admin';
import { makeAppointment, makePatient } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { Agent } from '../support/http';
import { awayFromMidnight, kioskKey, openDepartment, today } from '../support/kiosk';
import { startTestServer, type TestServer } from '../support/server';
import { slotSoon } from '../support/admin';
import { TestSocket } from '../support/ws';

/**
 * The reception desk's server side: today's arrivals over REST (GET /api/queue/today) and live on `reception:all`,
 * and naming the patient behind an anonymous walk-in (POST /api/queue/entries/:id/patient).
 */
describe('reception desk: arrivals feed and attaching a patient to a walk-in', () => {
  let server: TestServer;
  const sockets: TestSocket[] = [];

  const open = async (cookie?: string) => {
    const socket = new TestSocket(server.wsUrl, cookie);
    sockets.push(socket);
    await socket.next('hello');
    return socket;
  };
  /** Waits until the server has answered everything sent before. */
  const settle = async (socket: TestSocket) => {
    socket.send({ type: 'ping', id: 'settle' });
    await socket.next('pong');
  };
  const kioskWalkIn = (departmentId: number, extra: Record<string, unknown> = {}) =>
    new Agent(server).post<TicketView>('/api/kiosk/check-in', { departmentId, idempotencyKey: kioskKey(), ...extra });
  const entryOf = async (ticket: TicketView) => (await QueueEntry.findOne({ where: { publicCode: ticket.publicCode } }))!;

  before(async () => {
    server = await startTestServer();
  });
  beforeEach(async () => {
    await resetDatabase();
    await awayFromMidnight();
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  after(() => server.close());

  describe('GET /api/queue/today', () => {
    it("lists every department's entries of the clinic day with names, kiosk contact and appointment", async () => {
      const cardiology = await openDepartment('Cardiology', 'C', { name: 'Dr Ada Heart', room: 'Room 4' });
      const dental = await openDepartment('Dental', 'D');
      const { agent: desk } = await signedIn(server, 'reception');
      const patient = await makePatient({ fullName: 'Maria Lopez', dateOfBirth: '1990-05-01', allergies: 'Penicillin' });
      const appointment = await makeAppointment(await slotSoon(cardiology.doctor, 10), { patientId: patient.id });

      const booked = await desk.post<TicketView>('/api/queue/check-in/appointment', { bookingCode: appointment.bookingCode, idempotencyKey: kioskKey() });
      expect(booked.status, JSON.stringify(booked.body)).to.equal(201);
      const walkIn = await kioskWalkIn(dental.department.id, { firstName: 'Omar', phone: '07700 900789' });
      expect(walkIn.status).to.equal(201);

      const res = await desk.get<ReceptionArrivalsResponse>('/api/queue/today');
      expect(res.status).to.equal(200);
      expect(res.body.day).to.equal(today());
      const [first, second] = res.body.arrivals;
      expect(res.body.arrivals).to.have.length(2);
      expect(first).to.deep.include({
        token: booked.body.token,
        status: 'waiting',
        publicCode: booked.body.publicCode,
        department: { id: cardiology.department.id, name: 'Cardiology', prefix: 'C' },
        doctor: { id: cardiology.doctor.id, name: 'Dr Ada Heart', room: 'Room 4' },
        kioskFirstName: null,
      });
      expect(first.patient).to.deep.include({ id: patient.id, fullName: 'Maria Lopez', medicalRecordNumber: patient.medicalRecordNumber });
      expect(first.appointment).to.deep.include({ id: appointment.id, bookingCode: appointment.bookingCode });
      expect(second).to.deep.include({ token: walkIn.body.token, patient: null, doctor: null, kioskFirstName: 'Omar', kioskPhone: '07700 900789' });
      // Reception sees no clinical data.
      expect(JSON.stringify(res.body)).to.not.include('Penicillin');

      const one = await desk.get<ReceptionArrivalsResponse>(`/api/queue/today?departmentId=${dental.department.id}`);
      expect(one.body.arrivals.map((a) => a.token)).to.deep.equal([walkIn.body.token]);
    });

    it('answers 422 for a bad department, 401 without a session and 403 to a doctor', async () => {
      const { agent: desk } = await signedIn(server, 'admin');
      const bad = await desk.get('/api/queue/today?departmentId=abc');
      expect(bad.status).to.equal(422);
      expect(bad.body.error.fields[0].path).to.equal('departmentId');
      expect((await new Agent(server).get('/api/queue/today')).status).to.equal(401);
      const { agent: doctor } = await signedIn(server, 'doctor');
      expect((await doctor.get('/api/queue/today')).status).to.equal(403);
    });
  });

  describe('the reception channel', () => {
    it('sends the day in its snapshot and each committed change of a department, never on public channels', async () => {
      const { department } = await openDepartment('Cardiology', 'C');
      const { agent: desk } = await signedIn(server, 'reception');
      const early = await kioskWalkIn(department.id);

      const socket = await open(desk.cookie);
      socket.send({ type: 'subscribe', channel: 'reception:all' });
      await socket.next('reception_alerts');
      const snapshot = await socket.next('reception_arrivals');
      expect(snapshot.day).to.equal(today());
      expect(snapshot.arrivals.map((a) => a.token)).to.deep.equal([early.body.token]);

      const watcher = await open();
      watcher.send({ type: 'subscribe', channel: `department:${department.id}` });
      await watcher.next('queue_update');

      const later = await kioskWalkIn(department.id, { firstName: 'Omar' });
      const update = await socket.next('arrivals_update');
      expect(update).to.deep.include({ channel: 'reception:all', day: today(), departmentId: department.id });
      expect(update.arrivals.map((a) => [a.token, a.kioskFirstName])).to.deep.equal([
        [early.body.token, null],
        [later.body.token, 'Omar'],
      ]);

      const patient = await makePatient({ fullName: 'Secretname Hiddenfamily' });
      expect((await desk.post(`/api/queue/entries/${(await entryOf(later.body)).id}/patient`, { patientId: patient.id })).status).to.equal(200);
      const named = await socket.next('arrivals_update');
      expect(named.arrivals[1].patient?.fullName).to.equal('Secretname Hiddenfamily');

      await watcher.next('queue_update');
      await settle(watcher);
      expect(JSON.stringify(watcher.unread)).to.not.match(/Secretname|Omar|arrivals/);
    });
  });

  describe('POST /api/queue/entries/:id/patient', () => {
    it("names an anonymous walk-in's patient: audited, and the doctor's queue shows the name at once", async () => {
      const { department, doctor } = await openDepartment('Cardiology', 'C');
      const { agent: desk, user } = await signedIn(server, 'reception');
      const walkIn = await kioskWalkIn(department.id, { doctorId: doctor.id });
      const entry = await entryOf(walkIn.body);
      const patient = await makePatient({ fullName: 'Maria Lopez' });

      const watcher = await open(desk.cookie);
      watcher.send({ type: 'subscribe', channel: `doctor:${doctor.id}` });
      const before = await watcher.next('queue_update');
      expect(before.view!.waiting[0].patient).to.equal(null);

      const res = await desk.post<ReceptionArrival>(`/api/queue/entries/${entry.id}/patient`, { patientId: patient.id });
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.include({ id: entry.id, token: walkIn.body.token, status: 'waiting' });
      expect(res.body.patient).to.deep.include({ id: patient.id, fullName: 'Maria Lopez' });
      expect((await QueueEntry.findByPk(entry.id))!.patientId).to.equal(patient.id);

      const after = await watcher.next('queue_update');
      expect(after.view!.waiting[0].patient?.fullName).to.equal('Maria Lopez');
      expect(after.queue[0].patient_name).to.equal('Maria Lopez');

      const log = await AuditLog.findAll({ where: { action: 'queue.attach_patient' } });
      expect(log.map((l) => [l.userId, l.entityId, l.patientId])).to.deep.equal([[user.id, String(entry.id), patient.id]]);
    });

    it('refuses a second patient (409), unknown entries and patients (404) and bad input (422)', async () => {
      const { department } = await openDepartment('Cardiology', 'C');
      const { agent: desk } = await signedIn(server, 'admin');
      const entry = await entryOf((await kioskWalkIn(department.id)).body);
      const [first, second] = [await makePatient(), await makePatient()];

      expect((await desk.post(`/api/queue/entries/${entry.id}/patient`, { patientId: first.id })).status).to.equal(200);
      const again = await desk.post(`/api/queue/entries/${entry.id}/patient`, { patientId: second.id });
      expect(again.status).to.equal(409);
      expect(again.body.error.id).to.equal('patient_already_set');
      expect((await QueueEntry.findByPk(entry.id))!.patientId).to.equal(first.id);

      const noEntry = await desk.post(`/api/queue/entries/${entry.id + 999}/patient`, { patientId: first.id });
      expect([noEntry.status, noEntry.body.error.id]).to.deep.equal([404, 'not_found']);
      const other = await entryOf((await kioskWalkIn(department.id)).body);
      const noPatient = await desk.post(`/api/queue/entries/${other.id}/patient`, { patientId: second.id + 999 });
      expect([noPatient.status, noPatient.body.error.id]).to.deep.equal([404, 'not_found']);

      const missing = await desk.post(`/api/queue/entries/${other.id}/patient`, {});
      expect(missing.status).to.equal(422);
      expect(missing.body.error.fields[0].path).to.equal('patientId');
      expect((await QueueEntry.findByPk(other.id))!.patientId).to.equal(null);
      expect(await AuditLog.count({ where: { action: 'queue.attach_patient' } })).to.equal(1);
    });

    it('answers 401 without a session and 403 to a doctor', async () => {
      const { department, doctor } = await openDepartment('Cardiology', 'C');
      const entry = await entryOf((await kioskWalkIn(department.id, { doctorId: doctor.id })).body);
      const patient = await makePatient();
      expect((await new Agent(server).post(`/api/queue/entries/${entry.id}/patient`, { patientId: patient.id })).status).to.equal(401);
      const { agent: other } = await signedIn(server, 'doctor');
      const refused = await other.post(`/api/queue/entries/${entry.id}/patient`, { patientId: patient.id });
      expect(refused.status).to.equal(403);
      expect((await QueueEntry.findByPk(entry.id))!.patientId).to.equal(null);
    });
  });
});
