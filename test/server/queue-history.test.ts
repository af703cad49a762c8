import { expect } from 'chai';
import { loadPaceHistory } from '../../server/queue/read-model/history';
import { addDays, localToUtc } from '../../server/services/clinic-time';
import { makeAppointment, makeDoctor, makeQueueEntry, makeSlot } from '../support/clinic-factories';
import { resetDatabase, testDatabase } from '../support/db';
import { DAY, ZONE } from '../support/queue';

describe('what recent days teach the forecast (read-model/history.ts)', () => {
  before(async () => {
    await testDatabase();
    await resetDatabase();
  });

  it('learns how often booked patients come, and how late after the slot start those who came checked in', async () => {
    const doctor = await makeDoctor();
    // 24 bookings over the last days: 20 came, from 20 minutes early to 12 minutes late, and 4 never came.
    const offsets = [-20, -10, -5, 0, 0, 2, 4, 6, 8, 12];
    for (let i = 0; i < 24; i++) {
      const day = addDays(DAY, -1 - (i % 7));
      const startsAt = localToUtc(day, `${String(9 + Math.floor(i / 7)).padStart(2, '0')}:00`, ZONE);
      const slot = await makeSlot(doctor.id, { startsAt, endsAt: new Date(startsAt.getTime() + 15 * 60_000) });
      const came = i < 20;
      const appointment = await makeAppointment(slot, { status: came ? 'completed' : 'no_show' });
      if (!came) continue;
      const checkedInAt = new Date(startsAt.getTime() + offsets[i % offsets.length] * 60_000);
      await makeQueueEntry({ departmentId: doctor.departmentId, doctorId: doctor.id, appointmentId: appointment.id, patientId: appointment.patientId, clinicDay: day, checkedInAt, status: 'completed' });
    }
    // Outside the 28 days before: not counted.
    const old = await makeSlot(doctor.id, { startsAt: localToUtc(addDays(DAY, -40), '09:00', ZONE) });
    const oldAppointment = await makeAppointment(old, { status: 'completed' });
    await makeQueueEntry({ departmentId: doctor.departmentId, doctorId: doctor.id, appointmentId: oldAppointment.id, clinicDay: addDays(DAY, -40), checkedInAt: new Date(old.startsAt.getTime() + 90 * 60_000) });

    const history = await loadPaceHistory(DAY, ZONE);
    expect(history.showRate).to.be.closeTo(20 / 24, 1e-9);
    // Early and on-time arrivals count as 0: (2 + 4 + 6 + 8 + 12) x 2 / 20 who came.
    expect(history.bookingDelayMinutes).to.be.closeTo(3.2, 1e-9);
  });

  it('assumes the usual show rate and no delay without bookings to learn from', async () => {
    await resetDatabase();
    const history = await loadPaceHistory(DAY, ZONE);
    expect(history.showRate).to.equal(0.9);
    expect(history.bookingDelayMinutes).to.equal(0);
  });
});
