import { expect } from 'chai';
import type { QueueUpdateMessage, Sequenced } from '../../common/protocol';
import { forbidden } from '../../server/errors';
import { inTransaction } from '../../server/db/transaction';
import { resetDatabase, testDatabase } from '../support/db';
import { createStaff } from '../support/factories';
import { agentFor } from '../support/session';
import { startTestServer, type TestServer } from '../support/server';
import { TestSocket } from '../support/ws';
import { queueUpdate } from '../support/messages';


describe('WebSocket hub (/ws)', () => {
  let server: TestServer;
  const sockets: TestSocket[] = [];
  const open = (cookie?: string, origin?: string) => {
    const socket = new TestSocket(server.wsUrl, cookie, origin);
    sockets.push(socket);
    return socket;
  };

  before(async () => {
    await resetDatabase();
    server = await startTestServer({ hub: { heartbeatMs: 100, pingMs: 150 } });
    // A provider like the queue engine's: public department boards, snapshot first, refusals as AppErrors.
    server.hub.registerChannel('department', {
      authorize: (channel) => {
        if (channel === 'department:secret') throw forbidden('This board is private.');
      },
      snapshot: async (channel, meta: Sequenced) => [{ ...queueUpdate(channel), ...meta }],
    });
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  after(() => server.close());

  it('greets a public screen with hello and no user', async () => {
    const hello = await open().next('hello');
    expect(hello).to.include({ protocol: 1, epoch: server.hub.epoch, heartbeatMs: 100, user: null });
  });

  it('knows the signed-in staff member from the session cookie, but not for another site\'s page', async () => {
    const { user } = await createStaff({ role: 'doctor' });
    const agent = await agentFor(server, user);
    expect((await open(agent.cookie).next('hello')).user).to.deep.equal({ id: user.id, role: 'doctor' });
    expect((await open(agent.cookie, server.baseUrl).next('hello')).user).to.deep.equal({ id: user.id, role: 'doctor' });
    expect((await open(agent.cookie, 'https://evil.example').next('hello')).user).to.equal(null);
  });

  it('answers ping with pong and sends heartbeats', async () => {
    const socket = open();
    await socket.next('hello');
    socket.send({ type: 'ping', id: 'p1' });
    expect(await socket.next('pong')).to.deep.equal({ type: 'pong', id: 'p1' });
    expect((await socket.next('heartbeat', 1000)).serverTime).to.be.a('string');
  });

  for (const [what, raw] of [
    ['broken JSON', '{"type":'],
    ['an unknown message type', JSON.stringify({ type: 'call_everyone' })],
    ['a malformed channel name', JSON.stringify({ type: 'subscribe', channel: 'department:../../etc' })],
    ['extra fields', JSON.stringify({ type: 'ping', id: 'x', admin: true })],
  ]) {
    it(`closes the connection with 1008 on ${what}`, async () => {
      const socket = open();
      await socket.next('hello');
      socket.send(raw);
      expect((await socket.closed).code).to.equal(1008);
    });
  }

  it('refuses a channel that names nothing, without closing the connection', async () => {
    const socket = open();
    await socket.next('hello');
    socket.send({ type: 'subscribe', channel: 'ticket:no-such-ticket-code' });
    expect((await socket.next('error')).error).to.deep.equal({ id: 'not_found', message: 'That ticket was not found.' });
    socket.send({ type: 'ping' });
    await socket.next('pong');
  });

  it('passes on the provider\'s refusal', async () => {
    const socket = open();
    await socket.next('hello');
    socket.send({ type: 'subscribe', channel: 'department:secret' });
    const error = await socket.next('error');
    expect(error).to.deep.include({ channel: 'department:secret', error: { id: 'forbidden', message: 'This board is private.' } });
  });

  it('sends subscribed and a snapshot, then numbered events; none after unsubscribing', async () => {
    const socket = open();
    await socket.next('hello');
    socket.send({ type: 'subscribe', channel: 'department:7' });
    const subscribed = await socket.next('subscribed');
    const snapshot = await socket.next('queue_update');
    expect(snapshot.seq).to.equal(subscribed.seq);
    expect(snapshot.epoch).to.equal(server.hub.epoch);

    server.hub.publish(queueUpdate('department:7', 1));
    server.hub.publish(queueUpdate('department:7', 2));
    const first = await socket.next('queue_update');
    const second = await socket.next('queue_update');
    expect([first.seq, second.seq]).to.deep.equal([subscribed.seq + 1, subscribed.seq + 2]);
    expect(second.stats.waiting_count).to.equal(2);

    socket.send({ type: 'unsubscribe', channel: 'department:7' });
    await socket.next('unsubscribed');
    server.hub.publish(queueUpdate('department:7'));
    socket.send({ type: 'ping', id: 'after' });
    await socket.next('pong');
    expect(socket.unread.filter((m) => m.type === 'queue_update')).to.deep.equal([]);
  });

  it('publishes after commit only: a rolled-back change never reaches a screen', async () => {
    const { sequelize } = await testDatabase();
    const socket = open();
    await socket.next('hello');
    socket.send({ type: 'subscribe', channel: 'department:8' });
    await socket.next('queue_update');

    await inTransaction(sequelize, async (t) => {
      server.hub.publishAfterCommit(t, queueUpdate('department:8', 99));
      throw new Error('rolled back');
    }).catch(() => undefined);
    await inTransaction(sequelize, async (t) => {
      server.hub.publishAfterCommit(t, queueUpdate('department:8', 1));
    });
    const event: QueueUpdateMessage = await socket.next('queue_update');
    expect(event.stats.waiting_count).to.equal(1);
  });

  it('drops a client that stops answering pings', async () => {
    const { default: WebSocket } = await import('ws');
    const silent = new WebSocket(server.wsUrl, { autoPong: false });
    const closed = new Promise<number>((resolve) => silent.on('close', (code) => resolve(code)));
    expect(await closed).to.equal(1006);
  });
});
