import { expect } from 'chai';
import type { Sequelize } from 'sequelize';
import { DoctorAvailability, QueueEntry } from '../../server/models';
import { addDays, localToUtc } from '../../server/services/clinic-time';
import { runDay } from '../../server/sim/engine';
import { outcomesOf, summarize } from '../../server/sim/measure';
import { planDay, type SimDoctor } from '../../server/sim/plan';
import { prepareDay } from '../../server/sim/setup';
import { makePatient } from '../support/clinic-factories';
import { resetDatabase, testDatabase } from '../support/db';
import { clinicWithDoctors, DAY, frontDesk, ZONE } from '../support/queue';

/** Far enough apart that neither day is in the other's history (28 days), and the same weekday. */
const LATER = addDays(DAY, 35);

describe('clinic-day simulator (server/sim)', function () {
  // A short day of real transactions, twice; on MariaDB too.
  this.timeout(120_000);
  let sequelize: Sequelize;

  before(async () => {
    sequelize = (await testDatabase()).sequelize;
  });

  it('draws the same day from the same seed, and another day from another seed', () => {
    const doctors: SimDoctor[] = [
      { id: 1, departmentId: 1, consultationMinutes: 15, intervals: [{ startTime: '09:00', endTime: '12:00' }] },
      { id: 2, departmentId: 1, consultationMinutes: 20, intervals: [{ startTime: '10:00', endTime: '13:00' }] },
    ];
    const slots = [{ id: 7, doctorId: 1, startsAt: localToUtc(DAY, '10:00', ZONE) }];
    const plan = (seed: number) => planDay(seed, DAY, ZONE, doctors, slots);
    expect(plan(3)).to.deep.equal(plan(3));
    expect(plan(3).patients.length).to.be.greaterThan(5);
    expect(plan(4)).to.not.deep.equal(plan(3));
  });

  it('plays a day against the real queue engine, the same way every time it is run with the same seed', async () => {
    await resetDatabase();
    const { doctors } = await clinicWithDoctors(2, { prefix: 'S', consultationMinutes: 15 });
    const weekday = 3; // DAY is a Wednesday, and so is LATER
    await DoctorAvailability.bulkCreate([
      { doctorId: doctors[0].doctor.id, weekday, startTime: '09:00', endTime: '10:00' },
      { doctorId: doctors[0].doctor.id, weekday, startTime: '10:30', endTime: '11:30' },
      { doctorId: doctors[1].doctor.id, weekday, startTime: '09:30', endTime: '11:30' },
    ]);
    await frontDesk();
    for (let i = 0; i < 5; i++) await makePatient();

    /** The day as it went, in minutes from the clinic day's start: who came, when they were called, how it ended, and every estimate they were shown. */
    const play = async (day: string) => {
      const start = localToUtc(day, '00:00', ZONE).getTime();
      const minutes = (date: Date | null) => (date ? (date.getTime() - start) / 60_000 : null);
      const prepared = await prepareDay(sequelize, ZONE, day, 42);
      const run = await runDay(sequelize, ZONE, prepared.plan, prepared.desk, prepared.codes);
      const entries = await QueueEntry.findAll({ where: { clinicDay: day }, order: [['id', 'ASC']] });
      return {
        run,
        entries: entries.map((e) => [e.token, e.status, e.priority, e.doctorId, minutes(e.checkedInAt), minutes(e.firstCalledAt), minutes(e.completedAt)]),
        estimates: [...run.records.values()].map((r) => r.samples.map((s) => [(s.at - start) / 60_000, s.eta, s.low, s.high])),
      };
    };
    const first = await play(DAY);
    const again = await play(LATER);

    expect(first.entries.length).to.be.greaterThan(5);
    expect(again.entries).to.deep.equal(first.entries);
    expect(again.estimates).to.deep.equal(first.estimates);
    expect(first.entries.filter(([, status]) => status === 'completed').length).to.be.greaterThan(3);
    // Every check-in was shown an estimate, and the measure can set it against the wait that followed.
    expect(first.estimates.every((samples) => samples.length > 0)).to.equal(true);
    const measured = summarize((await outcomesOf(first.run, ZONE)).filter((o) => o.atCheckIn));
    expect(measured.count).to.be.greaterThan(3);
    expect(measured.maeMinutes).to.be.a('number');
  });
});
