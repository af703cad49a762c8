import { expect } from 'chai';
import { AuditLog, Session } from '../../server/models';
import { sessionId } from '../../server/services/auth';
import { resetDatabase } from '../support/db';
import { createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

describe('staff sign-in', () => {
  let server: TestServer;

  before(async () => {
    await resetDatabase();
    server = await startTestServer({ throttle: { perAccount: 3, perAddress: 100, windowSeconds: 60 } });
  });
  after(() => server.close());

  it('signs in with the right password, sets an HttpOnly SameSite cookie and records the sign-in', async () => {
    const { user, email, password } = await createStaff({ role: 'doctor', fullName: 'Dr Amina Yusuf' });
    const agent = new Agent(server);
    const res = await agent.request('POST', '/api/auth/sign-in', { email: email.toUpperCase(), password });
    expect(res.status).to.equal(200);
    expect(res.body.user).to.deep.equal({ id: user.id, email, fullName: 'Dr Amina Yusuf', role: 'doctor', active: true });
    expect(res.body.user).not.to.have.property('passwordHash');
    expect(new Date(res.body.expiresAt).getTime()).to.be.greaterThan(Date.now() + 29 * 60_000);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('mq_session='))!;
    expect(cookie).to.match(/httponly/i).and.match(/samesite=lax/i);

    const token = agent.cookie.split('=')[1];
    expect(await Session.findByPk(sessionId(token))).to.not.equal(null);
    expect(await Session.findByPk(token), 'the raw token must not be stored').to.equal(null);
    const logged = await AuditLog.findOne({ where: { action: 'auth.sign_in', userId: user.id } });
    expect(logged).to.not.equal(null);

    const me = await agent.get('/api/auth/me');
    expect(me.status).to.equal(200);
    expect(me.body.user.id).to.equal(user.id);
  });

  it('refuses a wrong password, an unknown email and a deactivated account with the same 401', async () => {
    const { email } = await createStaff();
    const inactive = await createStaff({ active: false });
    const agent = new Agent(server);
    for (const attempt of [
      { email, password: 'wrong password' },
      { email: 'nobody@test.clinic', password: 'whatever' },
      { email: inactive.email, password: inactive.password },
    ]) {
      const res = await agent.post('/api/auth/sign-in', attempt);
      expect(res.status).to.equal(401);
      expect(res.body.error.id).to.equal('invalid_credentials');
      expect(res.body.error.message).to.equal('That email and password do not match an active staff account.');
    }
    expect(agent.cookie).to.equal('');
    expect(await AuditLog.count({ where: { action: 'auth.sign_in_failed' } })).to.be.at.least(3);
  });

  it('names the bad fields with 422', async () => {
    const res = await new Agent(server).post('/api/auth/sign-in', { email: 'not-an-email' });
    expect(res.status).to.equal(422);
    expect(res.body.error.id).to.equal('validation_failed');
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).to.have.members(['email', 'password']);
  });

  it('answers broken JSON with 400 and no stack trace', async () => {
    const res = await new Agent(server).request('POST', '/api/auth/sign-in', '{"email": ', {});
    expect(res.status).to.equal(400);
    expect(res.body.error.id).to.equal('malformed_request');
    expect(JSON.stringify(res.body)).not.to.match(/at .*\.(ts|js):\d+/);
  });

  it('refuses further attempts with 429 after repeated failures, even with the right password', async () => {
    const { email, password } = await createStaff();
    const agent = new Agent(server);
    for (let i = 0; i < 3; i++) expect((await agent.post('/api/auth/sign-in', { email, password: `nope${i}` })).status).to.equal(401);
    const blocked = await agent.post('/api/auth/sign-in', { email, password });
    expect(blocked.status).to.equal(429);
    expect(blocked.body.error.id).to.equal('too_many_attempts');
    expect(blocked.body.error.message).to.match(/wait \d+ minute/);
    expect(Number(blocked.headers.get('retry-after'))).to.be.greaterThan(0);
  });

  it('signs out: the session row is gone and the cookie no longer works', async () => {
    const { email, password } = await createStaff();
    const agent = await new Agent(server).signIn(email, password);
    const cookie = agent.cookie;
    expect((await agent.post('/api/auth/sign-out')).status).to.equal(204);
    expect(agent.cookie).to.equal('');
    agent.cookie = cookie;
    const me = await agent.get('/api/auth/me');
    expect(me.status).to.equal(401);
    expect(me.body.error.id).to.equal('not_signed_in');
  });

  it('ends a session after the idle lifetime and says so', async () => {
    const { email, password } = await createStaff();
    const agent = await new Agent(server).signIn(email, password);
    await Session.update({ expiresAt: new Date(Date.now() - 1000) }, { where: { id: sessionId(agent.cookie.split('=')[1]) } });
    const me = await agent.get('/api/auth/me');
    expect(me.status).to.equal(401);
    expect(me.body.error.id).to.equal('session_expired');
    expect(await Session.count({ where: { id: sessionId(agent.cookie.split('=')[1] ?? '') } })).to.equal(0);
  });

  it('answers /api/auth/me with 401 when nobody is signed in', async () => {
    const res = await new Agent(server).get('/api/auth/me');
    expect(res.status).to.equal(401);
    expect(res.body).to.deep.equal({ error: { id: 'not_signed_in', message: 'Please sign in to continue.' } });
  });
});
