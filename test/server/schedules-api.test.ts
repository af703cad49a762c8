import { expect } from 'chai';
import { DoctorAvailability, type DoctorProfile, TimeSlot } from '../../server/models';
import { addDays } from '../../server/services/clinic-time';
import { agentsByRole, dayFromToday, mondayInWeeks } from '../support/admin';
import { makeDoctor, makePatient } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import type { Agent } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

/** Monday to Friday, 09:00-12:00 and 13:00-15:00 in 30-minute slots: 10 slots a day, 50 a week. */
const WEEK = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, startTime: '09:00', endTime: '12:00', slotMinutes: 30 },
  { weekday, startTime: '13:00', endTime: '15:00', slotMinutes: 30 },
]);

describe('schedules API: weekly availability, days off, generation, calendar', () => {
  let server: TestServer;
  let admin: Agent;
  let reception: Agent;
  let doctor: DoctorProfile;
  let base: string;

  before(async () => {
    await resetDatabase();
    server = await startTestServer();
    const agents = await agentsByRole(server);
    admin = agents.admin.agent;
    reception = agents.reception.agent;
  });
  beforeEach(async () => {
    doctor = await makeDoctor();
    base = `/api/doctors/${doctor.id}`;
  });
  after(() => server.close());

  it('sets a whole week, reads it back in order, and refuses overlaps and backwards intervals by field', async () => {
    const res = await admin.request('PUT', `${base}/availability`, { intervals: [...WEEK].reverse() });
    expect(res.status).to.equal(200);
    expect(res.body.intervals).to.have.length(10);
    expect(res.body.intervals.slice(0, 2).map((i: { startTime: string }) => i.startTime)).to.deep.equal(['09:00', '13:00']);
    expect((await reception.get(`${base}/availability`)).body.intervals).to.have.length(10);

    const bad = await admin.request('PUT', `${base}/availability`, {
      intervals: [
        { weekday: 1, startTime: '09:00', endTime: '12:00', slotMinutes: 15 },
        { weekday: 1, startTime: '11:30', endTime: '13:00', slotMinutes: 15 },
        { weekday: 2, startTime: '10:00', endTime: '09:00', slotMinutes: 15 },
        { weekday: 9, startTime: '9am', endTime: '10:00', slotMinutes: 2 },
      ],
    });
    expect(bad.status).to.equal(422);
    expect(bad.body.error.fields).to.deep.include({ path: 'intervals.1.startTime', message: 'Overlaps 09:00-12:00 on Monday.' });
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).to.include.members([
      'intervals.2.endTime', 'intervals.3.weekday', 'intervals.3.startTime', 'intervals.3.slotMinutes',
    ]);
    expect(await DoctorAvailability.count({ where: { doctorId: doctor.id } })).to.equal(10);
  });

  it('adds, edits and removes single intervals, refusing one that overlaps another', async () => {
    const add = await admin.post(`${base}/availability`, { weekday: 3, startTime: '08:00', endTime: '10:00', slotMinutes: 20 });
    expect(add.status).to.equal(201);
    const id = add.body.interval.id;
    const clash = await admin.post(`${base}/availability`, { weekday: 3, startTime: '09:45', endTime: '11:00', slotMinutes: 15 });
    expect(clash.status).to.equal(422);
    expect(clash.body.error.fields).to.deep.equal([{ path: 'startTime', message: 'Overlaps 08:00-10:00 on Wednesday.' }]);
    const second = await admin.post(`${base}/availability`, { weekday: 3, startTime: '10:00', endTime: '11:00', slotMinutes: 15 });
    expect(second.status).to.equal(201);

    const edit = await admin.request('PATCH', `${base}/availability/${id}`, { endTime: '09:00', slotMinutes: 30 });
    expect(edit.status).to.equal(200);
    expect(edit.body.interval).to.include({ startTime: '08:00', endTime: '09:00', slotMinutes: 30 });
    const overlapEdit = await admin.request('PATCH', `${base}/availability/${id}`, { endTime: '10:30' });
    expect(overlapEdit.status).to.equal(422);
    const backwards = await admin.request('PATCH', `${base}/availability/${id}`, { startTime: '09:30' });
    expect(backwards.status).to.equal(422);
    expect(backwards.body.error.fields[0].path).to.equal('endTime');

    expect((await admin.request('DELETE', `${base}/availability/${id}`)).status).to.equal(204);
    expect((await admin.request('DELETE', `${base}/availability/${id}`)).status).to.equal(404);
    expect((await admin.get(`${base}/availability`)).body.intervals).to.have.length(1);
  });

  it('generates slots for a range, repeatably, and refuses a start in the past', async () => {
    await admin.request('PUT', `${base}/availability`, { intervals: WEEK });
    const monday = mondayInWeeks(1);
    const first = await admin.post(`${base}/slots/generate`, { fromDay: monday, days: 7 });
    expect(first.status).to.equal(200);
    expect(first.body).to.deep.include({ doctorId: doctor.id, fromDay: monday, toDay: addDays(monday, 6), created: 50, removed: 0 });
    const again = await admin.post(`${base}/slots/generate`, { fromDay: monday, days: 7 });
    expect(again.body).to.deep.include({ created: 0, alreadyPresent: 50 });

    const past = await admin.post(`${base}/slots/generate`, { fromDay: dayFromToday(-1) });
    expect(past.status).to.equal(422);
    expect(past.body.error.fields[0].path).to.equal('fromDay');
    const bad = await admin.post(`${base}/slots/generate`, { fromDay: 'soon', days: 0 });
    expect(bad.status).to.equal(422);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).to.have.members(['fromDay', 'days']);
    expect((await admin.post('/api/doctors/999999/slots/generate', {})).status).to.equal(404);
  });

  it('generates the default horizon (settings) from today for every active doctor', async () => {
    await admin.request('PUT', `${base}/availability`, { intervals: WEEK });
    const res = await admin.post('/api/slots/generate', {});
    expect(res.status).to.equal(200);
    const mine = res.body.results.find((r: { doctorId: number }) => r.doctorId === doctor.id);
    expect(mine).to.deep.include({ fromDay: dayFromToday(0), toDay: dayFromToday(27) });
    // Any 28 days in a row hold exactly 20 weekdays. (Today's slots that have gone by are generated too; booking
    // refuses them.)
    expect(mine.created).to.equal(200);
  });

  it('a day off over a booked slot keeps it, clears the free ones and lists the appointment to move; removing it restores the day', async () => {
    await admin.request('PUT', `${base}/availability`, { intervals: WEEK });
    const tuesday = addDays(mondayInWeeks(2), 1);
    await admin.post(`${base}/slots/generate`, { fromDay: mondayInWeeks(2), days: 7 });
    const calendar = await reception.get(`${base}/calendar?week=${tuesday}`);
    const slot = calendar.body.days[1].slots[2];
    const patient = await makePatient({ fullName: 'Mo Moved', phone: '0700 000 111' });
    const booked = await reception.post('/api/appointments', { slotId: slot.id, patientId: patient.id });
    expect(booked.status).to.equal(201);

    const off = await admin.post(`${base}/exceptions`, { startDate: tuesday, endDate: addDays(tuesday, 1), reason: 'Annual leave' });
    expect(off.status).to.equal(201);
    expect(off.body.exception).to.include({ startDate: tuesday, endDate: addDays(tuesday, 1), reason: 'Annual leave' });
    expect(off.body.slots).to.deep.include({ removed: 19, created: 0 });
    expect(off.body.slots.appointmentsToMove).to.deep.equal([
      { id: booked.body.appointment.id, bookingCode: booked.body.appointment.bookingCode, startsAt: slot.startsAt, patient: { id: patient.id, fullName: 'Mo Moved', phone: '0700 000 111' } },
    ]);
    const week = (await reception.get(`${base}/calendar?week=${tuesday}`)).body;
    expect(week.days[1].exception).to.deep.equal({ id: off.body.exception.id, reason: 'Annual leave' });
    expect(week.days[1].slots.map((s: { status: string }) => s.status)).to.deep.equal(['booked']);
    expect(week.days[2].slots).to.deep.equal([]);
    expect((await reception.get(`${base}/exceptions?from=${tuesday}`)).body.exceptions).to.have.length(1);

    const shorter = await admin.request('PATCH', `${base}/exceptions/${off.body.exception.id}`, { endDate: tuesday });
    expect(shorter.status).to.equal(200);
    expect(shorter.body.slots.created).to.equal(10);

    const removed = await admin.request('DELETE', `${base}/exceptions/${off.body.exception.id}`);
    expect(removed.status).to.equal(200);
    expect(removed.body.slots).to.deep.include({ created: 9, alreadyPresent: 1 });
    expect((await TimeSlot.count({ where: { doctorId: doctor.id, withdrawnAt: null } }))).to.equal(50);

    const backwards = await admin.post(`${base}/exceptions`, { startDate: tuesday, endDate: dayFromToday(1), reason: '' });
    expect(backwards.status).to.equal(422);
    expect(backwards.body.error.fields[0].path).to.equal('endDate');
  });

  it('shows a week calendar with free, booked and blocked slots in local time', async () => {
    await admin.request('PUT', `${base}/availability`, { intervals: WEEK });
    const monday = mondayInWeeks(1);
    await admin.post(`${base}/slots/generate`, { fromDay: monday, days: 7 });
    const before = (await reception.get(`${base}/calendar?week=${addDays(monday, 3)}`)).body;
    expect(before).to.deep.include({ weekStart: monday, timeZone: 'Europe/London' });
    expect(before.days.map((d: { weekday: number }) => d.weekday)).to.deep.equal([1, 2, 3, 4, 5, 6, 7]);
    const slots = before.days[0].slots;
    expect(slots.map((s: { start: string }) => s.start)).to.deep.equal(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '13:00', '13:30', '14:00', '14:30']);

    const patient = await makePatient();
    await reception.post('/api/appointments', { slotId: slots[0].id, patientId: patient.id });
    const blocked = await reception.post(`/api/slots/${slots[1].id}/block`);
    expect(blocked.body.slot.blocked).to.equal(true);
    const after = (await reception.get(`${base}/calendar?week=${monday}`)).body;
    expect(after.days[0].slots.slice(0, 3).map((s: { status: string }) => s.status)).to.deep.equal(['booked', 'blocked', 'free']);
    expect(after.days[0].slots[0].appointment.patient).to.deep.equal({ id: patient.id, fullName: patient.fullName });
    const blockedBooking = await reception.post('/api/appointments', { slotId: slots[1].id, patientId: patient.id });
    expect(blockedBooking.status).to.equal(409);
    expect(blockedBooking.body.error.id).to.equal('slot_unavailable');
    await reception.post(`/api/slots/${slots[1].id}/unblock`);
    expect((await reception.get(`${base}/calendar?week=${monday}`)).body.days[0].slots[1].status).to.equal('free');

    expect((await reception.get(`${base}/calendar?week=next-week`)).status).to.equal(422);
  });
});
