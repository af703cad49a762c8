import { expect } from 'chai';
import { resetDatabase } from '../support/db';
import { Agent } from '../support/http';
import { awayFromMidnight, kioskKey, openDepartment } from '../support/kiosk';
import { startTestServer, type TestServer } from '../support/server';
import type { ChannelProvider } from '../../server/realtime/hub';
import { TestSocket } from '../support/ws';

/** Counts the snapshots the hub asks the department channel's provider for. */
function countDepartmentSnapshots(server: TestServer): { count: number } {
  const counter = { count: 0 };
  const providers = (server.hub as unknown as { providers: Map<string, ChannelProvider> }).providers;
  const provider = providers.get('department')!;
  providers.set('department', {
    authorize: provider.authorize,
    snapshot: (channel, meta) => {
      counter.count++;
      return provider.snapshot(channel, meta);
    },
  });
  return counter;
}

/** A socket that has been greeted, so it can send at once. */
async function openSocket(server: TestServer): Promise<TestSocket> {
  const socket = new TestSocket(server.wsUrl);
  await socket.next('hello');
  return socket;
}

describe('a WebSocket that cannot be flooded (issue 11, point 4)', () => {
  let server: TestServer;

  before(async () => {
    await resetDatabase();
    await awayFromMidnight();
    server = await startTestServer({ hub: { connectionsPerAddress: 6 } });
  });
  after(() => server.close());

  it('closes a connection that sends 4,000 subscribes with 1008, reads the snapshot once, and the board still answers within 1 s', async () => {
    const { department } = await openDepartment('General Practice', 'G');
    const reads = countDepartmentSnapshots(server);
    // Once before the flood, so the measured request is not this route's first (and pays no start-up cost).
    expect((await new Agent(server).get(`/api/queue/departments/${department.id}`)).status).to.equal(200);
    const flood = await openSocket(server);
    const message = JSON.stringify({ type: 'subscribe', channel: `department:${department.id}` });
    for (let i = 0; i < 4000; i++) flood.ws.send(message);
    const started = performance.now();
    const board = await new Agent(server).get(`/api/queue/departments/${department.id}`);
    expect(board.status).to.equal(200);
    expect(performance.now() - started).to.be.below(1000);
    const closed = await flood.closed;
    expect(closed).to.deep.equal({ code: 1008, reason: 'too many messages' });
    expect(reads.count, 'every re-subscribe is served from the one cached snapshot').to.be.at.most(1);

    // The clinic goes on: a check-in and a fresh subscriber see the new line.
    const checkIn = await new Agent(server).post('/api/queue/check-in', { departmentId: department.id, idempotencyKey: kioskKey() });
    expect(checkIn.status).to.equal(201);
    const watcher = await openSocket(server);
    watcher.send({ type: 'subscribe', channel: `department:${department.id}` });
    const snapshot = await watcher.next('queue_update');
    expect(JSON.stringify(snapshot)).to.contain(checkIn.body.token);
    watcher.close();
    await watcher.closed;
  });

  it('reads a snapshot once per change, however many screens subscribe at once', async () => {
    const { department } = await openDepartment('Cardiology', 'C');
    const channel = `department:${department.id}` as const;
    const keeper = await openSocket(server);
    keeper.send({ type: 'subscribe', channel });
    await keeper.next('queue_update');
    const reads = countDepartmentSnapshots(server);
    const screens = await Promise.all(Array.from({ length: 4 }, () => openSocket(server)));
    for (const screen of screens) screen.send({ type: 'subscribe', channel });
    await Promise.all(screens.map((screen) => screen.next('queue_update')));
    expect(reads.count, 'no change since the keeper subscribed: no read').to.equal(0);

    const checkIn = await new Agent(server).post('/api/queue/check-in', { departmentId: department.id, idempotencyKey: kioskKey() });
    expect(checkIn.status).to.equal(201);
    // Every screen has the change as an event; a re-subscribe (a reconnect) must then get the same line as a snapshot.
    await Promise.all([keeper, ...screens].map((socket) => socket.next('queue_update')));
    for (const screen of screens) screen.send({ type: 'subscribe', channel });
    const fresh = await Promise.all(
      screens.map(async (screen) => {
        await screen.next('subscribed');
        return screen.next('queue_update');
      }),
    );
    expect(reads.count, 'one read after the change, shared').to.equal(1);
    for (const snapshot of fresh) expect(JSON.stringify(snapshot)).to.contain(checkIn.body.token);
    for (const socket of [keeper, ...screens]) socket.close();
    await Promise.all([keeper, ...screens].map((socket) => socket.closed));
  });

  it('refuses more channels than the cap on one connection', async () => {
    const socket = await openSocket(server);
    for (let i = 1; i <= 51; i++) socket.send({ type: 'subscribe', channel: `ticket:NOPE-${String(i).padStart(3, '0')}` });
    const errors = [];
    for (let i = 0; i < 51; i++) errors.push((await socket.next('error')).error.id);
    expect(errors.filter((id) => id === 'too_many_channels')).to.have.length(1);
    socket.close();
    await socket.closed;
  });

  it('closes connections over the per-address cap with 1008 and a reason', async () => {
    const sockets = Array.from({ length: 6 }, () => new TestSocket(server.wsUrl));
    await Promise.all(sockets.map((s) => s.next('hello')));
    const extra = new TestSocket(server.wsUrl);
    expect(await extra.closed).to.deep.equal({ code: 1008, reason: 'too many connections from this address' });
    sockets[0].close();
    await sockets[0].closed;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const again = new TestSocket(server.wsUrl);
    expect((await again.next('hello')).type).to.equal('hello');
    for (const socket of [...sockets, again]) socket.close();
  });
});
