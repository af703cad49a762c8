import { expect } from 'chai';
import type { TicketView } from '../../common/api';
import { resetDatabase } from '../support/db';
import { createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { agentFor } from '../support/session';
import { awayFromMidnight, kioskKey, openDepartment } from '../support/kiosk';
import { startTestServer, type TestServer } from '../support/server';
import { TestSocket } from '../support/ws';

describe('emergency check-ins alert reception over the staff channel', () => {
  let server: TestServer;
  const sockets: TestSocket[] = [];

  const open = async (cookie?: string) => {
    const socket = new TestSocket(server.wsUrl, cookie);
    sockets.push(socket);
    await socket.next('hello');
    return socket;
  };
  const signedIn = async (role: 'reception' | 'admin' | 'doctor') => {
    const { user } = await createStaff({ role });
    return open((await agentFor(server, user)).cookie);
  };
  /** Waits until the server has answered everything sent before (the hub handles one connection's messages in order). */
  const settle = async (socket: TestSocket) => {
    socket.send({ type: 'ping', id: 'settle' });
    await socket.next('pong');
  };

  before(async () => {
    server = await startTestServer();
  });
  beforeEach(async () => {
    await resetDatabase();
    await awayFromMidnight();
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  after(() => server.close());

  it('sends reception the alert once, with what the patient typed, and lists open emergencies to late joiners', async () => {
    const { department } = await openDepartment('Cardiology', 'C');
    const desk = await signedIn('reception');
    desk.send({ type: 'subscribe', channel: 'reception:all' });
    await desk.next('subscribed');
    expect((await desk.next('reception_alerts')).alerts).to.deep.equal([]);

    const body = { departmentId: department.id, emergency: true, firstName: 'Omar', phone: '07700 900789', idempotencyKey: kioskKey() };
    const res = await new Agent(server).post<TicketView>('/api/kiosk/check-in', body);
    expect(res.status).to.equal(201);
    const alert = await desk.next('emergency_alert');
    expect(alert.channel).to.equal('reception:all');
    expect(alert.alert).to.deep.include({
      kind: 'emergency',
      token: res.body.token,
      status: 'waiting',
      department: { id: department.id, name: 'Cardiology' },
      firstName: 'Omar',
      phone: '07700 900789',
    });

    // The kiosk retries (its answer was lost): same ticket, no second alert.
    const retry = await new Agent(server).post<TicketView>('/api/kiosk/check-in', body);
    expect(retry.body.publicCode).to.equal(res.body.publicCode);
    // A normal walk-in raises no alert either.
    await new Agent(server).post('/api/kiosk/check-in', { departmentId: department.id, idempotencyKey: kioskKey() });
    await settle(desk);
    expect(desk.unread.filter((m) => m.type === 'emergency_alert')).to.deep.equal([]);

    const admin = await signedIn('admin');
    admin.send({ type: 'subscribe', channel: 'reception:all' });
    const snapshot = await admin.next('reception_alerts');
    expect(snapshot.alerts.map((a) => [a.token, a.firstName])).to.deep.equal([[res.body.token, 'Omar']]);
  });

  it('refuses the channel to the public and to doctors, and never shows the alert on public channels', async () => {
    const { department } = await openDepartment('Cardiology', 'C');
    const anonymous = await open();
    anonymous.send({ type: 'subscribe', channel: 'reception:all' });
    expect((await anonymous.next('error')).error.id).to.equal('not_signed_in');
    const doctor = await signedIn('doctor');
    doctor.send({ type: 'subscribe', channel: 'reception:all' });
    expect((await doctor.next('error')).error.id).to.equal('forbidden');
    const desk = await signedIn('reception');
    desk.send({ type: 'subscribe', channel: 'reception:other' });
    expect((await desk.next('error')).error.id).to.equal('not_found');

    anonymous.send({ type: 'subscribe', channel: `department:${department.id}` });
    await anonymous.next('queue_update');
    const res = await new Agent(server).post<TicketView>('/api/kiosk/check-in', {
      departmentId: department.id,
      emergency: true,
      firstName: 'Omar',
      idempotencyKey: kioskKey(),
    });
    const update = await anonymous.next('queue_update');
    expect(update.queue[0]).to.include({ token: res.body.token, priority: 'emergency' });
    await settle(anonymous);
    expect(JSON.stringify([update, anonymous.unread])).to.not.match(/Omar|emergency_alert/);
  });

  it('drops the channel when the desk signs out', async () => {
    const { user } = await createStaff({ role: 'reception' });
    const agent = await agentFor(server, user);
    const desk = await open(agent.cookie);
    desk.send({ type: 'subscribe', channel: 'reception:all' });
    await desk.next('reception_alerts');
    await agent.post('/api/auth/sign-out');
    const lost = await desk.next('error');
    expect(lost).to.deep.include({ channel: 'reception:all' });
    expect(lost.error.id).to.equal('session_expired');
  });
});
