import { expect } from 'chai';
import type { Sequelize } from 'sequelize';
import { AppError } from '../../server/errors';
import { QueueCounter, QueueEntry } from '../../server/models';
import type { QueueService } from '../../server/queue/commands/steps';
import { TEST_DATABASE_URL, resetDatabase, testDatabase } from '../support/db';
import { at, clinicWithDoctors, key, queueService, TestClock } from '../support/queue';

/** Settles every promise and sorts the outcomes into results and AppError ids; anything else fails the test. */
async function outcomes<T>(promises: Promise<T>[]): Promise<{ ok: T[]; refused: string[] }> {
  const settled = await Promise.allSettled(promises);
  const ok: T[] = [];
  const refused: string[] = [];
  for (const s of settled) {
    if (s.status === 'fulfilled') ok.push(s.value);
    else if (s.reason instanceof AppError) refused.push(s.reason.id);
    else throw s.reason;
  }
  return { ok, refused };
}

describe(`queue concurrency (${TEST_DATABASE_URL.split(':')[0]})`, function () {
  this.timeout(60_000);
  let sequelize: Sequelize;
  let service: QueueService;

  before(async () => {
    sequelize = (await testDatabase()).sequelize;
  });
  beforeEach(async () => {
    await resetDatabase();
    ({ service } = queueService(sequelize, new TestClock(at('10:00'))));
  });

  it('gives 200 simultaneous walk-ins 200 distinct consecutive numbers, 1 to 200', async () => {
    const { department } = await clinicWithDoctors(0, { prefix: 'C' });
    const started = Date.now();
    const entries = await Promise.all(
      Array.from({ length: 200 }, () => service.checkInWalkIn({ departmentId: department.id, idempotencyKey: key() }, null)),
    );
    const elapsed = Date.now() - started;
    const sequences = entries.map((entry) => entry.sequence).sort((x, y) => x - y);
    expect(sequences).to.deep.equal(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(new Set(entries.map((entry) => entry.token)).size).to.equal(200);
    expect(await QueueEntry.count({ where: { departmentId: department.id } })).to.equal(200);
    expect((await QueueCounter.findOne({ where: { departmentId: department.id } }))!.lastSequence).to.equal(200);
    console.log(`      200 check-ins in ${elapsed} ms`);
  });

  it('lets exactly one of 10 simultaneous "call next" for one doctor through; the rest are doctor_busy', async () => {
    const { department, doctors } = await clinicWithDoctors(1, { prefix: 'C' });
    for (let i = 0; i < 5; i++) await service.checkInWalkIn({ departmentId: department.id, idempotencyKey: key() }, null);
    const [{ doctor, user }] = doctors;

    const { ok, refused } = await outcomes(Array.from({ length: 10 }, () => service.callNext(doctor.id, user)));
    expect(ok).to.have.length(1);
    expect(refused).to.deep.equal(Array(9).fill('doctor_busy'));
    expect(await QueueEntry.count({ where: { status: 'called' } })).to.equal(1);
    expect(await QueueEntry.count({ where: { status: 'waiting' } })).to.equal(4);
  });

  it('never lets two doctors call the same shared entry (2 doctors x 20 simultaneous calls, 5 rounds)', async () => {
    const { department, doctors } = await clinicWithDoctors(2, { prefix: 'C' });
    for (let i = 0; i < 12; i++) await service.checkInWalkIn({ departmentId: department.id, idempotencyKey: key() }, null);
    const calledIds: number[] = [];
    let busy = 0;
    let refusedOtherwise = 0;
    for (let round = 0; round < 5; round++) {
      const calls = doctors.flatMap(({ doctor, user }) => Array.from({ length: 20 }, () => service.callNext(doctor.id, user)));
      const { ok, refused } = await outcomes(calls);
      // Each doctor gets exactly one patient per round; the other 19 clicks find them busy.
      expect(ok).to.have.length(2);
      expect(new Set(ok.map((entry) => entry.doctorId))).to.deep.equal(new Set(doctors.map((d) => d.doctor.id)));
      busy += refused.filter((id) => id === 'doctor_busy').length;
      refusedOtherwise += refused.filter((id) => id !== 'doctor_busy').length;
      for (const entry of ok) {
        calledIds.push(entry.id);
        const { user } = doctors.find((d) => d.doctor.id === entry.doctorId)!;
        await service.complete(entry.id, entry.version, user);
      }
    }
    expect(new Set(calledIds).size).to.equal(10);
    expect([busy, refusedOtherwise]).to.deep.equal([5 * 38, 0]);
    const completed = await QueueEntry.findAll({ where: { status: 'completed' } });
    expect(completed).to.have.length(10);
    // Each completed entry was called once (version: 0 at check-in, +1 call, +1 complete).
    expect(completed.map((entry) => entry.version)).to.deep.equal(Array(10).fill(2));
    expect(await QueueEntry.count({ where: { status: 'waiting' } })).to.equal(2);
  });

  it('gives the last shared entry to exactly one of two doctors racing for it, and tells the other nobody is waiting', async () => {
    const { department, doctors } = await clinicWithDoctors(2, { prefix: 'C' });
    await service.checkInWalkIn({ departmentId: department.id, idempotencyKey: key() }, null);
    const calls = doctors.flatMap(({ doctor, user }) => Array.from({ length: 10 }, () => service.callNext(doctor.id, user)));
    const { ok, refused } = await outcomes(calls);
    expect(ok).to.have.length(1);
    expect(refused.filter((id) => id !== 'doctor_busy' && id !== 'queue_empty')).to.deep.equal([]);
    expect(refused).to.include('queue_empty');
  });
});
