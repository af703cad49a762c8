import { expect } from 'chai';
import type { Channel } from '../../common/protocol';
import { resetDatabase } from '../support/db';
import { Agent } from '../support/http';
import { QueueEntry } from '../../server/models';
import { createDepartment } from '../support/factories';
import { awayFromMidnight, kioskKey, openDepartment, workingDoctor } from '../support/kiosk';
import { startTestServer, type TestServer } from '../support/server';
import { TestSocket } from '../support/ws';

/** A socket that has been greeted and has the channel's snapshot; resolves with it. */
async function subscribed(server: TestServer, channel: Channel) {
  const socket = new TestSocket(server.wsUrl);
  await socket.next('hello');
  socket.send({ type: 'subscribe', channel });
  await socket.next('subscribed');
  return { socket, snapshot: await socket.next('queue_update') };
}

describe('broadcasts that cannot go stale (issue 11, point 9)', () => {
  let server: TestServer;
  before(async () => {
    await resetDatabase();
    await awayFromMidnight();
    server = await startTestServer();
  });
  after(() => server.close());

  it('retries a publish that failed after commit, and a subscriber meanwhile reads fresh, not the cached line', async () => {
    const { department } = await openDepartment('General Practice', 'G');
    const channel: Channel = `department:${department.id}`;
    const watcher = await subscribed(server, channel);
    expect(watcher.snapshot.queue).to.deep.equal([]);

    // The department's publish fails after the check-in commits, as if the process lost its footing mid-broadcast.
    let down = true;
    let failures = 0;
    const hub = server.hub;
    const publish = hub.publish.bind(hub);
    hub.publish = (message) => {
      if (down && message.channel === channel) {
        failures++;
        throw new Error('publish failed');
      }
      publish(message);
    };
    try {
      const checkIn = await new Agent(server).post('/api/queue/check-in', { departmentId: department.id, idempotencyKey: kioskKey() });
      expect(checkIn.status).to.equal(201);
      const deadline = Date.now() + 5_000;
      while (failures === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(failures, 'the publish was attempted and failed').to.be.at.least(1);

      const late = await subscribed(server, channel);
      expect(late.snapshot.queue.map((row) => row.token), 'the cached, older line must not be served').to.deep.equal([checkIn.body.token]);
      late.socket.close();

      down = false;
      const update = await watcher.socket.next('queue_update', 15_000);
      expect(update.queue.map((row) => row.token)).to.deep.equal([checkIn.body.token]);
    } finally {
      hub.publish = publish;
      watcher.socket.close();
    }
  });
});

describe('one set of opening-hours rules for every public check-in path (issue 11, point 9)', () => {
  let server: TestServer;
  before(async () => {
    await resetDatabase();
    await awayFromMidnight();
    server = await startTestServer();
  });
  after(() => server.close());

  it('refuses a closed department alike on /api/queue/check-in, /api/kiosk/check-in and the phone form', async () => {
    const closed = await createDepartment({ name: 'Dermatology', prefix: 'D' });
    await workingDoctor(closed, { works: 'tomorrow' });
    const kiosk = new Agent(server);
    const answers = [];
    for (const path of ['/api/queue/check-in', '/api/kiosk/check-in']) {
      const res = await kiosk.post(path, { departmentId: closed.id, idempotencyKey: kioskKey() });
      answers.push([res.status, res.body.error.id]);
    }
    expect(answers).to.deep.equal([
      [409, 'department_closed'],
      [409, 'department_closed'],
    ]);
    const { code } = (await kiosk.get('/api/check-in-code')).body as { code: string };
    const phone = await fetch(`${server.baseUrl}/c/${code}/walk-in?lang=en`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ departmentId: String(closed.id), key: kioskKey() }).toString(),
      redirect: 'manual',
    });
    expect(phone.status).to.equal(409);
    expect(await phone.text()).to.contain('Dermatology is closed right now');
    expect(await QueueEntry.count()).to.equal(0);
  });
});
