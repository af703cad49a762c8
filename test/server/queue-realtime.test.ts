import { expect } from 'chai';
import type { TicketView } from '../../common/api';
import type { User } from '../../server/models';
import { resetDatabase } from '../support/db';
import { createDepartment, createStaff } from '../support/factories';
import { makeDoctor, makePatient } from '../support/clinic-factories';
import { DoctorAvailability } from '../../server/models';
import { Agent } from '../support/http';
import { agentFor } from '../support/session';
import { startTestServer, type TestServer } from '../support/server';
import { TestSocket } from '../support/ws';

describe('live queue over WebSocket and REST', () => {
  let server: TestServer;
  let departmentId: number;
  let doctor: { id: number; user: User };
  let otherDoctor: { id: number; user: User };
  let reception: { user: User };
  const sockets: TestSocket[] = [];
  let keys = 0;

  const open = async (cookie?: string) => {
    const socket = new TestSocket(server.wsUrl, cookie);
    sockets.push(socket);
    await socket.next('hello');
    return socket;
  };
  const walkIn = async (agent = new Agent(server), extra: Record<string, unknown> = {}) => {
    const res = await agent.post<TicketView>('/api/queue/check-in', { departmentId, idempotencyKey: `key-${++keys}-abcdef`, ...extra });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body;
  };

  before(async () => {
    server = await startTestServer();
  });
  beforeEach(async () => {
    await resetDatabase();
    const department = await createDepartment({ name: 'Cardiology', prefix: 'C' });
    departmentId = department.id;
    for (const [room, target] of [['Room 3', 'doctor'], ['Room 4', 'other']] as const) {
      const staff = await createStaff({ role: 'doctor' });
      const profile = await makeDoctor({ userId: staff.user.id, departmentId, room });
      // Working all week, all day: a public walk-in is refused when nobody works (tested in kiosk-api).
      for (let weekday = 1; weekday <= 7; weekday++) {
        await DoctorAvailability.create({ doctorId: profile.id, weekday, startTime: '00:00', endTime: '23:59' });
      }
      const entry = { id: profile.id, user: staff.user };
      if (target === 'doctor') doctor = entry;
      else otherDoctor = entry;
    }
    reception = await createStaff({ role: 'reception' });
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  after(() => server.close());

  it("carries a doctor's call_next to the display and to the patient's ticket, with token and room", async () => {
    const ticket = await walkIn();
    expect(ticket).to.include({ token: 'C-001', status: 'waiting', position: 1 });

    const display = await open();
    display.send({ type: 'subscribe', channel: 'display:all' });
    const board = await display.next('board_update');
    expect(board.next).to.deep.equal([{ department_id: departmentId, tokens: ['C-001'], waiting_count: 1 }]);

    const phone = await open();
    phone.send({ type: 'subscribe', channel: `ticket:${ticket.publicCode}` });
    expect((await phone.next('ticket_update')).ticket).to.include({ status: 'waiting', position: 1 });

    const agent = await agentFor(server, doctor.user);
    const console = await open(agent.cookie);
    console.send({ type: 'call_next', requestId: 'r1' });
    const result = await console.next('action_result');
    expect(result.requestId).to.equal('r1');
    expect(result.entry).to.include({ token: 'C-001', status: 'called', doctorId: doctor.id });

    const called = await display.next('token_called');
    expect(called).to.include({ token: 'C-001', room: 'Room 3', department_id: departmentId, recall_count: 0 });
    const after = await display.next('board_update');
    expect(after.rooms.find((r) => r.room === 'Room 3')).to.include({ token: 'C-001', status: 'called' });
    expect(after.recent[0]).to.include({ token: 'C-001', room: 'Room 3' });
    expect((await phone.next('ticket_update')).ticket).to.include({ status: 'called', room: 'Room 3', position: null });
  });

  it('runs the other steps over REST with the version the screen saw, refusing stale and invalid ones', async () => {
    await walkIn();
    const agent = await agentFor(server, doctor.user);
    const called = await agent.post(`/api/queue/doctors/${doctor.id}/call-next`);
    expect(called.status).to.equal(200);

    const started = await agent.post(`/api/queue/entries/${called.body.id}/start-consultation`, { expectedVersion: called.body.version });
    expect(started.status).to.equal(200);
    expect(started.body.status).to.equal('in_consultation');

    const stale = await agent.post(`/api/queue/entries/${called.body.id}/complete`, { expectedVersion: called.body.version });
    expect(stale.status).to.equal(409);
    expect(stale.body.error.id).to.equal('stale');

    const done = await agent.post(`/api/queue/entries/${called.body.id}/complete`, { expectedVersion: started.body.version });
    expect(done.body.status).to.equal('completed');
    const again = await agent.post(`/api/queue/entries/${called.body.id}/recall`, { expectedVersion: done.body.version });
    expect(again.status).to.equal(409);
    expect(again.body.error.id).to.equal('invalid_transition');
    expect(again.body.error.message).to.match(/C-001/);

    const view = await agent.get(`/api/queue/doctors/${doctor.id}`);
    expect(view.body.stats).to.include({ completed_today: 1, waiting_count: 0 });
  });

  it("lists the doctor's no-shows as missed until they are returned to the queue, over REST and the doctor channel", async () => {
    await walkIn();
    await walkIn();
    // The check-ins' own updates are out before the console subscribes, so the next update it sees is the skip's.
    await server.services.queue.broadcaster.idle();
    const agent = await agentFor(server, doctor.user);
    const console = await open(agent.cookie);
    console.send({ type: 'subscribe', channel: `doctor:${doctor.id}` });
    expect((await console.next('queue_update')).view!.missed).to.deep.equal([]);

    const called = await agent.post(`/api/queue/doctors/${doctor.id}/call-next`);
    const skipped = await agent.post(`/api/queue/entries/${called.body.id}/skip`, { expectedVersion: called.body.version });
    expect(skipped.body.status).to.equal('skipped');
    let update = await console.next('queue_update');
    while (update.view!.current || !update.view!.missed.length) update = await console.next('queue_update');
    expect(update.view!.missed.map((e) => [e.token, e.status, e.patient])).to.deep.equal([['C-001', 'skipped', null]]);
    expect(update.view!.waiting.map((e) => e.token)).to.deep.equal(['C-002']);
    // Another doctor's no-shows are not theirs to return.
    const other = await agentFor(server, otherDoctor.user);
    expect((await other.get(`/api/queue/doctors/${otherDoctor.id}`)).body.missed).to.deep.equal([]);

    const back = await agent.post(`/api/queue/entries/${called.body.id}/return-to-queue`, { expectedVersion: skipped.body.version });
    expect(back.body.status).to.equal('waiting');
    const view = await agent.get(`/api/queue/doctors/${doctor.id}`);
    expect(view.body.missed).to.deep.equal([]);
    // Back in their original place: checked in first, so first again.
    expect(view.body.waiting.map((e: { token: string }) => e.token)).to.deep.equal(['C-001', 'C-002']);
  });

  it('checks staff routes: 401 without a session, 403 for another doctor\'s queue, 422 for bad input', async () => {
    expect((await new Agent(server).post(`/api/queue/doctors/${doctor.id}/call-next`)).status).to.equal(401);
    const other = await agentFor(server, otherDoctor.user);
    const peek = await other.get(`/api/queue/doctors/${doctor.id}`);
    expect(peek.status).to.equal(403);
    expect(peek.body.error.id).to.equal('forbidden');
    const bad = await other.post('/api/queue/entries/1/complete', {});
    expect(bad.status).to.equal(422);
    expect(bad.body.error.fields[0].path).to.equal('expectedVersion');
    const noKey = await new Agent(server).post('/api/queue/check-in', { departmentId });
    expect(noKey.status).to.equal(422);
    expect(noKey.body.error.fields.map((f: { path: string }) => f.path)).to.deep.equal(['idempotencyKey']);
    const patient = await makePatient();
    const anonymousWithPatient = await new Agent(server).post('/api/queue/check-in', { departmentId, patientId: patient.id, idempotencyKey: 'kiosk-abcdefgh' });
    expect(anonymousWithPatient.status).to.equal(403);
    const anonymousEmergency = await new Agent(server).post('/api/queue/check-in', { departmentId, priority: 'emergency', idempotencyKey: 'kiosk-emergency-1' });
    expect(anonymousEmergency.status).to.equal(403);
    const unknown = await new Agent(server).get('/api/queue/tickets/doesnotexist123');
    expect(unknown.status).to.equal(404);
    expect(unknown.body.error.message).to.equal('That ticket was not found.');
  });

  it('gives a retried check-in the same ticket', async () => {
    const agent = new Agent(server);
    const body = { departmentId, idempotencyKey: 'same-key-123456' };
    const first = await agent.post('/api/queue/check-in', body);
    const second = await agent.post('/api/queue/check-in', body);
    expect(second.body.token).to.equal(first.body.token);
    expect(second.body.publicCode).to.equal(first.body.publicCode);
    expect((await walkIn()).token).to.equal('C-002');
  });

  it("shows names on the doctor's own channel only; others are refused", async () => {
    const patient = await makePatient({ fullName: 'Zebedee Quartermain' });
    const desk = await agentFor(server, reception.user);
    await walkIn(desk, { patientId: patient.id, doctorId: doctor.id });

    const agent = await agentFor(server, doctor.user);
    const own = await open(agent.cookie);
    own.send({ type: 'subscribe', channel: `doctor:${doctor.id}` });
    const update = await own.next('queue_update');
    expect(update.queue[0]).to.include({ token: 'C-001', patient_name: 'Zebedee Quartermain' });
    expect(update.view!.waiting[0].patient).to.include({ fullName: 'Zebedee Quartermain' });

    const other = await open((await agentFor(server, otherDoctor.user)).cookie);
    other.send({ type: 'subscribe', channel: `doctor:${doctor.id}` });
    expect((await other.next('error')).error.id).to.equal('forbidden');
    const anonymous = await open();
    anonymous.send({ type: 'subscribe', channel: `doctor:${doctor.id}` });
    expect((await anonymous.next('error')).error.id).to.equal('not_signed_in');
    anonymous.send({ type: 'call_next', requestId: 'x' });
    expect((await anonymous.next('error')).error).to.deep.include({ id: 'not_signed_in' });
  });

  it('takes staff channels away when the session is signed out', async () => {
    const agent = await agentFor(server, doctor.user);
    const socket = await open(agent.cookie);
    socket.send({ type: 'subscribe', channel: `doctor:${doctor.id}` });
    await socket.next('queue_update');
    await agent.post('/api/auth/sign-out');
    const lost = await socket.next('error');
    expect(lost).to.deep.include({ channel: `doctor:${doctor.id}` });
    expect(lost.error.id).to.equal('session_expired');
    await walkIn();
    socket.send({ type: 'ping', id: 'later' });
    await socket.next('pong');
    expect(socket.unread.filter((m) => m.type === 'queue_update')).to.deep.equal([]);
    socket.send({ type: 'call_next', requestId: 'r2' });
    expect((await socket.next('error')).error.id).to.equal('not_signed_in');
  });

  it('gives a client that comes back with an old sequence number a fresh snapshot', async () => {
    const first = await open();
    first.send({ type: 'subscribe', channel: `department:${departmentId}` });
    const before = await first.next('subscribed');
    await first.next('queue_update');
    first.close();

    await walkIn();
    await walkIn();
    await server.services.queue.broadcaster.idle();

    const again = await open();
    again.send({ type: 'subscribe', channel: `department:${departmentId}` });
    const subscribed = await again.next('subscribed');
    expect(subscribed.seq).to.be.greaterThan(before.seq);
    const snapshot = await again.next('queue_update');
    expect(snapshot.seq).to.equal(subscribed.seq);
    expect(snapshot.queue.map((l) => l.token)).to.deep.equal(['C-001', 'C-002']);
  });

  it('lets the patient leave the queue from their ticket', async () => {
    const ticket = await walkIn();
    const res = await new Agent(server).post(`/api/queue/tickets/${ticket.publicCode}/cancel`);
    expect(res.status).to.equal(200);
    expect(res.body.status).to.equal('cancelled');
    const again = await new Agent(server).post(`/api/queue/tickets/${ticket.publicCode}/cancel`);
    expect(again.status).to.equal(409);
  });
});
