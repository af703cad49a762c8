import { expect } from 'chai';
import { QueryTypes, type Sequelize } from 'sequelize';
import { inTransaction } from '../../server/db/transaction';
import { limitTransactions } from '../../server/db/transaction-deadline';
import { dialectOf } from '../../server/db/sequelize';
import { AuditLog, QueueCounter, QueueEntry } from '../../server/models';
import { resetDatabase, TEST_DATABASE_URL, testDatabase } from '../support/db';
import { createStaff } from '../support/factories';
import { awayFromMidnight, kioskKey, openDepartment } from '../support/kiosk';
import { agentFor } from '../support/session';
import { startTestServer, type TestServer } from '../support/server';

const mysql = dialectOf(TEST_DATABASE_URL) === 'mysql';

/**
 * Another connection holding what a check-in needs, released by the function returned: on SQLite the database's
 * write lock (BEGIN IMMEDIATE); on MySQL the counter rows (SELECT ... FOR UPDATE, which InnoDB gives up on after
 * 2 s) or, with `table`, the counter table (LOCK TABLES, which only the 2.5 s query limit or the bound ends).
 * Opened outside inTransaction, as another process would.
 */
async function holdCheckInLock(sequelize: Sequelize, how: 'rows' | 'table' = 'rows'): Promise<() => Promise<void>> {
  const holder = await sequelize.transaction();
  if (mysql && how === 'rows') await sequelize.query('SELECT * FROM queue_counters FOR UPDATE', { transaction: holder, type: QueryTypes.SELECT });
  if (mysql && how === 'table') await sequelize.query('LOCK TABLES queue_counters WRITE', { transaction: holder });
  return async () => {
    if (mysql && how === 'table') await sequelize.query('UNLOCK TABLES', { transaction: holder });
    await holder.rollback();
  };
}

/** What a check-in writes, counted: a 503 must leave every number as it was. */
async function written() {
  const counters = await QueueCounter.findAll({ raw: true });
  return { entries: await QueueEntry.count(), audit: await AuditLog.count(), counters: counters.map((c) => c.lastSequence) };
}

describe('every transaction is bounded in time (issue 11)', function () {
  this.timeout(30_000);

  describe('inTransaction', () => {
    let restore: () => void;
    before(async () => {
      await resetDatabase();
      restore = limitTransactions((await testDatabase()).sequelize, 1_000);
    });
    after(() => restore());

    it('abandons a transaction that hangs after writing: 503 database_busy within the bound, the write rolled back', async () => {
      const { sequelize } = await testDatabase();
      const department = await openDepartment('Hung Writes', 'H');
      const before = await QueueCounter.count();
      const started = performance.now();
      const hung = inTransaction(sequelize, async (t) => {
        await QueueCounter.create({ departmentId: department.department.id, clinicDay: '2026-01-01', lastSequence: 7 }, { transaction: t });
        await new Promise(() => undefined);
      });
      const failure = await hung.then(() => null, (error: unknown) => error);
      const took = performance.now() - started;
      expect(failure).to.include({ status: 503, id: 'database_busy' });
      expect(took).to.be.within(900, 2_500);
      expect(await QueueCounter.count()).to.equal(before);
      // The database is free again: the next transaction commits.
      await inTransaction(sequelize, (t) => QueueCounter.create({ departmentId: department.department.id, clinicDay: '2026-01-02', lastSequence: 1 }, { transaction: t }));
      expect(await QueueCounter.count()).to.equal(before + 1);
    });
  });

  describe('a check-in behind another connection\'s lock', () => {
    let server: TestServer;
    before(async () => {
      await resetDatabase();
      await awayFromMidnight();
      // Below SQLite's busy wait (4 s) and MySQL's lock wait (2 s): the bound is what ends the wait.
      server = await startTestServer({ env: { TRANSACTION_TIMEOUT_SECONDS: '1' } });
    });
    after(() => server.close());

    it('answers 503 database_busy within the bound, writes nothing, and checks in once the lock is gone', async () => {
      const { sequelize } = await testDatabase();
      const { department } = await openDepartment('General Practice', 'G');
      const desk = await agentFor(server, (await createStaff({ role: 'reception' })).user);
      expect((await desk.post('/api/queue/check-in', { departmentId: department.id, idempotencyKey: kioskKey() })).status).to.equal(201);
      const before = await written();
      const release = await holdCheckInLock(sequelize, 'table');
      try {
        const started = performance.now();
        const res = await desk.post('/api/queue/check-in', { departmentId: department.id, idempotencyKey: kioskKey() });
        const took = performance.now() - started;
        expect([res.status, res.body.error?.id]).to.deep.equal([503, 'database_busy']);
        expect(res.body.error.message).to.match(/nothing was saved/);
        // Sooner than anything else would have ended the wait: SQLite's busy wait (4 s), MySQL's query limit (2.5 s).
        expect(took).to.be.within(900, 2_400);
      } finally {
        await release();
      }
      expect(await written()).to.deep.equal(before);
      const after = await desk.post('/api/queue/check-in', { departmentId: department.id, idempotencyKey: kioskKey() });
      expect(after.status).to.equal(201);
      expect(after.body.token).to.equal('G-002');
    });
  });

  if (mysql) {
    describe('a lock wait with the default bound (MySQL)', () => {
      let server: TestServer;
      before(async () => {
        await resetDatabase();
        await awayFromMidnight();
        server = await startTestServer();
      });
      after(() => server.close());

      it('answers 503 database_busy when innodb_lock_wait_timeout (2 s) ends the wait, not 500', async () => {
        const { sequelize } = await testDatabase();
        const { department } = await openDepartment('General Practice', 'G');
        const desk = await agentFor(server, (await createStaff({ role: 'reception' })).user);
        expect((await desk.post('/api/queue/check-in', { departmentId: department.id, idempotencyKey: kioskKey() })).status).to.equal(201);
        const before = await written();
        const release = await holdCheckInLock(sequelize);
        try {
          const started = performance.now();
          const res = await desk.post('/api/queue/check-in', { departmentId: department.id, idempotencyKey: kioskKey() });
          expect([res.status, res.body.error?.id]).to.deep.equal([503, 'database_busy']);
          expect(performance.now() - started).to.be.within(1_900, 5_000);
        } finally {
          await release();
        }
        expect(await written()).to.deep.equal(before);
      });
    });
  }
});
