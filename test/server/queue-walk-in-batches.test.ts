import { expect } from 'chai';
import type { Sequelize } from 'sequelize';
import { createLogger } from '../../server/logger';
import { QueueCounter, QueueEntry } from '../../server/models';
import { QueueService } from '../../server/queue/commands/steps';
import { LiveQueue } from '../../server/queue/read-model/live-queue';
import { TEST_DATABASE_URL, resetDatabase, testDatabase } from '../support/db';
import { at, clinicWithDoctors, key, TestClock, ZONE } from '../support/queue';

/** Sequences 1..n, the only right answer for n check-ins of one department's day. */
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe(`walk-ins written in batches (${TEST_DATABASE_URL.split(':')[0]})`, function () {
  this.timeout(60_000);
  let sequelize: Sequelize;
  let live: LiveQueue;
  let service: QueueService;

  before(async () => {
    sequelize = (await testDatabase()).sequelize;
  });
  beforeEach(async () => {
    await resetDatabase();
    const clock = new TestClock(at('10:00'));
    live = new LiveQueue(ZONE, clock.now, createLogger('silent'));
    service = new QueueService(sequelize, { timeZone: ZONE, live }, live, clock.now);
  });
  afterEach(() => live.close());

  it('gives 200 simultaneous walk-ins 200 distinct consecutive numbers, each its own entry, in fewer transactions', async () => {
    const { department } = await clinicWithDoctors(1, { prefix: 'C' });
    const keys = Array.from({ length: 200 }, () => key());
    const entries = await Promise.all(keys.map((k) => service.checkInWalkIn({ departmentId: department.id, idempotencyKey: k }, null)));

    expect(entries.map((e) => e.sequence).sort((x, y) => x - y)).to.deep.equal(oneTo(200));
    // Each answer is its own row: the id and number the database holds for that key.
    const rows = await QueueEntry.findAll({ where: { departmentId: department.id }, raw: true });
    const byKey = new Map(rows.map((r) => [r.idempotencyKey, r]));
    entries.forEach((entry, i) => {
      const row = byKey.get(keys[i])!;
      expect([entry.id, entry.sequence, entry.token, entry.publicCode]).to.deep.equal([row.id, row.sequence, row.token, row.publicCode]);
    });
    expect((await QueueCounter.findOne({ where: { departmentId: department.id } }))!.lastSequence).to.equal(200);
    // The ones that arrived while a transaction ran were written together: fewer distinct check-in times than rows.
    expect(new Set(rows.map((r) => new Date(r.checkedInAt).getTime())).size).to.be.lessThan(200);
    // Calling order follows the numbers, and the live model holds them all.
    const state = await live.state(department.id);
    expect(state.waiting.map((r) => r.entry.sequence)).to.deep.equal(oneTo(200));
  });

  it('answers a retry inside the same rush with the first ticket, and lets the rest of its batch through', async () => {
    const { department } = await clinicWithDoctors(1, { prefix: 'D' });
    const keys = Array.from({ length: 30 }, () => key());
    // Every fifth kiosk sends its request twice at once (a double tap, a retry after a timeout).
    const sent = keys.flatMap((k, i) => (i % 5 === 0 ? [k, k] : [k]));
    const entries = await Promise.all(sent.map((k) => service.checkInWalkIn({ departmentId: department.id, idempotencyKey: k }, null)));

    const idOfKey = new Map<string, Set<number>>();
    sent.forEach((k, i) => idOfKey.set(k, (idOfKey.get(k) ?? new Set()).add(entries[i].id)));
    for (const ids of idOfKey.values()) expect(ids.size).to.equal(1);
    const rows = await QueueEntry.findAll({ where: { departmentId: department.id }, raw: true });
    expect(rows.map((r) => r.sequence).sort((x, y) => x - y)).to.deep.equal(oneTo(30));
  });

  it('gives a key already used elsewhere (unknown to this server) its earlier ticket, without failing the others', async () => {
    const { department } = await clinicWithDoctors(1, { prefix: 'E' });
    // A ticket whose key this server's live model does not know, as if another server had issued it: its key is
    // changed behind the model's back (hooks off, so the model is not told to read the day again).
    const first = await service.checkInWalkIn({ departmentId: department.id, idempotencyKey: 'issued-here' }, null);
    await QueueEntry.update({ idempotencyKey: 'used-elsewhere' }, { where: { id: first.id }, hooks: false });
    expect((await live.day(department.id)).idOfKey('used-elsewhere')).to.equal(undefined);

    const keys = [...Array.from({ length: 10 }, () => key()), 'used-elsewhere', ...Array.from({ length: 10 }, () => key())];
    const entries = await Promise.all(keys.map((k) => service.checkInWalkIn({ departmentId: department.id, idempotencyKey: k }, null)));

    expect(entries[10].id).to.equal(first.id);
    expect(new Set(entries.map((e) => e.id)).size).to.equal(21);
    const rows = await QueueEntry.findAll({ where: { departmentId: department.id }, raw: true });
    expect(rows).to.have.length(21);
    // The failed batch gave its numbers back: still 1..21 with no gap.
    expect(rows.map((r) => r.sequence).sort((x, y) => x - y)).to.deep.equal(oneTo(21));
  });
});
