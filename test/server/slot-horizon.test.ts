import { expect } from 'chai';
import type { Sequelize } from 'sequelize';
import type { Config } from '../../server/config';
import { createLogger } from '../../server/logger';
import { AuditLog, DoctorAvailability, TimeSlot, User } from '../../server/models';
import { ScheduleService } from '../../server/services/schedules';
import { SettingsService } from '../../server/services/settings';
import { SlotHorizonKeeper } from '../../server/services/slot-horizon';
import { makeDoctor } from '../support/clinic-factories';
import { resetDatabase, testDatabase } from '../support/db';

/** Resolves once `check` holds, polling; fails loudly after `ms`. */
async function until(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('slot horizon keeper: the daily push of bookable slots', () => {
  let sequelize: Sequelize;
  let clock: Date;
  let keeper: SlotHorizonKeeper;

  before(async () => {
    sequelize = (await testDatabase()).sequelize;
  });
  beforeEach(async () => {
    await resetDatabase();
    clock = new Date('2026-11-30T12:00:00Z'); // a Monday in New York
    const config = { clinicName: 'Test', clinicTimeZone: 'America/New_York' } as Config;
    const schedules = new ScheduleService(sequelize, new SettingsService(sequelize, config), () => clock);
    keeper = new SlotHorizonKeeper(schedules, createLogger('silent'), undefined, { intervalMs: 60, firstRunAfterMs: 10 });
  });
  afterEach(() => keeper.stop());

  it('generates the default four weeks for active doctors only, audited as the server, and moves on with the days', async () => {
    const doctor = await makeDoctor();
    const away = await makeDoctor();
    await User.update({ active: false }, { where: { id: away.userId } });
    for (const d of [doctor, away]) {
      await DoctorAvailability.create({ doctorId: d.id, weekday: 1, startTime: '09:00', endTime: '10:00', slotMinutes: 15 });
    }

    await keeper.runOnce();
    // Mondays 30 Nov, 7, 14 and 21 Dec fall within 28 days; four 15-minute slots each.
    expect(await TimeSlot.count({ where: { doctorId: doctor.id } })).to.equal(16);
    expect(await TimeSlot.count({ where: { doctorId: away.id } })).to.equal(0);
    const audit = await AuditLog.findOne({ where: { action: 'schedule.generate' } });
    expect(audit?.userId).to.equal(null);

    await keeper.runOnce();
    expect(await TimeSlot.count({ where: { doctorId: doctor.id } })).to.equal(16);

    clock = new Date('2026-12-07T12:00:00Z'); // a week later, the horizon reaches Monday 28 December
    await keeper.runOnce();
    expect(await TimeSlot.count({ where: { doctorId: doctor.id } })).to.equal(20);
  });

  it('runs soon after start and then on its interval, until stopped', async () => {
    const doctor = await makeDoctor();
    await DoctorAvailability.create({ doctorId: doctor.id, weekday: 1, startTime: '09:00', endTime: '10:00', slotMinutes: 15 });
    keeper.start();
    await until(async () => (await TimeSlot.count({ where: { doctorId: doctor.id } })) === 16);

    clock = new Date('2026-12-07T12:00:00Z');
    await until(async () => (await TimeSlot.count({ where: { doctorId: doctor.id } })) === 20);

    await keeper.stop();
    const runs = await AuditLog.count({ where: { action: 'schedule.generate' } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await AuditLog.count({ where: { action: 'schedule.generate' } })).to.equal(runs);
  });
});
