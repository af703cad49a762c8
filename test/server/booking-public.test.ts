import { expect } from 'chai';
import { AuditLog, type DoctorProfile, Patient, User } from '../../server/models';
import { dayFromToday, signedIn, slotAt } from '../support/admin';
import { makeAppointment, makeDoctor } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createDepartment } from '../support/factories';
import { Agent } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

const PERSON = { fullName: 'Paula Public', phone: '+44 7700 900555', dateOfBirth: '1975-09-30' };

describe('public booking', () => {
  let server: TestServer;
  let visitor: Agent;
  let admin: Agent;
  let doctor: DoctorProfile;

  before(async () => {
    await resetDatabase();
    server = await startTestServer();
    visitor = new Agent(server);
    admin = (await signedIn(server, 'admin')).agent;
    const department = await createDepartment({ name: 'General Practice' });
    doctor = await makeDoctor({ departmentId: department.id, specialization: 'GP', rating: 4.2 });
  });
  after(() => server.close());

  it('lists departments and doctors that take bookings, leaving out inactive ones', async () => {
    const closed = await createDepartment({ name: 'Closed Ward', active: false });
    await makeDoctor({ departmentId: closed.id });
    const away = await makeDoctor({ departmentId: doctor.departmentId });
    await User.update({ active: false }, { where: { id: away.userId } });

    const departments = await visitor.get('/api/public/departments');
    expect(departments.status).to.equal(200);
    expect(departments.body.departments).to.deep.equal([{ id: doctor.departmentId, name: 'General Practice' }]);
    const doctors = await visitor.get(`/api/public/doctors?departmentId=${doctor.departmentId}`);
    expect(doctors.body.doctors).to.have.length(1);
    expect(doctors.body.doctors[0]).to.include({ id: doctor.id, specialization: 'GP', rating: 4.2, departmentId: doctor.departmentId });
    expect(JSON.stringify(doctors.body)).not.to.match(/email|license/i);
  });

  it('lists only free future slots: not booked, blocked, withdrawn or past', async () => {
    const day = dayFromToday(3);
    const [free, booked, blocked, withdrawn] = [
      await slotAt(doctor, day, '09:00'),
      await slotAt(doctor, day, '09:15'),
      await slotAt(doctor, day, '09:30'),
      await slotAt(doctor, day, '09:45'),
    ];
    await makeAppointment(booked);
    await blocked.update({ blocked: true });
    await withdrawn.update({ withdrawnAt: new Date() });
    await slotAt(doctor, dayFromToday(-1), '09:00');
    const res = await visitor.get(`/api/public/slots?doctorId=${doctor.id}&from=${dayFromToday(-1)}&to=${day}`);
    expect(res.status).to.equal(200);
    expect(res.body.timeZone).to.equal('Europe/London');
    expect(res.body.slots).to.deep.equal([
      { id: free.id, doctorId: doctor.id, startsAt: free.startsAt.toISOString(), endsAt: free.endsAt.toISOString(), date: day, start: '09:00' },
    ]);
    const byDepartment = await visitor.get(`/api/public/slots?departmentId=${doctor.departmentId}&from=${day}&to=${day}`);
    expect(byDepartment.body.slots.map((s: { id: number }) => s.id)).to.deep.equal([free.id]);

    const bad = await visitor.get(`/api/public/slots?from=${day}&to=${dayFromToday(60)}`);
    expect(bad.status).to.equal(422);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).to.have.members(['doctorId', 'to']);
  });

  it('books with name, phone and date of birth, finding the same patient again however the phone is written', async () => {
    const first = await slotAt(doctor, dayFromToday(4), '10:00');
    const res = await visitor.post('/api/public/bookings', { slotId: first.id, ...PERSON });
    expect(res.status).to.equal(201);
    expect(res.body).to.deep.include({ date: dayFromToday(4), start: '10:00', department: { id: doctor.departmentId, name: 'General Practice' } });
    expect(res.body.bookingCode).to.match(/^[A-Z2-9]{6}$/);
    expect(JSON.stringify(res.body)).not.to.contain('Paula');

    const second = await slotAt(doctor, dayFromToday(5), '10:00');
    const again = await visitor.post('/api/public/bookings', { slotId: second.id, ...PERSON, fullName: 'paula  public', phone: '447700900555' });
    expect(again.status).to.equal(201);
    expect(await Patient.count({ where: { dateOfBirth: PERSON.dateOfBirth } })).to.equal(1);
    const entries = await AuditLog.findAll({ where: { action: 'appointment.book', userId: null } });
    expect(entries).to.have.length(2);

    const taken = await visitor.post('/api/public/bookings', { slotId: second.id, fullName: 'Other Person', phone: '01234 567890', dateOfBirth: '1980-01-01' });
    expect(taken.status).to.equal(409);
    expect(taken.body.error.id).to.equal('slot_taken');
  });

  it('lets one person hold at most 3 upcoming bookings online', async () => {
    const person = { fullName: 'Greedy Gail', phone: '0300 123 4567', dateOfBirth: '1988-08-08' };
    for (let i = 0; i < 3; i++) {
      const slot = await slotAt(doctor, dayFromToday(6 + i), '11:00');
      expect((await visitor.post('/api/public/bookings', { slotId: slot.id, ...person })).status).to.equal(201);
    }
    const fourth = await slotAt(doctor, dayFromToday(10), '11:00');
    const res = await visitor.post('/api/public/bookings', { slotId: fourth.id, ...person });
    expect(res.status).to.equal(409);
    expect(res.body.error.id).to.equal('too_many_bookings');
  });

  it('answers 422 naming each bad field', async () => {
    const res = await visitor.post('/api/public/bookings', { slotId: 'x', fullName: 'A', phone: '12', dateOfBirth: '31/12/1980' });
    expect(res.status).to.equal(422);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).to.have.members(['slotId', 'fullName', 'phone', 'dateOfBirth']);
  });

  it('answers 403 booking_disabled everywhere once an admin switches it off', async () => {
    const settings = (await admin.get('/api/settings/all')).body;
    const { activeTimeZone, restartRequired, savedAt, ...editable } = settings;
    expect([activeTimeZone, restartRequired, savedAt]).to.deep.equal(['Europe/London', false, null]);
    expect((await admin.request('PUT', '/api/settings', { ...editable, publicBooking: false })).status).to.equal(200);
    for (const path of ['/api/public/departments', '/api/public/doctors', `/api/public/slots?doctorId=${doctor.id}&from=${dayFromToday(1)}&to=${dayFromToday(2)}`]) {
      const res = await visitor.get(path);
      expect(res.status, path).to.equal(403);
      expect(res.body.error.id).to.equal('booking_disabled');
    }
    const slot = await slotAt(doctor, dayFromToday(11));
    expect((await visitor.post('/api/public/bookings', { slotId: slot.id, ...PERSON })).status).to.equal(403);
    await admin.request('PUT', '/api/settings', { ...editable, publicBooking: true });
    expect((await visitor.get('/api/public/departments')).status).to.equal(200);
  });
});

describe('public booking rate limit', () => {
  let server: TestServer;

  before(async () => {
    await resetDatabase();
    server = await startTestServer();
  });
  after(() => server.close());

  it('answers 429 with Retry-After after 10 booking attempts an hour from one address, whatever their outcome', async () => {
    const visitor = new Agent(server);
    for (let i = 0; i < 10; i++) expect((await visitor.post('/api/public/bookings', {})).status).to.equal(422);
    const res = await visitor.post('/api/public/bookings', {});
    expect(res.status).to.equal(429);
    expect(res.body.error.id).to.equal('too_many_attempts');
    expect(Number(res.headers.get('retry-after'))).to.be.within(3000, 3600);
    // Looking up slots has its own, larger allowance.
    expect((await visitor.get('/api/public/departments')).status).to.equal(200);
  });
});
