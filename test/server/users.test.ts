import { expect } from 'chai';
import { resetDatabase } from '../support/db';
import { createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { agentFor } from '../support/session';
import { startTestServer, type TestServer } from '../support/server';

describe('GET /api/users (staff list)', () => {
  let server: TestServer;

  before(async () => {
    await resetDatabase();
    server = await startTestServer();
  });
  after(() => server.close());

  it('lists staff for an admin, without password hashes', async () => {
    const admin = await createStaff({ role: 'admin', fullName: 'Ada Admin' });
    await createStaff({ role: 'doctor', fullName: 'Bo Doctor' });
    const agent = await agentFor(server, admin.user);
    const res = await agent.get('/api/users');
    expect(res.status).to.equal(200);
    expect(res.body.users.map((u: { fullName: string }) => u.fullName)).to.include.members(['Ada Admin', 'Bo Doctor']);
    expect(JSON.stringify(res.body)).not.to.contain('scrypt$');
  });

  it('answers 401 without a session', async () => {
    const res = await new Agent(server).get('/api/users');
    expect(res.status).to.equal(401);
    expect(res.body.error.id).to.equal('not_signed_in');
  });

  it('answers 403 to a doctor and to reception', async () => {
    for (const role of ['doctor', 'reception'] as const) {
      const staff = await createStaff({ role });
      const res = await (await agentFor(server, staff.user)).get('/api/users');
      expect(res.status).to.equal(403);
      expect(res.body.error.id).to.equal('forbidden');
    }
  });

  it('answers unknown API paths with a 404 error body', async () => {
    const res = await new Agent(server).get('/api/nothing-here');
    expect(res.status).to.equal(404);
    expect(res.body.error.id).to.equal('not_found');
  });

  it('answers a wrong method with 405 in the error shape', async () => {
    const res = await new Agent(server).request('DELETE', '/api/auth/me');
    expect(res.status).to.equal(405);
    expect(res.body.error.id).to.equal('method_not_allowed');
  });
});
