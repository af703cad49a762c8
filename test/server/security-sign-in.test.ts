import { expect } from 'chai';
import { AuditLog, User } from '../../server/models';
import { hashPassword } from '../../server/services/passwords';
import { resetDatabase } from '../support/db';
import { createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

describe('sign-in throttling under parallel attempts (issue 11, point 2)', () => {
  let server: TestServer;

  before(async () => {
    await resetDatabase();
    // The production limits: 5 failures per email and address, 30 per address.
    server = await startTestServer({ throttle: { perAccount: 5, perAddress: 30, windowSeconds: 60 } });
  });
  after(() => server.close());

  it('checks only 5 of 40 parallel wrong passwords for one email; the other 35 get 429 and are audited', async () => {
    const { email } = await createStaff({ email: 'burst@test.clinic' });
    const agent = new Agent(server);
    const results = await Promise.all(
      Array.from({ length: 40 }, () => agent.post('/api/auth/sign-in', { email, password: 'not the password' })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).to.have.length(5);
    expect(statuses.filter((s) => s === 429)).to.have.length(35);
    const refused = results.find((r) => r.status === 429)!;
    expect(refused.body.error.id).to.equal('too_many_attempts');
    expect(Number(refused.headers.get('retry-after'))).to.be.greaterThan(0);
    expect(await AuditLog.count({ where: { action: 'auth.sign_in_failed' } })).to.equal(5);
    const throttled = await AuditLog.findAll({ where: { action: 'auth.sign_in_throttled' } });
    expect(throttled).to.have.length(35);
    expect(throttled[0].ip).to.be.a('string').and.not.equal('');
    expect(throttled[0].details).to.deep.equal({ email });
  });

});

describe('sign-in throttling for a tired human (issue 11, point 2)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ throttle: { perAccount: 5, perAddress: 30, windowSeconds: 60 } });
  });
  after(() => server.close());

  it('still lets the right password in after a few failures, and forgets them', async () => {
    const { email, password } = await createStaff();
    const agent = new Agent(server);
    for (let i = 0; i < 4; i++) expect((await agent.post('/api/auth/sign-in', { email, password: 'nope' })).status).to.equal(401);
    expect((await agent.post('/api/auth/sign-in', { email, password })).status).to.equal(200);
    for (let i = 0; i < 5; i++) expect((await agent.post('/api/auth/sign-in', { email, password: 'nope' })).status).to.equal(401);
    expect((await agent.post('/api/auth/sign-in', { email, password: 'nope' })).status).to.equal(429);
  });
});

describe('password hashing off the database driver\'s threads (issue 11, point 2)', () => {
  let server: TestServer;

  before(async () => {
    await resetDatabase();
    server = await startTestServer();
  });
  after(() => server.close());

  it('keeps the database answering within 1 s while eight expensive sign-ins are being checked', async () => {
    // 2^16: a few hundred milliseconds a hash. In libuv's pool, 4 at a time would hold every SQLite query back.
    const user = await User.create({
      email: 'slowhash@test.clinic',
      fullName: 'Slow Hash',
      role: 'reception',
      passwordHash: await hashPassword('the real one', 16),
      active: true,
      lastSignInAt: null,
    });
    const agent = new Agent(server);
    const burst = Promise.all(Array.from({ length: 8 }, () => agent.post('/api/auth/sign-in', { email: user.email, password: 'wrong' })));
    await new Promise((resolve) => setTimeout(resolve, 100));
    let pending = true;
    void burst.finally(() => (pending = false));
    const started = performance.now();
    const health = await agent.get('/healthz');
    const took = performance.now() - started;
    expect(health.status).to.equal(200);
    expect(pending, 'the burst must still be running while the database answers').to.equal(true);
    expect(took).to.be.below(1000);
    expect((await burst).every((r) => r.status === 401)).to.equal(true);
  });
});
