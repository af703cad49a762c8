import { expect } from 'chai';
import { inTransaction } from '../../server/db/transaction';
import { dialectOf } from '../../server/db/sequelize';
import { resetDatabase, TEST_DATABASE_URL, testDatabase } from '../support/db';
import { createStaff } from '../support/factories';
import { awayFromMidnight, kioskKey, openDepartment } from '../support/kiosk';
import { agentFor } from '../support/session';
import { startTestServer, type TestServer } from '../support/server';

/**
 * SQLite's side of the time-outs (issue 11): the process queues its own write transactions, so one that hangs would
 * hang every request behind it. A request waits at most 4 s for its turn and then answers 503. MySQL has no such
 * queue (its time-outs are shown by database-outage.test.ts), so this file runs in the SQLite run.
 */
if (dialectOf(TEST_DATABASE_URL) === 'sqlite') {
  describe('a hung SQLite transaction does not hang the clinic (issue 11)', function () {
    this.timeout(30_000);
    let server: TestServer;
    before(async () => {
      await resetDatabase();
      await awayFromMidnight();
      server = await startTestServer();
    });
    after(() => server.close());

    it('answers 503 database_unavailable within 5 s behind a hung transaction, and goes on once it ends', async () => {
      const { department } = await openDepartment('General Practice', 'G');
      const desk = await agentFor(server, (await createStaff({ role: 'reception' })).user);
      const { sequelize } = await testDatabase();
      let finish!: () => void;
      const hung = inTransaction(sequelize, () => new Promise<void>((resolve) => (finish = resolve)));
      try {
        const started = performance.now();
        const res = await desk.post('/api/queue/check-in', { departmentId: department.id, idempotencyKey: kioskKey() });
        expect([res.status, res.body.error?.id]).to.deep.equal([503, 'database_unavailable']);
        expect(performance.now() - started).to.be.below(5_000);
      } finally {
        finish();
        await hung;
      }
      const after = await desk.post('/api/queue/check-in', { departmentId: department.id, idempotencyKey: kioskKey() });
      expect(after.status).to.equal(201);
    });
  });
}
