import { expect } from 'chai';
import { QueueEntry } from '../../server/models';
import { resetDatabase } from '../support/db';
import { Agent } from '../support/http';
import { awayFromMidnight, kioskKey, openDepartment } from '../support/kiosk';
import { startTestServer, type TestServer } from '../support/server';

describe('public rate limits keyed on the matched route (issue 11, point 3)', () => {
  let server: TestServer;

  before(async () => {
    await resetDatabase();
    await awayFromMidnight();
    server = await startTestServer();
  });
  after(() => server.close());

  it('counts /API/QUEUE/CHECK-IN, /api/queue/check-in/ and /api/kiosk/check-in against one allowance', async () => {
    const { department } = await openDepartment('Cardiology', 'C');
    server.services.kiosk.checkInLimiter.setLimits({ points: 4, windowSeconds: 60 });
    const kiosk = new Agent(server);
    const statuses: number[] = [];
    for (const path of ['/API/QUEUE/CHECK-IN', '/Api/Queue/Check-In/', '/api/queue/check-in', '/API/KIOSK/CHECK-IN', '/API/QUEUE/CHECK-IN', '/api/kiosk/check-in']) {
      statuses.push((await kiosk.post(path, { departmentId: department.id, idempotencyKey: kioskKey() })).status);
    }
    expect(statuses).to.deep.equal([201, 201, 201, 201, 429, 429]);
    expect(await QueueEntry.count()).to.equal(4);
    const lookup = await kiosk.post('/API/KIOSK/APPOINTMENTS/FIND', { bookingCode: 'ZZZZZZ' });
    expect([lookup.status, lookup.body.error.id]).to.deep.equal([429, 'too_many_attempts']);
  });

  it('holds the phone check-in form to the same allowance, refusing in words on the page', async () => {
    const { department } = await openDepartment('Dermatology', 'D');
    server.services.kiosk.checkInLimiter.setLimits({ points: 1, windowSeconds: 60 });
    const { code } = (await new Agent(server).get('/api/check-in-code')).body as { code: string };
    const statuses: number[] = [];
    let page = '';
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${server.baseUrl}/C/${code}/WALK-IN?lang=en`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ departmentId: String(department.id), key: `phone-limit-${i}-${process.pid}` }).toString(),
        redirect: 'manual',
      });
      statuses.push(res.status);
      page = await res.text();
    }
    expect(statuses).to.deep.equal([303, 429]);
    expect(page).to.contain('Too many check-ins');
  });
});
