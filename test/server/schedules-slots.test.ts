import { expect } from 'chai';
import { DateTime } from 'luxon';
import type { Sequelize } from 'sequelize';
import type { Config } from '../../server/config';
import { inTransaction } from '../../server/db/transaction';
import { Appointment, AvailabilityException, DoctorAvailability, type DoctorProfile, TimeSlot } from '../../server/models';
import { localToUtc } from '../../server/services/clinic-time';
import { ScheduleService } from '../../server/services/schedules';
import { SettingsService } from '../../server/services/settings';
import { generateSlots } from '../../server/services/slots';
import { makeAppointment, makeDoctor } from '../support/clinic-factories';
import { resetDatabase, testDatabase } from '../support/db';
import { createStaff } from '../support/factories';

const NEW_YORK = 'America/New_York';

describe('slot generation: breaks, days off, daylight saving, repeated runs', () => {
  let sequelize: Sequelize;
  let doctor: DoctorProfile;

  const generate = (fromDay: string, toDay: string, zone = NEW_YORK) =>
    inTransaction(sequelize, (transaction) => generateSlots({ doctorId: doctor.id, fromDay, toDay, zone, transaction }));

  /** Local 'YYYY-MM-DD HH:mm-HH:mm' of the doctor's live (not withdrawn) slots, in order. */
  async function local(zone = NEW_YORK): Promise<string[]> {
    const slots = await TimeSlot.findAll({ where: { doctorId: doctor.id, withdrawnAt: null }, order: [['startsAt', 'ASC']] });
    const fmt = (d: Date) => DateTime.fromJSDate(d, { zone });
    return slots.map((s) => `${fmt(s.startsAt).toFormat('yyyy-MM-dd HH:mm')}-${fmt(s.endsAt).toFormat('HH:mm')}`);
  }

  before(async () => {
    sequelize = (await testDatabase()).sequelize;
  });
  beforeEach(async () => {
    await resetDatabase();
    doctor = await makeDoctor();
  });

  it('expands several intervals a weekday with their own slot lengths, leaving breaks and dropping a short remainder', async () => {
    // Tuesday 2026-12-01: a morning in 20-minute slots, a break, an afternoon in 30-minute slots that ends 15
    // minutes past the last whole slot.
    await DoctorAvailability.bulkCreate([
      { doctorId: doctor.id, weekday: 2, startTime: '08:00', endTime: '09:00', slotMinutes: 20 },
      { doctorId: doctor.id, weekday: 2, startTime: '10:30', endTime: '11:45', slotMinutes: 30 },
    ]);
    const result = await generate('2026-11-30', '2026-12-06');
    expect(result).to.deep.include({ created: 5, removed: 0, withdrawn: 0 });
    expect(await local()).to.deep.equal([
      '2026-12-01 08:00-08:20',
      '2026-12-01 08:20-08:40',
      '2026-12-01 08:40-09:00',
      '2026-12-01 10:30-11:00',
      '2026-12-01 11:00-11:30',
    ]);
  });

  it('gives a spring-forward day only its real working time, and a fall-back day all of it, once', async () => {
    // New York: 2026-03-08 jumps from 02:00 to 03:00; 2026-11-01 goes from 02:00 back to 01:00. Sundays.
    await DoctorAvailability.create({ doctorId: doctor.id, weekday: 7, startTime: '01:00', endTime: '04:00', slotMinutes: 30 });
    await generate('2026-03-08', '2026-03-08');
    await generate('2026-11-01', '2026-11-01');
    const instants = (await TimeSlot.findAll({ where: { doctorId: doctor.id }, order: [['startsAt', 'ASC']] })).map((s) =>
      s.startsAt.toISOString().slice(0, 16),
    );
    expect(instants).to.deep.equal([
      // 01:00 EST is 06:00 UTC; 04:00 EDT is 08:00 UTC: two real hours, four slots; 02:xx local never happens.
      '2026-03-08T06:00', '2026-03-08T06:30', '2026-03-08T07:00', '2026-03-08T07:30',
      // 01:00 EDT (the first one) is 05:00 UTC; 04:00 EST is 09:00 UTC: four real hours, eight slots.
      '2026-11-01T05:00', '2026-11-01T05:30', '2026-11-01T06:00', '2026-11-01T06:30',
      '2026-11-01T07:00', '2026-11-01T07:30', '2026-11-01T08:00', '2026-11-01T08:30',
    ]);
    // Run again over each change day: nothing added, nothing removed.
    expect(await generate('2026-03-08', '2026-03-08')).to.deep.include({ created: 0, alreadyPresent: 4, removed: 0 });
    expect(await generate('2026-11-01', '2026-11-01')).to.deep.include({ created: 0, alreadyPresent: 8, removed: 0 });
  });

  it('on a day off removes the free slots, keeps the booked ones and reports them', async () => {
    await DoctorAvailability.create({ doctorId: doctor.id, weekday: 3, startTime: '09:00', endTime: '10:00', slotMinutes: 15 });
    await generate('2026-12-02', '2026-12-02');
    const booked = await TimeSlot.findOne({ where: { doctorId: doctor.id, startsAt: localToUtc('2026-12-02', '09:30', NEW_YORK) } });
    const appointment = await makeAppointment(booked!);

    await AvailabilityException.create({ doctorId: doctor.id, startDate: '2026-12-01', endDate: '2026-12-03', reason: 'Conference' });
    const result = await generate('2026-12-02', '2026-12-02');
    expect(result).to.deep.equal({ created: 0, alreadyPresent: 0, overlapping: 0, removed: 3, withdrawn: 0, bookedOutside: [booked!.id] });
    expect(await local()).to.deep.equal(['2026-12-02 09:30-09:45']);
    expect((await Appointment.findByPk(appointment.id))!.slotId).to.equal(booked!.id);
  });

  it('removes only free slots the schedule no longer has; withdraws those cancelled appointments refer to, and puts them back', async () => {
    await DoctorAvailability.bulkCreate([
      { doctorId: doctor.id, weekday: 3, startTime: '09:00', endTime: '10:00', slotMinutes: 30 },
      { doctorId: doctor.id, weekday: 3, startTime: '14:00', endTime: '15:00', slotMinutes: 30 },
    ]);
    await generate('2026-12-02', '2026-12-02');
    const slots = await TimeSlot.findAll({ where: { doctorId: doctor.id }, order: [['startsAt', 'ASC']] });
    const [nine, nineThirty, two] = slots;
    const kept = await makeAppointment(nine);
    const cancelled = await makeAppointment(two, { status: 'cancelled', cancellationReason: 'Patient asked' });

    // The morning moves later and the afternoon goes.
    await DoctorAvailability.update({ startTime: '09:30', endTime: '10:30' }, { where: { doctorId: doctor.id, startTime: '09:00' } });
    await DoctorAvailability.destroy({ where: { doctorId: doctor.id, startTime: '14:00' } });
    const result = await generate('2026-12-02', '2026-12-02');
    // 09:00 is booked: kept, reported. 09:30 still fits. 10:00 is new. 14:00 has a cancelled appointment: withdrawn.
    // 14:30 was free: deleted.
    expect(result).to.deep.equal({ created: 1, alreadyPresent: 1, overlapping: 0, removed: 1, withdrawn: 1, bookedOutside: [nine.id] });
    expect(await local()).to.deep.equal(['2026-12-02 09:00-09:30', '2026-12-02 09:30-10:00', '2026-12-02 10:00-10:30']);
    expect(await TimeSlot.findByPk(nineThirty.id)).not.to.equal(null);
    expect((await TimeSlot.findByPk(two.id))!.withdrawnAt).to.be.an.instanceOf(Date);
    expect((await Appointment.findByPk(cancelled.id))!.slotId).to.equal(two.id);
    expect((await Appointment.findByPk(kept.id))!.slotId).to.equal(nine.id);

    // The afternoon comes back in 20-minute slots: the withdrawn 14:00 row is put back with its new end.
    await DoctorAvailability.create({ doctorId: doctor.id, weekday: 3, startTime: '14:00', endTime: '15:00', slotMinutes: 20 });
    const back = await generate('2026-12-02', '2026-12-02');
    expect(back).to.deep.include({ created: 3, removed: 0, withdrawn: 0 });
    const restored = await TimeSlot.findByPk(two.id);
    expect(restored!.withdrawnAt).to.equal(null);
    expect(restored!.endsAt.toISOString()).to.equal(localToUtc('2026-12-02', '14:20', NEW_YORK).toISOString());
    expect((await local()).slice(3)).to.deep.equal(['2026-12-02 14:00-14:20', '2026-12-02 14:20-14:40', '2026-12-02 14:40-15:00']);
  });

  it('lets two generations of one doctor run at once without duplicates (the doctor row is locked)', async () => {
    await DoctorAvailability.create({ doctorId: doctor.id, weekday: 1, startTime: '09:00', endTime: '17:00', slotMinutes: 15 });
    const config = { clinicName: 'Test', clinicTimeZone: NEW_YORK } as Config;
    const schedules = new ScheduleService(sequelize, new SettingsService(sequelize, config), () => new Date('2026-11-30T12:00:00Z'));
    const actor = { userId: (await createStaff({ role: 'admin' })).user.id, ip: '127.0.0.1' };
    const results = await Promise.all([1, 2, 3].map(() => schedules.generate(doctor.id, { fromDay: '2026-12-07', days: 14 }, actor)));
    expect(results.map((r) => r.created).sort()).to.deep.equal([0, 0, 64]);
    expect(await TimeSlot.count({ where: { doctorId: doctor.id } })).to.equal(64);
  });
});
