import { expect } from 'chai';
import { AuditLog, PatientAccount, PatientSession, PatientSignInCode, type DoctorProfile } from '../../server/models';
import { dayFromToday, signedIn, slotAt } from '../support/admin';
import { makeDoctor, makePatient } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createDepartment } from '../support/factories';
import { Agent } from '../support/http';
import { lastCode, patientAgent, sentCount, signInPatient } from '../support/patient';
import { startTestServer, type TestServer } from '../support/server';
import { TestSocket } from '../support/ws';
import { DEFAULT_PATIENT_SIGN_IN_LIMITS } from '../../server/patient-portal/sign-in';

describe('patient sign-in (issue 17): one-time codes, printed links, and sessions apart from staff', () => {
  let server: TestServer;
  let doctor: DoctorProfile;
  const phone = '07700 900123';

  before(async () => {
    server = await startTestServer();
    await resetDatabase();
    const department = await createDepartment({ name: 'General Practice', prefix: 'G' });
    doctor = await makeDoctor({ departmentId: department.id });
  });
  after(async () => {
    await server?.close();
  });
  beforeEach(() => {
    server.clock.set(null);
    server.services.patientPortal.signIn.setLimits(DEFAULT_PATIENT_SIGN_IN_LIMITS);
  });

  it('registers when booking online, then signs in with the code from the notifier; the code is stored hashed only', async () => {
    const slot = await slotAt(doctor, dayFromToday(2), '09:00');
    const booked = await new Agent(server).post('/api/public/bookings', { slotId: slot.id, fullName: 'Rosa Parkes', phone, dateOfBirth: '1980-02-03', createAccount: true });
    expect(booked.status, JSON.stringify(booked.body)).to.equal(201);
    expect(booked.body.account).to.equal(true);
    expect(await PatientAccount.count({ where: { phone: '+447700900123' } })).to.equal(1);

    const agent = patientAgent(server);
    // Written another way than at booking: the same number.
    expect((await agent.post('/api/me/sign-in/code', { identifier: '+44 7700 900123', language: 'es' })).status).to.equal(202);
    const code = lastCode(server)!;
    expect(code).to.match(/^\d{6}$/);
    const row = (await PatientSignInCode.findOne({ order: [['id', 'DESC']] }))!;
    expect(row.codeHash).to.have.length(64).and.not.include(code);
    const signedIn = await agent.post('/api/me/sign-in', { identifier: phone, code });
    expect(signedIn.status, JSON.stringify(signedIn.body)).to.equal(200);
    expect(signedIn.body.patient.firstName).to.equal('Rosa');
    expect(agent.cookie).to.match(/^mq_patient=/);
    expect((await agent.get('/api/me/session')).status).to.equal(200);
    // The message went out in the language asked for.
    expect(await AuditLog.count({ where: { action: 'patient.sign_in' } })).to.equal(1);
  });

  it('refuses a code a second time (single use) and after ten minutes (move the clock)', async () => {
    const agent = patientAgent(server);
    await agent.post('/api/me/sign-in/code', { identifier: phone });
    const code = lastCode(server)!;
    expect((await agent.post('/api/me/sign-in', { identifier: phone, code })).status).to.equal(200);
    const again = await patientAgent(server).post('/api/me/sign-in', { identifier: phone, code });
    expect(again.status).to.equal(401);
    expect(again.body.error.id).to.equal('invalid_code');

    await agent.post('/api/me/sign-in/code', { identifier: phone });
    const late = lastCode(server)!;
    server.clock.shift(10 * 60_000 + 1000);
    const expired = await patientAgent(server).post('/api/me/sign-in', { identifier: phone, code: late });
    expect(expired.status).to.equal(401);
    expect(expired.body.error.id).to.equal('invalid_code');
  });

  it('a code dies after five wrong tries; a new request retires the older code', async () => {
    const agent = patientAgent(server);
    await agent.post('/api/me/sign-in/code', { identifier: phone });
    const code = lastCode(server)!;
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await agent.post('/api/me/sign-in', { identifier: phone, code: wrong })).status).to.equal(401);
    expect((await agent.post('/api/me/sign-in', { identifier: phone, code })).status).to.equal(401);

    await agent.post('/api/me/sign-in/code', { identifier: phone });
    const first = lastCode(server)!;
    await agent.post('/api/me/sign-in/code', { identifier: phone });
    const second = lastCode(server)!;
    if (first !== second) expect((await agent.post('/api/me/sign-in', { identifier: phone, code: first })).status).to.equal(401);
    expect((await agent.post('/api/me/sign-in', { identifier: phone, code: second })).status).to.equal(200);
  });

  it('answers an unknown number like a known one and sends nothing; limits codes per number (429 with Retry-After)', async () => {
    const before = sentCount(server);
    const unknown = await patientAgent(server).post('/api/me/sign-in/code', { identifier: '07700 900999' });
    expect(unknown.status).to.equal(202);
    expect(sentCount(server)).to.equal(before);

    server.services.patientPortal.signIn.setLimits({ ...DEFAULT_PATIENT_SIGN_IN_LIMITS, codesPerIdentifier: 2 });
    const agent = patientAgent(server);
    expect((await agent.post('/api/me/sign-in/code', { identifier: phone })).status).to.equal(202);
    expect((await agent.post('/api/me/sign-in/code', { identifier: phone })).status).to.equal(202);
    const refused = await agent.post('/api/me/sign-in/code', { identifier: phone });
    expect(refused.status).to.equal(429);
    expect(refused.body.error.id).to.equal('too_many_attempts');
    expect(Number(refused.headers.get('retry-after'))).to.be.above(0);
  });

  it('a patient session never opens a staff route or a staff channel', async () => {
    const agent = await signInPatient(server, phone);
    for (const path of ['/api/patients', '/api/auth/me', '/api/appointments', '/api/audit']) {
      const res = await agent.get(path);
      expect(res.status, path).to.equal(403);
      expect(res.body.error.id, path).to.equal('forbidden');
    }
    // The staff cookie's name with the patient's token: not a staff session either.
    const forged = new Agent(server);
    forged.cookie = agent.cookie.replace('mq_patient=', 'mq_session=');
    expect((await forged.get('/api/patients')).status).to.equal(401);

    const socket = new TestSocket(server.wsUrl, agent.cookie);
    const hello = await socket.next('hello');
    expect((hello as { user?: unknown }).user ?? null).to.equal(null);
    socket.send({ type: 'subscribe', channel: `doctor:${doctor.id}` });
    const refused = await socket.next('error');
    expect(refused.error.id).to.be.oneOf(['not_signed_in', 'forbidden']);
    socket.send({ type: 'subscribe', channel: 'reception:all' });
    expect((await socket.next('error')).error.id).to.be.oneOf(['not_signed_in', 'forbidden']);
    expect(socket.unread.filter((m) => m.type === 'subscribed')).to.deep.equal([]);
    socket.close();
  });

  it('signs out, and the session is gone', async () => {
    const agent = await signInPatient(server, phone);
    const sessions = await PatientSession.count();
    expect((await agent.post('/api/me/sign-out')).status).to.equal(204);
    expect(await PatientSession.count()).to.equal(sessions - 1);
    expect((await agent.get('/api/me/appointments')).status).to.equal(401);
  });

  it('reception prints a sign-in link (with a QR code) that works once, within a day', async () => {
    const patient = await makePatient({ fullName: 'Link Lewis', phone: '+447700900456' });
    const desk = await signedIn(server, 'reception');
    const made = await desk.agent.post(`/api/patients/${patient.id}/sign-in-link`);
    expect(made.status, JSON.stringify(made.body)).to.equal(200);
    expect(made.body.qrSvg).to.include('<svg');
    const token = String(made.body.url).split('#link=')[1];
    const agent = patientAgent(server);
    expect((await agent.post('/api/me/sign-in/link', { token })).status).to.equal(200);
    expect((await agent.get('/api/me/appointments')).status).to.equal(200);
    expect((await patientAgent(server).post('/api/me/sign-in/link', { token })).status).to.equal(401);
    // Patients cannot make links, and neither can a doctor.
    expect((await agent.post(`/api/patients/${patient.id}/sign-in-link`)).status).to.equal(403);
  });
});
