import { expect } from 'chai';
import { AuditLog, Session, User } from '../../server/models';
import { signedIn } from '../support/admin';
import { makeDoctor } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';
import { TestSocket } from '../support/ws';

describe('staff accounts (admin)', () => {
  let server: TestServer;
  let admin: Agent;
  let adminId: number;

  before(async () => {
    await resetDatabase();
    server = await startTestServer();
    const signed = await signedIn(server, 'admin');
    admin = signed.agent;
    adminId = signed.user.id;
  });
  after(() => server.close());

  it('creates an account that can sign in, and audits it without the password', async () => {
    const res = await admin.post('/api/users', { email: ' New.Nurse@Test.Clinic ', fullName: 'Nia Nurse', role: 'reception', password: 'a long password' });
    expect(res.status).to.equal(201);
    expect(res.body.user).to.include({ email: 'new.nurse@test.clinic', fullName: 'Nia Nurse', role: 'reception', active: true });
    await new Agent(server).signIn('new.nurse@test.clinic', 'a long password');
    const entry = await AuditLog.findOne({ where: { action: 'user.create', entityId: String(res.body.user.id) } });
    expect(entry!.userId).to.equal(adminId);
    expect(JSON.stringify(entry!.details)).not.to.contain('long password');
  });

  it('lists staff, filtered by role', async () => {
    await createStaff({ role: 'doctor', fullName: 'Dana Doctor' });
    const res = await admin.get('/api/users?role=doctor');
    expect(res.status).to.equal(200);
    expect(res.body.users.map((u: { role: string }) => u.role)).to.satisfy((roles: string[]) => roles.length > 0 && roles.every((r) => r === 'doctor'));
  });

  it('answers 422 naming each bad field', async () => {
    const res = await admin.post('/api/users', { email: 'not-an-email', fullName: '', role: 'janitor', password: 'short' });
    expect(res.status).to.equal(422);
    expect(res.body.error.id).to.equal('validation_failed');
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).to.have.members(['email', 'fullName', 'role', 'password']);
  });

  it('answers 409 already_exists for an email in use', async () => {
    const existing = await createStaff();
    const res = await admin.post('/api/users', { email: existing.email, fullName: 'Copy', role: 'reception', password: 'another password' });
    expect(res.status).to.equal(409);
    expect(res.body.error.id).to.equal('already_exists');
  });

  it('edits name, email and role; the new role holds from the account\'s next request', async () => {
    const staff = await createStaff({ role: 'reception' });
    const { user } = staff;
    // Signed in and active just before the change, so the server has the session fresh in hand.
    const own = await new Agent(server).signIn(staff.email, staff.password);
    expect((await own.get('/api/users')).status).to.equal(403);
    const res = await admin.request('PATCH', `/api/users/${user.id}`, { fullName: 'Renamed', email: 'renamed@test.clinic', role: 'admin' });
    expect(res.status).to.equal(200);
    expect(res.body.user).to.include({ fullName: 'Renamed', email: 'renamed@test.clinic', role: 'admin' });
    expect((await own.get('/api/users')).status).to.equal(200);
    expect((await own.get('/api/auth/me')).body.user).to.include({ role: 'admin', fullName: 'Renamed' });
    const empty = await admin.request('PATCH', `/api/users/${user.id}`, {});
    expect(empty.status).to.equal(422);
    const missing = await admin.request('PATCH', '/api/users/999999', { fullName: 'Nobody' });
    expect(missing.status).to.equal(404);
  });

  it("refuses to change one's own role, or a doctor with a profile off the doctor role", async () => {
    const own = await admin.request('PATCH', `/api/users/${adminId}`, { role: 'reception' });
    expect(own.status).to.equal(409);
    expect(own.body.error.id).to.equal('own_account');
    const doctor = await makeDoctor();
    const res = await admin.request('PATCH', `/api/users/${doctor.userId}`, { role: 'reception' });
    expect(res.status).to.equal(409);
    expect(res.body.error.id).to.equal('has_doctor_profile');
  });

  it('deactivates an account, ending its sessions and its live connections; never one\'s own', async () => {
    const nurse = await createStaff({ role: 'reception' });
    const nurseAgent = await new Agent(server).signIn(nurse.email, nurse.password);
    const socket = new TestSocket(server.wsUrl, nurseAgent.cookie);
    const hello = await socket.next('hello');
    expect(hello.user?.id).to.equal(nurse.user.id);
    const doctor = await makeDoctor();
    socket.send({ type: 'subscribe', channel: `doctor:${doctor.id}` });
    await socket.next('subscribed');
    expect((await nurseAgent.get('/api/auth/me')).status).to.equal(200);

    const res = await admin.post(`/api/users/${nurse.user.id}/deactivate`);
    expect(res.status).to.equal(200);
    expect(res.body.user.active).to.equal(false);
    expect(await Session.count({ where: { userId: nurse.user.id } })).to.equal(0);
    expect((await nurseAgent.get('/api/auth/me')).status).to.equal(401);
    const signIn = await new Agent(server).post('/api/auth/sign-in', { email: nurse.email, password: nurse.password });
    expect(signIn.status).to.equal(401);
    expect(await AuditLog.count({ where: { action: 'user.deactivate', entityId: String(nurse.user.id) } })).to.equal(1);
    const dropped = await socket.next('error');
    expect(dropped).to.deep.include({ channel: `doctor:${doctor.id}` });
    expect(dropped.error.id).to.equal('session_expired');
    socket.close();

    const own = await admin.post(`/api/users/${adminId}/deactivate`);
    expect(own.status).to.equal(409);
    expect(own.body.error.id).to.equal('own_account');
    expect((await User.findByPk(adminId))!.active).to.equal(true);

    const back = await admin.post(`/api/users/${nurse.user.id}/activate`);
    expect(back.body.user.active).to.equal(true);
    await new Agent(server).signIn(nurse.email, nurse.password);
  });

  it('resets a password: the old one stops working and the account is signed out everywhere', async () => {
    const doctor = await createStaff({ role: 'doctor' });
    const before = await new Agent(server).signIn(doctor.email, doctor.password);
    expect((await before.get('/api/auth/me')).status).to.equal(200);
    const res = await admin.post(`/api/users/${doctor.user.id}/reset-password`, { password: 'brand new secret' });
    expect(res.status).to.equal(200);
    expect((await before.get('/api/auth/me')).status).to.equal(401);
    expect((await new Agent(server).post('/api/auth/sign-in', { email: doctor.email, password: doctor.password })).status).to.equal(401);
    await new Agent(server).signIn(doctor.email, 'brand new secret');
    const weak = await admin.post(`/api/users/${doctor.user.id}/reset-password`, { password: 'short' });
    expect(weak.status).to.equal(422);
    expect(weak.body.error.fields[0].path).to.equal('password');
  });
});
