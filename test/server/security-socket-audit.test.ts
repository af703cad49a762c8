import { expect } from 'chai';
import { AuditLog, User } from '../../server/models';
import { makePatient } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createStaff } from '../support/factories';
import { awayFromMidnight, kioskKey, openDepartment } from '../support/kiosk';
import { agentFor } from '../support/session';
import { startTestServer, type TestServer } from '../support/server';
import { TestSocket } from '../support/ws';

/** The audit rows of `action`, oldest first. */
const rowsOf = (action: string) => AuditLog.findAll({ where: { action }, order: [['id', 'ASC']] });

/**
 * Reads of patient data over the WebSocket are audited as the same reads over REST are (issue 11, point 7): a staff
 * member's first snapshot of a channel that carries names, once per subscription, not every live update.
 */
describe('reads of patient data over the WebSocket are audited (issue 11)', function () {
  this.timeout(20_000);
  let server: TestServer;
  const sockets: TestSocket[] = [];

  /** A socket as the staff panel opens it: the session cookie and our own origin. */
  const open = async (cookie?: string) => {
    const socket = new TestSocket(server.wsUrl, cookie, cookie ? server.baseUrl : undefined);
    sockets.push(socket);
    await socket.next('hello');
    return socket;
  };
  /** Waits until the server has answered everything sent before (an audit row is written before the snapshot). */
  const settle = async (socket: TestSocket) => {
    socket.send({ type: 'ping', id: 'settle' });
    await socket.next('pong');
  };

  before(async () => {
    await resetDatabase();
    await awayFromMidnight();
    server = await startTestServer();
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  after(() => server.close());

  it("audits reception's subscription to the arrivals channel once: who, which channel, from where; not its live updates", async () => {
    const { department } = await openDepartment('General Practice', 'G');
    const { user } = await createStaff({ role: 'reception' });
    const desk = await agentFor(server, user);
    const patient = await makePatient({ fullName: 'Ngozi Adeyemi' });
    const before = (await rowsOf('queue.list_read')).length;

    const socket = await open(desk.cookie);
    socket.send({ type: 'subscribe', channel: 'reception:all' });
    await socket.next('reception_arrivals');
    const rows = (await rowsOf('queue.list_read')).slice(before);
    expect(rows).to.have.length(1);
    expect(rows[0]).to.deep.include({ userId: user.id });
    expect(rows[0].ip).to.match(/127\.0\.0\.1/);
    expect(rows[0].details).to.deep.equal({ channel: 'reception:all' });
    expect(rows[0].createdAt).to.be.instanceOf(Date);

    // A named check-in reaches the desk live; a re-subscribe to the channel it holds is served, unaudited.
    const checkIn = await desk.post('/api/queue/check-in', { departmentId: department.id, patientId: patient.id, idempotencyKey: kioskKey() });
    expect(checkIn.status).to.equal(201);
    await socket.next('arrivals_update');
    socket.send({ type: 'subscribe', channel: 'reception:all' });
    await socket.next('reception_arrivals');
    await settle(socket);
    expect((await rowsOf('queue.list_read')).length).to.equal(before + 1);

    // A new connection (a reload) is a new read.
    const again = await open(desk.cookie);
    again.send({ type: 'subscribe', channel: 'reception:all' });
    await again.next('reception_arrivals');
    expect((await rowsOf('queue.list_read')).length).to.equal(before + 2);
  });

  it("audits a doctor's queue read over the socket and over REST alike, naming the doctor", async () => {
    const { doctor } = await openDepartment('Cardiology', 'C');
    const user = (await User.findByPk(doctor.userId))!;
    const agent = await agentFor(server, user);
    const before = (await rowsOf('queue.doctor_read')).length;

    const socket = await open(agent.cookie);
    socket.send({ type: 'subscribe', channel: `doctor:${doctor.id}` });
    await socket.next('queue_update');
    expect((await agent.get(`/api/queue/doctors/${doctor.id}`)).status).to.equal(200);

    const rows = (await rowsOf('queue.doctor_read')).slice(before);
    expect(rows.map((r) => [r.userId, r.entityType, r.entityId])).to.deep.equal([
      [user.id, 'doctor', String(doctor.id)],
      [user.id, 'doctor', String(doctor.id)],
    ]);
    expect(rows[0].details).to.deep.equal({ channel: `doctor:${doctor.id}` });
    expect(rows.every((r) => /127\.0\.0\.1/.test(r.ip ?? ''))).to.equal(true);
  });

  it('writes nothing for public channels, nor for a refused subscription', async () => {
    const { department, doctor } = await openDepartment('Paediatrics', 'P');
    const before = await AuditLog.count({ where: { action: ['queue.list_read', 'queue.doctor_read'] } });
    const board = await open();
    board.send({ type: 'subscribe', channel: `department:${department.id}` });
    await board.next('queue_update');
    board.send({ type: 'subscribe', channel: `doctor:${doctor.id}` });
    await board.next('error');

    const other = await agentFor(server, (await createStaff({ role: 'doctor' })).user);
    const nosy = await open(other.cookie);
    nosy.send({ type: 'subscribe', channel: 'reception:all' });
    expect((await nosy.next('error')).error.id).to.equal('forbidden');
    expect(await AuditLog.count({ where: { action: ['queue.list_read', 'queue.doctor_read'] } })).to.equal(before);
  });
});
