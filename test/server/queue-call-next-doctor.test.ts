import { expect } from 'chai';
import type { StaffQueueEntry, TicketView } from '../../common/api';
import { DoctorAvailability, DoctorProfile, QueueEntry, type User } from '../../server/models';
import { makeDoctor } from '../support/clinic-factories';
import { resetDatabase, testDatabase } from '../support/db';
import { createDepartment, createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { agentFor } from '../support/session';
import { startTestServer, type TestServer } from '../support/server';
import { TestSocket } from '../support/ws';

/**
 * "Call next" locks the doctor and checks they are free in one statement, and on MySQL takes the doctor's profile
 * from the live model when the locked row agrees with it (queue/commands/calling.ts, lockFreeDoctor).
 */
describe('call next: the doctor as the database has them', () => {
  let server: TestServer;
  let departmentId: number;
  let doctor: { id: number; user: User };
  const sockets: TestSocket[] = [];

  before(async () => {
    server = await startTestServer();
  });
  beforeEach(async () => {
    await resetDatabase();
    departmentId = (await createDepartment({ name: 'Cardiology', prefix: 'C' })).id;
    const staff = await createStaff({ role: 'doctor' });
    const profile = await makeDoctor({ userId: staff.user.id, departmentId, room: 'Room 3' });
    for (let weekday = 1; weekday <= 7; weekday++) {
      await DoctorAvailability.create({ doctorId: profile.id, weekday, startTime: '00:00', endTime: '23:59' });
    }
    doctor = { id: profile.id, user: staff.user };
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  after(() => server.close());

  const walkIn = async (n: number) => {
    const res = await new Agent(server).post<TicketView>('/api/queue/check-in', { departmentId, idempotencyKey: `call-doctor-${n}-abcdef` });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body;
  };

  it('announces the room the row holds when it was changed behind the live model', async () => {
    await walkIn(1);
    const display = new TestSocket(server.wsUrl);
    sockets.push(display);
    await display.next('hello');
    display.send({ type: 'subscribe', channel: 'display:all' });
    await display.next('board_update');
    const agent = await agentFor(server, doctor.user);
    // Warm the live model's copy of the doctor, then move them with a write no model hook sees (another server, a
    // script): the call must go by the row, not by the copy.
    expect((await agent.get(`/api/queue/doctors/${doctor.id}`)).status).to.equal(200);
    const { sequelize } = await testDatabase();
    await sequelize.query('UPDATE doctor_profiles SET room = ? WHERE id = ?', { replacements: ['Room 9', doctor.id] });

    const call = await agent.post<StaffQueueEntry>(`/api/queue/doctors/${doctor.id}/call-next`);
    expect(call.status, JSON.stringify(call.body)).to.equal(200);
    expect(call.body).to.include({ token: 'C-001', status: 'called', doctorId: doctor.id });
    expect(await display.next('token_called')).to.include({ token: 'C-001', room: 'Room 9' });
    expect((await DoctorProfile.findByPk(doctor.id))!.room).to.equal('Room 9');
  });

  it('refuses a second call while the first is unfinished, naming the token, and calls again once it is done', async () => {
    await walkIn(1);
    await walkIn(2);
    const agent = await agentFor(server, doctor.user);
    const first = await agent.post<StaffQueueEntry>(`/api/queue/doctors/${doctor.id}/call-next`);
    expect(first.body).to.include({ token: 'C-001' });
    const busy = await agent.post<{ error: { id: string; message: string } }>(`/api/queue/doctors/${doctor.id}/call-next`);
    expect(busy.status).to.equal(409);
    expect(busy.body.error.id).to.equal('doctor_busy');
    expect(busy.body.error.message).to.contain('C-001');
    const done = await agent.post(`/api/queue/entries/${first.body.id}/complete`, { expectedVersion: first.body.version });
    expect(done.status).to.equal(200);
    const second = await agent.post<StaffQueueEntry>(`/api/queue/doctors/${doctor.id}/call-next`);
    expect(second.body).to.include({ token: 'C-002', status: 'called' });
  });

  it('answers 404 for a doctor who does not exist, and writes nothing', async () => {
    await walkIn(1);
    const admin = await agentFor(server, (await createStaff({ role: 'admin' })).user);
    const res = await admin.post<{ error: { id: string } }>(`/api/queue/doctors/${doctor.id + 999}/call-next`);
    expect([res.status, res.body.error.id]).to.deep.equal([404, 'not_found']);
    const entries = await QueueEntry.findAll({ attributes: ['token', 'status', 'doctorId'] });
    expect(entries.map((e) => [e.token, e.status, e.doctorId])).to.deep.equal([['C-001', 'waiting', null]]);
  });
});
