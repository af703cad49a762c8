import { expect } from 'chai';
import { Session } from '../../server/models';
import { sessionId } from '../../server/services/auth';
import { resetDatabase } from '../support/db';
import { createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SESSION_LIFETIME_MINUTES is an idle time: activity keeps a session going, silence ends it (here 6 seconds). */
describe('staff session idle time', () => {
  let server: TestServer;

  before(async () => {
    await resetDatabase();
    server = await startTestServer({ env: { SESSION_LIFETIME_MINUTES: '0.1' } });
  });
  after(() => server.close());

  const expiresAt = async (agent: Agent) => (await Session.findByPk(sessionId(agent.cookie.split('=')[1])))!.expiresAt.getTime();

  it('moves the expiry on with activity, even for a lifetime under a minute, and ends the session after the idle time', async function () {
    this.timeout(20_000);
    const { email, password } = await createStaff({ role: 'doctor' });
    const agent = await new Agent(server).signIn(email, password);
    const first = await expiresAt(agent);
    expect(first - Date.now()).to.be.within(0, 6100);

    await pause(1000);
    expect((await agent.get('/api/auth/me')).status).to.equal(200);
    expect(await expiresAt(agent)).to.be.greaterThan(first + 500);

    // Idle for longer than the lifetime.
    await pause(7000);
    const me = await agent.get('/api/auth/me');
    expect(me.status).to.equal(401);
    expect(me.body.error.id).to.equal('session_expired');
  });
});
