import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { expect } from 'chai';
import type { StaffQueueEntry } from '../../common/api';
import type { BoardUpdateMessage } from '../../common/protocol';
import { ROOT_DIR } from '../../server/config';
import { ChannelLog } from '../support/channel-log';
import { resetDatabase, TEST_DATABASE_URL } from '../support/db';
import { createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { awayFromMidnight, kioskKey, openDepartment } from '../support/kiosk';
import { agentFor } from '../support/session';
import { startTestServer, TEST_PASSWORD_COST, type TestServer } from '../support/server';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const DISPLAYS = 200;
/** The promise: after the kill, every display is on the other server and right within this. */
const RECOVERY_MS = 5000;
/** Two hundred screens on one loopback address, where a clinic's hub allows 64. */
const HUB = { connectionsPerAddress: 1000 };

/** Server A in its own process, so it can die by SIGKILL with its sockets open. */
async function serverProcess(env: Record<string, string>): Promise<{ child: ChildProcess; wsUrl: string; baseUrl: string }> {
  const child = fork(path.join(ROOT_DIR, 'test/support/server-process.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: TEST_DATABASE_URL,
      CLINIC_TIMEZONE: 'Europe/London',
      CLINIC_NAME: 'Test Clinic',
      PASSWORD_HASH_COST: String(TEST_PASSWORD_COST),
      LOG_LEVEL: 'silent',
      MQ_TEST_HUB: JSON.stringify(HUB),
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [message] = (await Promise.race([once(child, 'message'), once(child, 'exit').then(() => Promise.reject(new Error('server A exited at start')))])) as [{ port: number }];
  return { child, wsUrl: `ws://127.0.0.1:${message.port}/ws`, baseUrl: `http://127.0.0.1:${message.port}` };
}

/**
 * One waiting-room display as display/src/mq-display-app.ts behaves: it announces a call when `token_called`
 * arrives and never for a snapshot (a snapshot's recent calls are shown silently), and once its socket closes it
 * connects again where it is told (a balancer would send it to the server still up) and takes a fresh snapshot.
 */
class Display {
  readonly connections: ChannelLog[] = [];
  constructor(readonly name: string) {}

  async connect(wsUrl: string): Promise<void> {
    const log = new ChannelLog(wsUrl, `${this.name}-${this.connections.length}`);
    this.connections.push(log);
    await log.subscribe('display:all', 15_000);
  }

  get current(): ChannelLog {
    return this.connections.at(-1)!;
  }

  get closed(): Promise<unknown> {
    const { ws } = this.current;
    return ws.readyState === ws.CLOSED ? Promise.resolve() : once(ws, 'close');
  }

  /** Every call this display announced, over all its connections: token and recall count. */
  get announced(): string[] {
    return this.connections.flatMap((c) => c.calls('display:all').map((m) => `${m.token}#${m.recall_count}`));
  }

  /** The board the display shows now. */
  get board(): BoardUpdateMessage | undefined {
    return this.current.latest('display:all', 'board_update');
  }

  /** The recent calls of the snapshot taken on the latest connection. */
  get snapshotRecent(): string[] {
    const snapshot = this.current.channels.get('display:all')?.messages.find((m) => m.type === 'board_update') as BoardUpdateMessage | undefined;
    return snapshot?.recent.map((r) => r.token) ?? [];
  }
}

const content = ({ seq: _seq, epoch: _epoch, ...rest }: BoardUpdateMessage) => rest;

describe('a server killed with 200 displays on it (REDIS_URL)', () => {
  let a: ChildProcess | undefined;
  let b: TestServer | undefined;
  const displays: Display[] = [];
  beforeEach(() => resetDatabase());
  afterEach(async () => {
    for (const d of displays.splice(0)) for (const c of d.connections) c.close();
    a?.kill('SIGKILL');
    await b?.close();
  });

  it('has every display on the other server, right, within 5 s, with every call announced once or in its snapshot', async function () {
    this.timeout(120_000);
    await awayFromMidnight();
    const env = { REDIS_URL, REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? 'mqtest'}-${process.pid}-${Date.now().toString(36)}-failover` };
    const general = await openDepartment('General Practice', 'G', { room: 'Room 1' });
    const { user } = await createStaff({ role: 'reception' });
    const [serverA, serverB] = await Promise.all([serverProcess(env), startTestServer({ env, hub: HUB })]);
    a = serverA.child;
    b = serverB;
    for (let i = 0; i < 6; i++) {
      const res = await new Agent(b).post('/api/kiosk/check-in', { departmentId: general.department.id, idempotencyKey: kioskKey() });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
    }
    const staffA = new Agent({ baseUrl: serverA.baseUrl } as TestServer);
    const staffB = await agentFor(b, user);
    staffA.cookie = staffB.cookie;
    const doctor = general.doctor.id;
    const callOn = async (agent: Agent) => {
      // A call frees the doctor's room first, as the console's "complete and call next" does.
      const current = (await agent.get<{ current: StaffQueueEntry | null }>(`/api/queue/doctors/${doctor}`)).body.current;
      if (current) expect((await agent.post(`/api/queue/entries/${current.id}/complete`, { expectedVersion: current.version })).status).to.equal(200);
      const called = await agent.post<StaffQueueEntry>(`/api/queue/doctors/${doctor}/call-next`);
      expect(called.status, JSON.stringify(called.body)).to.equal(200);
      return `${called.body.token}#${called.body.recallCount}`;
    };
    const everyDisplay = (what: string, check: (d: Display) => boolean, ms = 15_000) =>
      Promise.all(displays.map((d) => d.current.until(() => check(d), ms, what)));

    for (let i = 0; i < DISPLAYS; i++) displays.push(new Display(`display-${i}`));
    for (let i = 0; i < DISPLAYS; i += 50) await Promise.all(displays.slice(i, i + 50).map((d) => d.connect(serverA.wsUrl)));

    // Calls while they are on A: one made on A, one on B (relayed to A).
    const beforeKill = [await callOn(staffA), await callOn(staffB)];
    await everyDisplay('both calls announced on A', (d) => d.announced.length === 2);

    const closed = Promise.all(displays.map((d) => d.closed));
    const killedAt = performance.now();
    a.kill('SIGKILL');
    await closed;
    // A call while they are away: nobody announces it; the snapshot they take on B must show it.
    const whileAway = await callOn(staffB);
    await Promise.all(displays.map((d) => d.connect(b!.wsUrl)));
    const afterMove = await callOn(staffB);
    await b.services.queue.broadcaster.idle();
    const fresh = new ChannelLog(b.wsUrl, 'fresh');
    await fresh.subscribe('display:all');
    await fresh.sync();
    const expected = content(fresh.latest('display:all', 'board_update')!);
    fresh.close();
    await everyDisplay('the board B shows', (d) => d.announced.length === 3 && d.board !== undefined && JSON.stringify(content(d.board)) === JSON.stringify(expected), RECOVERY_MS);
    const recoveredMs = performance.now() - killedAt;

    const token = (call: string) => call.split('#')[0];
    for (const d of displays) {
      expect(d.current.channels.get('display:all')!.epoch, `${d.name} is on B's epoch`).to.equal(b.hub.epoch);
      expect(d.connections[0].channels.get('display:all')!.epoch).to.not.equal(b.hub.epoch);
      expect(d.announced, `${d.name} announced each call it heard once`).to.deep.equal([...beforeKill, afterMove]);
      expect(d.snapshotRecent, `${d.name}'s snapshot on B shows the calls before and during the move`).to.include.members([...beforeKill, whileAway].map(token));
      expect(d.board!.recent.map((r) => r.token)).to.include.members([...beforeKill, whileAway, afterMove].map(token));
      for (const c of d.connections) expect(c.violations, c.name).to.deep.equal([]);
    }
    expect(recoveredMs, 'from the kill until every display is right on B').to.be.below(RECOVERY_MS);
  });
});
