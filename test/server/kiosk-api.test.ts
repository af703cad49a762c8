import { expect } from 'chai';
import type { TicketView } from '../../common/api';
import type { KioskAppointment, KioskDepartmentsResponse } from '../../common/kiosk';
import { AvailabilityException, QueueEntry } from '../../server/models';
import { localToUtc } from '../../server/services/clinic-time';
import { makeAppointment, makePatient, makeQueueEntry, makeSlot } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createDepartment, createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { agentFor } from '../support/session';
import { awayFromMidnight, kioskKey, openDepartment, SERVER_ZONE, today, tomorrowNine, workingDoctor } from '../support/kiosk';
import { startTestServer, type TestServer } from '../support/server';

describe('kiosk API', () => {
  let server: TestServer;
  const kiosk = () => new Agent(server);
  const departments = async () => {
    const res = await kiosk().get<KioskDepartmentsResponse>('/api/kiosk/departments');
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return res.body.departments;
  };
  const walkIn = async (body: Record<string, unknown>) => kiosk().post('/api/kiosk/check-in', { idempotencyKey: kioskKey(), ...body });

  before(async () => {
    server = await startTestServer();
  });
  beforeEach(async () => {
    await resetDatabase();
    await awayFromMidnight();
    server.services.kiosk.checkInLimiter.setLimits({ points: 1000, windowSeconds: 60 });
    server.clock.set(null);
  });
  after(() => server.close());

  describe('GET /api/kiosk/departments', () => {
    it('lists active departments, open when a doctor works now, closed ones with their next opening', async () => {
      const { department: cardio, doctor } = await openDepartment('Cardiology', 'C', { name: 'Dr Amina Okafor', room: 'Room 3' });
      const later = await workingDoctor(cardio, { name: 'Dr Zed Later', room: 'Room 9', works: 'tomorrow' });
      const derma = await createDepartment({ name: 'Dermatology', prefix: 'D' });
      await workingDoctor(derma, { works: 'tomorrow' });
      const empty = await createDepartment({ name: 'Empty Clinic', prefix: 'E' });
      await createDepartment({ name: 'Archived', prefix: 'X', active: false });

      const list = await departments();
      expect(list.map((d) => d.name)).to.deep.equal(['Cardiology', 'Dermatology', 'Empty Clinic']);
      const [c, d, e] = list;
      expect(c).to.include({ id: cardio.id, prefix: 'C', open: true, opensAt: null, waitingCount: 0, estimateMinutes: 0 });
      expect(c.doctors).to.deep.equal([
        { id: doctor.id, name: 'Dr Amina Okafor', room: 'Room 3', available: true, waitingCount: 0, estimateMinutes: 0, nextAvailableAt: null },
        { id: later.id, name: 'Dr Zed Later', room: 'Room 9', available: false, waitingCount: 0, estimateMinutes: 0, nextAvailableAt: tomorrowNine().toISOString() },
      ]);
      expect(d).to.include({ id: derma.id, open: false, opensAt: tomorrowNine().toISOString() });
      expect(e).to.include({ id: empty.id, open: false, opensAt: null });
      expect(e.doctors).to.deep.equal([]);
    });

    it('shows a doctor on leave today as not working', async () => {
      const { doctor } = await openDepartment('Cardiology', 'C');
      await AvailabilityException.create({ doctorId: doctor.id, startDate: today(), endDate: today(), reason: 'Leave' });
      const [c] = await departments();
      expect(c.open).to.equal(false);
      expect(c.doctors[0].available).to.equal(false);
    });

    it("gives counts and the wait a new walk-in would get, which is the wait the engine then gives the ticket", async () => {
      const { department, doctor } = await openDepartment('Cardiology', 'C', { consultationMinutes: 12 });
      // Two finished consultations today: 5 minutes each from the start of the consultation (called 3 minutes
      // earlier), so the doctor's pace is 5, not the configured 12 and not the 8 from the call.
      for (const end of [20, 10]) {
        const completedAt = new Date(Date.now() - end * 60_000);
        await makeQueueEntry({
          // Numbers the day's counter will not reach in this test (it starts at 1).
          sequence: 900 + end,
          departmentId: department.id,
          doctorId: doctor.id,
          clinicDay: today(),
          status: 'completed',
          calledAt: new Date(completedAt.getTime() - 8 * 60_000),
          consultationStartedAt: new Date(completedAt.getTime() - 5 * 60_000),
          completedAt,
        });
      }
      for (let i = 0; i < 3; i++) { const r = await walkIn({ departmentId: department.id }); expect(r.status, JSON.stringify(r.body)).to.equal(201); }

      const [before] = await departments();
      expect(before.waitingCount).to.equal(3);
      expect(before.estimateMinutes).to.equal(15);
      expect(before.doctors[0]).to.include({ waitingCount: 3, estimateMinutes: 15 });

      const any = await walkIn({ departmentId: department.id });
      expect(any.body).to.include({ position: 4, etaMinutes: before.estimateMinutes });
      const [middle] = await departments();
      const named = await walkIn({ departmentId: department.id, doctorId: doctor.id });
      expect(named.body).to.include({ position: 5, etaMinutes: middle.doctors[0].estimateMinutes });
      expect(middle.doctors[0].estimateMinutes).to.equal(20);
    });
  });

  describe('POST /api/kiosk/check-in', () => {
    it('issues a ticket, keeps the optional first name and phone for staff only, and gives a retry the same ticket', async () => {
      const { department, doctor } = await openDepartment('Cardiology', 'C', { room: 'Room 3' });
      const idempotencyKey = kioskKey();
      const body = { departmentId: department.id, doctorId: doctor.id, priorityReason: 'pregnant', firstName: 'Zainab', phone: '+44 7700 900123', idempotencyKey };
      const first = await kiosk().post<TicketView>('/api/kiosk/check-in', body);
      expect(first.status, JSON.stringify(first.body)).to.equal(201);
      expect(first.body).to.include({ token: 'C-001', status: 'waiting', position: 1 });
      expect(first.body.doctor).to.include({ id: doctor.id, room: 'Room 3' });
      expect(JSON.stringify(first.body)).to.not.match(/Zainab|7700/);

      const again = await kiosk().post<TicketView>('/api/kiosk/check-in', body);
      expect(again.status).to.equal(201);
      expect(again.body.publicCode).to.equal(first.body.publicCode);
      const rows = await QueueEntry.findAll();
      expect(rows).to.have.length(1);
      expect(rows[0]).to.include({ firstName: 'Zainab', contactPhone: '+44 7700 900123', priority: 'priority', priorityReason: 'pregnant', version: 0 });

      const publicTicket = await kiosk().get(`/api/queue/tickets/${first.body.publicCode}`);
      const board = await kiosk().get(`/api/queue/departments/${department.id}`);
      expect(JSON.stringify([publicTicket.body, board.body])).to.not.match(/Zainab|7700/);
    });

    it('refuses bad input with 422 naming each field', async () => {
      const { department } = await openDepartment('Cardiology', 'C');
      const res = await kiosk().post('/api/kiosk/check-in', {
        departmentId: 'cardiology',
        priorityReason: 'vip',
        firstName: 'R2-D2!',
        phone: 'call me',
        emergency: 'yes',
      });
      expect(res.status).to.equal(422);
      expect(res.body.error.id).to.equal('validation_failed');
      expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).to.deep.equal(
        ['departmentId', 'emergency', 'firstName', 'idempotencyKey', 'phone', 'priorityReason'],
      );
      // Empty optional fields are the same as none.
      const blank = await walkIn({ departmentId: department.id, firstName: '  ', phone: '' });
      expect(blank.status).to.equal(201);
    });

    it('answers 404 for an unknown department or doctor, 422 for a doctor of another department', async () => {
      const { department } = await openDepartment('Cardiology', 'C');
      const { doctor: other } = await openDepartment('Dermatology', 'D');
      expect((await walkIn({ departmentId: 99999 })).status).to.equal(404);
      const unknownDoctor = await walkIn({ departmentId: department.id, doctorId: 99999 });
      expect(unknownDoctor.status).to.equal(404);
      expect(unknownDoctor.body.error.id).to.equal('not_found');
      const wrong = await walkIn({ departmentId: department.id, doctorId: other.id });
      expect(wrong.status).to.equal(422);
      expect(wrong.body.error.id).to.equal('invalid_reference');
    });

    it('refuses a closed department or an absent doctor with 409, but never an emergency', async () => {
      const closed = await createDepartment({ name: 'Dermatology', prefix: 'D' });
      await workingDoctor(closed, { works: 'tomorrow' });
      const { department, doctor } = await openDepartment('Cardiology', 'C');
      const away = await workingDoctor(department, { works: 'never' });

      const shut = await walkIn({ departmentId: closed.id });
      expect(shut.status).to.equal(409);
      expect(shut.body.error).to.include({ id: 'department_closed' });
      expect(shut.body.error.message).to.match(/^Dermatology is closed right now/);
      const absent = await walkIn({ departmentId: department.id, doctorId: away.id });
      expect(absent.status).to.equal(409);
      expect(absent.body.error.id).to.equal('doctor_unavailable');
      expect((await walkIn({ departmentId: department.id, doctorId: doctor.id })).status).to.equal(201);

      const emergency = await walkIn({ departmentId: closed.id, emergency: true });
      expect(emergency.status).to.equal(201);
      expect(emergency.body.token).to.equal('D-001');
      expect((await QueueEntry.findOne({ where: { token: 'D-001' } }))!.priority).to.equal('emergency');
    });

    it('rate-limits public check-ins per address with 429 and Retry-After, but not signed-in staff', async () => {
      const { department } = await openDepartment('Cardiology', 'C');
      server.services.kiosk.checkInLimiter.setLimits({ points: 3, windowSeconds: 60 });
      expect((await walkIn({ departmentId: department.id })).status).to.equal(201);
      expect((await kiosk().post('/api/queue/check-in', { departmentId: department.id, idempotencyKey: kioskKey() })).status).to.equal(201);
      expect((await kiosk().post('/api/kiosk/appointments/find', { bookingCode: 'ZZZZZZ' })).status).to.equal(404);
      const refused = await walkIn({ departmentId: department.id });
      expect(refused.status).to.equal(429);
      expect(refused.body.error.id).to.equal('too_many_attempts');
      expect(Number(refused.headers.get('retry-after'))).to.be.within(1, 60);
      const appointment = await kiosk().post('/api/queue/check-in/appointment', { bookingCode: 'ZZZZZZ', idempotencyKey: kioskKey() });
      expect(appointment.status).to.equal(429);
      // Reading is not limited, and the desk is not limited.
      expect((await kiosk().get('/api/kiosk/departments')).status).to.equal(200);
      const { user } = await createStaff({ role: 'reception' });
      const desk = await agentFor(server, user);
      expect((await desk.post('/api/queue/check-in', { departmentId: department.id, idempotencyKey: kioskKey() })).status).to.equal(201);
      expect(await QueueEntry.count()).to.equal(3);
    });
  });

  describe('behind a reverse proxy (TRUST_PROXY)', () => {
    /** Three walk-ins from `address` as a proxy reports it; the limit is two per address. */
    async function fromAddress(proxied: TestServer, departmentId: number, address: string): Promise<number[]> {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await new Agent(proxied).request('POST', '/api/kiosk/check-in', { departmentId, idempotencyKey: kioskKey() }, { 'X-Forwarded-For': address });
        statuses.push(res.status);
      }
      return statuses;
    }

    it('limits each forwarded address on its own when trusted, and ignores the header when not', async () => {
      const { department } = await openDepartment('Cardiology', 'C');
      const trusted = await startTestServer({ env: { TRUST_PROXY: 'true' } });
      try {
        trusted.services.kiosk.checkInLimiter.setLimits({ points: 2, windowSeconds: 60 });
        expect(await fromAddress(trusted, department.id, '203.0.113.7')).to.deep.equal([201, 201, 429]);
        expect(await fromAddress(trusted, department.id, '203.0.113.8')).to.deep.equal([201, 201, 429]);
      } finally {
        await trusted.close();
      }
      server.services.kiosk.checkInLimiter.setLimits({ points: 2, windowSeconds: 60 });
      expect(await fromAddress(server, department.id, '203.0.113.9')).to.deep.equal([201, 201, 429]);
      // Untrusted, a forged header is no way round the limit: every request is the same loopback address.
      expect(await fromAddress(server, department.id, '203.0.113.10')).to.deep.equal([429, 429, 429]);
    });
  });

  describe('POST /api/kiosk/appointments/find', () => {
    // A fixed Wednesday morning for the kiosk's clock, so "today", "too early" and "another day" do not depend on
    // when the suite runs. The check-in itself (the queue engine) is not involved here.
    const now = localToUtc('2030-01-09', '10:00', SERVER_ZONE);

    it('shows the doctor and time only, and whether it can be checked in now', async () => {
      server.clock.set(now);
      const { doctor } = await openDepartment('Cardiology', 'C', { name: 'Dr Amina Okafor', room: 'Room 3' });
      const patient = await makePatient({ fullName: 'Quentin Blackwood', dateOfBirth: '1975-04-02', phone: '07700 900456' });
      const slot = await makeSlot(doctor.id, { startsAt: localToUtc('2030-01-09', '10:30', SERVER_ZONE) });
      const appointment = await makeAppointment(slot, { patientId: patient.id });

      const byCode = await kiosk().post<KioskAppointment>('/api/kiosk/appointments/find', { bookingCode: ` ${appointment.bookingCode.toLowerCase()} ` });
      expect(byCode.status, JSON.stringify(byCode.body)).to.equal(200);
      expect(byCode.body).to.deep.equal({
        bookingCode: appointment.bookingCode,
        startsAt: slot.startsAt.toISOString(),
        checkInFrom: localToUtc('2030-01-09', '09:30', SERVER_ZONE).toISOString(),
        doctor: { name: 'Dr Amina Okafor', room: 'Room 3' },
        department: { id: doctor.departmentId, name: 'Cardiology' },
        state: 'ready',
      });
      expect(JSON.stringify(byCode.body)).to.not.match(/Quentin|1975|07700/);

      const byPhone = await kiosk().post<KioskAppointment>('/api/kiosk/appointments/find', { phone: '(07700) 900-456', dateOfBirth: '1975-04-02' });
      expect(byPhone.body.bookingCode).to.equal(appointment.bookingCode);

      const later = await makeAppointment(await makeSlot(doctor.id, { startsAt: localToUtc('2030-01-09', '15:00', SERVER_ZONE) }));
      expect((await kiosk().post<KioskAppointment>('/api/kiosk/appointments/find', { bookingCode: later.bookingCode })).body.state).to.equal('too_early');
      const nextWeek = await makeAppointment(await makeSlot(doctor.id, { startsAt: localToUtc('2030-01-16', '10:00', SERVER_ZONE) }));
      expect((await kiosk().post<KioskAppointment>('/api/kiosk/appointments/find', { bookingCode: nextWeek.bookingCode })).body.state).to.equal('other_day');
      await later.update({ status: 'cancelled' });
      expect((await kiosk().post<KioskAppointment>('/api/kiosk/appointments/find', { bookingCode: later.bookingCode })).body.state).to.equal('closed');
    });

    it('answers 404 for an unknown code or phone, 422 for missing fields', async () => {
      server.clock.set(now);
      const unknown = await kiosk().post('/api/kiosk/appointments/find', { bookingCode: 'QQQQQQ' });
      expect(unknown.status).to.equal(404);
      expect(unknown.body.error).to.include({ id: 'not_found' });
      expect(unknown.body.error.message).to.match(/QQQQQQ/);
      const phone = await kiosk().post('/api/kiosk/appointments/find', { phone: '0123456789', dateOfBirth: '1990-01-01' });
      expect(phone.status).to.equal(404);
      const bad = await kiosk().post('/api/kiosk/appointments/find', { phone: '012345' });
      expect(bad.status).to.equal(422);
      expect(bad.body.error.id).to.equal('validation_failed');
    });
  });
});
