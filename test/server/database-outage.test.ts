import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect } from 'chai';
import { Sequelize } from 'sequelize';
import { ROOT_DIR } from '../../server/config';
import { DEMO_PASSWORD } from '../../server/seed/demo';
import { freePort, startPrivateMariadb, type PrivateMariadb } from '../support/private-mariadb';
import { TestSocket } from '../support/ws';

/** Sends a request and says how long it took; a request that hangs past `limitMs` fails the test loudly. */
async function timed(url: string, init: RequestInit = {}, limitMs = 15_000): Promise<{ status: number; body: any; ms: number }> {
  const started = performance.now();
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(limitMs) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, ms: performance.now() - started };
}

/**
 * A database that hangs without hanging the clinic (issue 11, point 5 of the report). The test starts its own
 * MariaDB on its own port and a real `npm start` server over it, then stops the database with SIGSTOP: every route
 * that needs it answers 503 `database_unavailable` within 5 s, the WebSocket still serves the cached board, and
 * after SIGCONT the server recovers by itself. Then a SIGKILL: a lost connection is a 503 too, never a 500.
 * It needs a MariaDB of its own whatever TEST_DATABASE_URL says, so it runs once, in the SQLite run (the default).
 */
if (!process.env.TEST_DATABASE_URL) {
  describe('a hung or lost database (own MariaDB, SIGSTOP and SIGKILL)', function () {
    this.timeout(120_000);
    let mariadb: PrivateMariadb;
    let app: ChildProcess;
    let base: string;
    let cookie: string;
    let departmentId: number;

    before(async () => {
      mariadb = await startPrivateMariadb();
      const admin = new Sequelize(mariadb.url(''), { dialect: 'mysql', logging: false });
      await admin.query('CREATE DATABASE mediqueue_outage CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
      await admin.close();
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      app = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'server/index.ts')], {
        cwd: ROOT_DIR,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_URL: mariadb.url('mediqueue_outage'),
          SEED_DEMO: 'true',
          // The demo's accounts and departments are all this needs; its simulated history would slow the start.
          DEMO_HISTORY_DAYS: '0',
          PASSWORD_HASH_COST: '10',
          CLINIC_TIMEZONE: 'Europe/London',
          LOG_LEVEL: 'silent',
        },
        stdio: 'ignore',
      });
      const deadline = Date.now() + 60_000;
      for (;;) {
        const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
        if (ok) break;
        if (Date.now() > deadline || app.exitCode !== null) throw new Error('the server over the private MariaDB did not start');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const signIn = await fetch(`${base}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'reception@demo.clinic', password: DEMO_PASSWORD }),
      });
      expect(signIn.status, await signIn.clone().text()).to.equal(200);
      cookie = signIn.headers.getSetCookie()[0].split(';')[0];
      const departments = (await (await fetch(`${base}/api/departments`, { headers: { cookie } })).json()) as { departments: Array<{ id: number }> };
      departmentId = departments.departments[0].id;
    });

    after(async () => {
      app?.kill('SIGKILL');
      await mariadb?.remove();
    });

    // A patient search always reads the database (the departments list and the staff session may be answered
    // from memory for a few seconds), so it must meet the outage.
    const staffSearch = () => timed(`${base}/api/patients?q=a`, { headers: { cookie } });

    const checkIn = (key: string) =>
      timed(`${base}/api/queue/check-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ departmentId, idempotencyKey: key }),
      });

    it('answers 503 within 5 s while the database is stopped, keeps the board on the socket, and recovers after SIGCONT', async () => {
      expect((await checkIn('outage-before-1')).status).to.equal(201);
      const watcher = new TestSocket(`${base.replace('http', 'ws')}/ws`);
      await watcher.next('hello');
      watcher.send({ type: 'subscribe', channel: `department:${departmentId}` });
      await watcher.next('queue_update');

      mariadb.process.kill('SIGSTOP');
      try {
        const [write, staffRead, health] = await Promise.all([
          checkIn('outage-during-1'),
          staffSearch(),
          timed(`${base}/healthz`),
        ]);
        for (const [name, res] of Object.entries({ write, staffRead })) {
          expect([res.status, res.body?.error?.id], name).to.deep.equal([503, 'database_unavailable']);
          expect(res.ms, name).to.be.below(5_000);
        }
        expect(health.status).to.equal(503);
        expect(health.ms).to.be.below(5_000);
        // A second wave meets a pool of destroyed connections and must not wait longer.
        const again = await checkIn('outage-during-2');
        expect([again.status, again.ms < 5_000]).to.deep.equal([503, true]);

        // A screen that reconnects now still gets the board (the cached snapshot), not an error.
        const screen = new TestSocket(`${base.replace('http', 'ws')}/ws`);
        await screen.next('hello');
        screen.send({ type: 'subscribe', channel: `department:${departmentId}` });
        const board = await screen.next('queue_update', 5_000);
        expect(board.queue.length).to.be.at.least(1);
        screen.close();
      } finally {
        mariadb.process.kill('SIGCONT');
      }

      const deadline = Date.now() + 20_000;
      let after = await checkIn('outage-after-1');
      while (after.status !== 201 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        after = await checkIn('outage-after-1');
      }
      expect(after.status, 'the server recovers by itself once the database answers again').to.equal(201);
      expect((await timed(`${base}/healthz`)).status).to.equal(200);
      watcher.close();
    });

    it('answers 503, not 500, when the database is killed under it', async () => {
      // Stopped first, so the requests are in flight on open connections when the server dies under them.
      mariadb.process.kill('SIGSTOP');
      const inFlight = Promise.all([checkIn('outage-killed-1'), staffSearch()]);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const exited = new Promise((resolve) => mariadb.process.once('exit', resolve));
      mariadb.process.kill('SIGKILL');
      await exited;
      const [write, staffRead] = await inFlight;
      for (const [name, res] of Object.entries({ write, staffRead })) {
        expect([res.status, res.body?.error?.id], name).to.deep.equal([503, 'database_unavailable']);
        expect(res.ms, name).to.be.below(5_000);
      }
    });
  });
}
