import { expect } from 'chai';
import { DateTime } from 'luxon';
import { Op, type Sequelize } from 'sequelize';
import { inTransaction } from '../../server/db/transaction';
import {
  Appointment,
  AvailabilityException,
  DoctorAvailability,
  DoctorProfile,
  TimeSlot,
} from '../../server/models';
import { generateSlots } from '../../server/services/slots';
import { resetDatabase, testDatabase } from '../support/db';
import { makeAppointment, makeDoctor } from '../support/clinic-factories';

const ZONE = 'Europe/London';

/** Local 'YYYY-MM-DD HH:mm' of each slot in the clinic zone, in order. */
async function localStarts(doctorId: number): Promise<string[]> {
  const slots = await TimeSlot.findAll({ where: { doctorId }, order: [['startsAt', 'ASC']] });
  return slots.map((s) => DateTime.fromJSDate(s.startsAt, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm'));
}

describe('slot generation', () => {
  let sequelize: Sequelize;
  let doctor: DoctorProfile;

  const generate = (fromDay: string, toDay: string) =>
    inTransaction(sequelize, (transaction) =>
      generateSlots({ doctorId: doctor.id, fromDay, toDay, zone: ZONE, transaction }),
    );

  /** Two intervals a day, Monday to Friday, with the lunch hour as a gap. */
  async function weekdaySchedule(slotMinutes = 30) {
    for (let weekday = 1; weekday <= 5; weekday++) {
      await DoctorAvailability.bulkCreate([
        { doctorId: doctor.id, weekday, startTime: '09:00', endTime: '12:00', slotMinutes },
        { doctorId: doctor.id, weekday, startTime: '13:00', endTime: '17:00', slotMinutes },
      ]);
    }
  }

  before(async () => {
    sequelize = (await testDatabase()).sequelize;
  });
  beforeEach(async () => {
    await resetDatabase();
    doctor = await makeDoctor();
  });

  it('expands a week of two intervals a day, leaving the break and the weekend empty', async () => {
    await weekdaySchedule();
    // Monday 6 July to Sunday 12 July 2026 (British Summer Time, UTC+1).
    const result = await generate('2026-07-06', '2026-07-12');

    expect(result).to.deep.equal({ created: 70, alreadyPresent: 0, overlapping: 0, removed: 0, withdrawn: 0, bookedOutside: [] });
    const starts = await localStarts(doctor.id);
    expect(starts).to.have.length(70);
    const monday = starts.filter((s) => s.startsWith('2026-07-06')).map((s) => s.slice(11));
    expect(monday).to.deep.equal([
      '09:00', '09:30', '10:00', '10:30', '11:00', '11:30',
      '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30',
    ]);
    expect(starts.filter((s) => s.startsWith('2026-07-11') || s.startsWith('2026-07-12'))).to.deep.equal([]);

    const first = await TimeSlot.findOne({ where: { doctorId: doctor.id }, order: [['startsAt', 'ASC']] });
    expect(first!.startsAt.toISOString()).to.equal('2026-07-06T08:00:00.000Z');
    expect(first!.endsAt.toISOString()).to.equal('2026-07-06T08:30:00.000Z');
  });

  it('skips exception days, ranges included', async () => {
    await weekdaySchedule();
    await AvailabilityException.bulkCreate([
      { doctorId: doctor.id, startDate: '2026-07-08', endDate: '2026-07-08', reason: 'Conference' },
      { doctorId: doctor.id, startDate: '2026-07-10', endDate: '2026-07-20', reason: 'Annual leave' },
    ]);
    const result = await generate('2026-07-06', '2026-07-12');

    expect(result.created).to.equal(14 * 3);
    const days = new Set((await localStarts(doctor.id)).map((s) => s.slice(0, 10)));
    expect([...days]).to.deep.equal(['2026-07-06', '2026-07-07', '2026-07-09']);
  });

  it('adds nothing when run again, and leaves booked slots exactly as they were when the schedule changes', async () => {
    await weekdaySchedule();
    await generate('2026-07-06', '2026-07-12');
    const slot = await TimeSlot.findOne({ where: { doctorId: doctor.id }, order: [['startsAt', 'ASC']] });
    const appointment = await makeAppointment(slot!);
    const afternoon = await TimeSlot.findOne({ where: { doctorId: doctor.id, startsAt: new Date('2026-07-06T13:00:00Z') } });
    await makeAppointment(afternoon!);

    expect(await generate('2026-07-06', '2026-07-12')).to.deep.equal({
      created: 0, alreadyPresent: 70, overlapping: 0, removed: 0, withdrawn: 0, bookedOutside: [],
    });
    expect(await TimeSlot.count({ where: { doctorId: doctor.id } })).to.equal(70);

    // A longer afternoon in 20-minute slots. The booked 14:00-14:30 (13:00 UTC) no longer fits: it stays, and the
    // two 20-minute slots that would overlap it are left out; the other 7 free 30-minute slots go, 12 new ones come.
    await DoctorAvailability.update(
      { slotMinutes: 20, endTime: '17:40' },
      { where: { doctorId: doctor.id, startTime: '13:00' } },
    );
    const result = await generate('2026-07-06', '2026-07-06');
    expect(result).to.deep.equal({
      created: 12, alreadyPresent: 6, overlapping: 2, removed: 7, withdrawn: 0, bookedOutside: [afternoon!.id],
    });
    const monday = await TimeSlot.findAll({
      where: { doctorId: doctor.id, startsAt: { [Op.lt]: new Date('2026-07-07T00:00:00Z') } },
      order: [['startsAt', 'ASC']],
    });
    expect(monday.map((m) => DateTime.fromJSDate(m.startsAt, { zone: ZONE }).toFormat('HH:mm')).slice(6)).to.deep.equal([
      '13:00', '13:20', '13:40', '14:00', '14:40', '15:00', '15:20', '15:40', '16:00', '16:20', '16:40', '17:00', '17:20',
    ]);
    for (let i = 1; i < monday.length; i++) expect(monday[i].startsAt >= monday[i - 1].endsAt).to.equal(true);

    for (const kept of [slot!, afternoon!]) {
      const reloaded = await TimeSlot.findByPk(kept.id);
      expect(reloaded!.startsAt.toISOString()).to.equal(kept.startsAt.toISOString());
      expect(reloaded!.endsAt.toISOString()).to.equal(kept.endsAt.toISOString());
    }
    expect((await Appointment.findByPk(appointment.id))!.slotId).to.equal(slot!.id);
  });

  it('produces the right UTC instants on daylight-saving change days', async () => {
    // 2026-03-29 and 2026-10-25 are Sundays on which London's clocks change; Saturdays for comparison.
    await DoctorAvailability.bulkCreate([
      { doctorId: doctor.id, weekday: 6, startTime: '09:00', endTime: '10:00', slotMinutes: 30 },
      { doctorId: doctor.id, weekday: 7, startTime: '00:30', endTime: '03:30', slotMinutes: 30 },
      { doctorId: doctor.id, weekday: 7, startTime: '09:00', endTime: '10:00', slotMinutes: 30 },
    ]);
    await generate('2026-03-28', '2026-03-29');
    await generate('2026-10-24', '2026-10-25');

    const instants = (
      await TimeSlot.findAll({ where: { doctorId: doctor.id }, order: [['startsAt', 'ASC']] })
    ).map((s) => s.startsAt.toISOString().slice(0, 16));
    expect(instants).to.deep.equal([
      // Saturday in GMT.
      '2026-03-28T09:00', '2026-03-28T09:30',
      // Clocks go forward at 01:00: 00:30 to 03:30 local is two real hours, so four slots, none in the gap.
      '2026-03-29T00:30', '2026-03-29T01:00', '2026-03-29T01:30', '2026-03-29T02:00',
      // 09:00 BST is 08:00 UTC.
      '2026-03-29T08:00', '2026-03-29T08:30',
      // Saturday in BST.
      '2026-10-24T08:00', '2026-10-24T08:30',
      // Clocks go back at 02:00: 00:30 BST to 03:30 GMT is four real hours; the repeated hour is not doubled up.
      '2026-10-24T23:30', '2026-10-25T00:00', '2026-10-25T00:30', '2026-10-25T01:00',
      '2026-10-25T01:30', '2026-10-25T02:00', '2026-10-25T02:30', '2026-10-25T03:00',
      // 09:00 GMT is 09:00 UTC.
      '2026-10-25T09:00', '2026-10-25T09:30',
    ]);
  });
});
