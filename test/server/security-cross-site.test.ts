import { expect } from 'chai';
import { User } from '../../server/models';
import { resetDatabase } from '../support/db';
import { createStaff } from '../support/factories';
import type { Agent } from '../support/http';
import { clinicWithDoctors } from '../support/queue';
import { agentFor } from '../support/session';
import { startTestServer, type TestServer } from '../support/server';
import { TestSocket } from '../support/ws';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('cross-site requests (issue 11, point 1)', () => {
  let server: TestServer;
  let admin: Agent;

  before(async () => {
    await resetDatabase();
    server = await startTestServer({ env: { ALLOWED_ORIGINS: 'https://desk.example-clinic.org' } });
    admin = await agentFor(server, (await createStaff({ role: 'admin' })).user);
  });
  after(() => server.close());

  it('refuses a cross-site form POST with a staff cookie (403 origin_refused) and changes nothing', async () => {
    const { user } = await createStaff({ role: 'reception' });
    const res = await admin.request('POST', `/api/users/${user.id}/deactivate`, '', { ...FORM, origin: 'http://evil.example', 'user-agent': CHROME });
    expect([res.status, res.body.error.id]).to.deep.equal([403, 'origin_refused']);
    expect((await User.findByPk(user.id))!.active).to.equal(true);
  });

  it('refuses call-next from another port of the same host, which SameSite=Lax would let through', async () => {
    const { doctors } = await clinicWithDoctors(1);
    const doctor = await agentFor(server, doctors[0].user);
    const sameSite = `http://127.0.0.1:${server.port + 1}`;
    const res = await doctor.request('POST', `/api/queue/doctors/${doctors[0].doctor.id}/call-next`, {}, { origin: sameSite, 'sec-fetch-site': 'same-site', 'user-agent': CHROME });
    expect([res.status, res.body.error.id]).to.deep.equal([403, 'origin_refused']);
  });

  it('refuses a browser request that says it is cross-site even without an Origin', async () => {
    const { user } = await createStaff({ role: 'reception' });
    const res = await admin.request('POST', `/api/users/${user.id}/deactivate`, {}, { 'sec-fetch-site': 'cross-site', 'user-agent': CHROME });
    expect([res.status, res.body.error.id]).to.deep.equal([403, 'origin_refused']);
  });

  it('refuses a browser carrying a cookie that names no origin at all', async () => {
    const { user } = await createStaff({ role: 'reception' });
    const res = await admin.request('POST', `/api/users/${user.id}/deactivate`, {}, { 'user-agent': CHROME });
    expect([res.status, res.body.error.id]).to.deep.equal([403, 'origin_refused']);
  });

  it('answers 415 unsupported_media_type to a same-origin /api change that is not JSON', async () => {
    const { user } = await createStaff({ role: 'reception' });
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const res = await admin.request('POST', `/api/users/${user.id}/deactivate`, 'a=1', { 'content-type': type, origin: server.baseUrl });
      expect([res.status, res.body.error.id], type).to.deep.equal([415, 'unsupported_media_type']);
    }
    const bare = await fetch(`${server.baseUrl}/api/users/${user.id}/deactivate`, { method: 'POST', headers: { cookie: admin.cookie } });
    expect(bare.status, 'no Content-Type at all').to.equal(415);
    const upper = await admin.request('POST', `/API/USERS/${user.id}/DEACTIVATE`, 'a=1', FORM);
    expect(upper.status, 'an upper-case path reaches the same handler, so it meets the same rule').to.equal(415);
    expect((await User.findByPk(user.id))!.active).to.equal(true);
  });

  it('accepts the same change from our own origin, from a configured origin, and from non-browser clients', async () => {
    const cases: Array<Record<string, string>> = [
      { origin: server.baseUrl, 'sec-fetch-site': 'same-origin', 'user-agent': CHROME },
      { origin: 'https://desk.example-clinic.org', 'user-agent': CHROME },
      {},
    ];
    for (const headers of cases) {
      const { user } = await createStaff({ role: 'reception' });
      const res = await admin.request('POST', `/api/users/${user.id}/deactivate`, {}, headers);
      expect(res.status, JSON.stringify(headers)).to.equal(200);
      expect((await User.findByPk(user.id))!.active).to.equal(false);
    }
  });

  it('still serves reads from anywhere (no origin check on GET)', async () => {
    const res = await admin.request('GET', '/api/auth/me', undefined, { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(res.status).to.equal(200);
  });

  it('refuses the public no-JavaScript forms from a foreign origin but takes them from ours', async () => {
    const post = (origin: string) =>
      fetch(`${server.baseUrl}/t/NOPE-000/leave`, { method: 'POST', headers: { ...FORM, origin }, body: 'x=1', redirect: 'manual' });
    expect((await post('http://evil.example')).status).to.equal(403);
    expect((await post(server.baseUrl)).status).to.not.equal(403);
    // Our pages send no referrer, so a browser posts their forms with `Origin: null`; Sec-Fetch-Site vouches for them.
    const ownForm = await fetch(`${server.baseUrl}/t/NOPE-000/leave`, {
      method: 'POST', headers: { ...FORM, origin: 'null', 'sec-fetch-site': 'same-origin', 'user-agent': CHROME }, body: 'x=1', redirect: 'manual',
    });
    expect(ownForm.status).to.not.equal(403);
    const nullOrigin = await fetch(`${server.baseUrl}/t/NOPE-000/leave`, { method: 'POST', headers: { ...FORM, origin: 'null' }, body: 'x=1', redirect: 'manual' });
    expect(nullOrigin.status, 'Origin: null alone vouches for nothing').to.equal(403);
  });

  it('gives staff rights on the WebSocket only to our exact origin (scheme, host and port)', async () => {
    const { user } = await createStaff({ role: 'reception' });
    const cookie = (await agentFor(server, user)).cookie;
    const cases: Array<[string, boolean]> = [
      [server.baseUrl, true],
      [`https://127.0.0.1:${server.port}`, false],
      [`http://127.0.0.1:${server.port + 1}`, false],
      ['http://evil.example', false],
    ];
    for (const [origin, staff] of cases) {
      const socket = new TestSocket(server.wsUrl, cookie, origin);
      const hello = await socket.next('hello');
      expect(hello.user !== null, origin).to.equal(staff);
      socket.close();
    }
  });
});

describe('the session cookie when the public address is https (issue 11, point 8)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ env: { PUBLIC_BASE_URL: 'https://queue.example-clinic.org' } });
  });
  after(() => server.close());

  it('is Secure even though the hop to the server is plain http', async () => {
    const { email, password } = await createStaff();
    const res = await fetch(`${server.baseUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(res.status).to.equal(200);
    expect(res.headers.getSetCookie().find((c) => c.startsWith('mq_session='))).to.match(/;\s*secure/i);
  });
});
