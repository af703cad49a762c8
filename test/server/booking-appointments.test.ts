import { expect } from 'chai';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Sequelize } from 'sequelize';
import { Appointment, AuditLog, Department, type DoctorProfile, type Patient } from '../../server/models';
import { AppointmentService } from '../../server/services/appointments';
import { agentsByRole, dayFromToday, slotAt, slotSoon, TEST_ZONE } from '../support/admin';
import { makeAppointment, makeDoctor, makePatient } from '../support/clinic-factories';
import { resetDatabase, testDatabase } from '../support/db';
import type { Agent } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

describe('appointments at the desk: book, cancel, reschedule, no-show, confirmation', () => {
  let server: TestServer;
  let reception: Agent;
  let receptionId: number;
  let doctor: DoctorProfile;
  let patient: Patient;

  before(async () => {
    await resetDatabase();
    server = await startTestServer();
    const agents = await agentsByRole(server);
    reception = agents.reception.agent;
    receptionId = agents.reception.user.id;
  });
  beforeEach(async () => {
    doctor = await makeDoctor();
    patient = await makePatient({ fullName: 'Bea Booked' });
  });
  after(() => server.close());

  it('books a free slot: a booking code, the appointment, and an audit entry with the patient', async () => {
    const slot = await slotAt(doctor, dayFromToday(3), '10:15');
    const res = await reception.post('/api/appointments', { slotId: slot.id, patientId: patient.id, reason: 'Follow-up' });
    expect(res.status).to.equal(201);
    const appointment = res.body.appointment;
    expect(appointment.bookingCode).to.match(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(appointment).to.deep.include({ status: 'booked', slotId: slot.id, reason: 'Follow-up', startsAt: slot.startsAt.toISOString() });
    expect(appointment.patient).to.include({ id: patient.id, fullName: 'Bea Booked' });
    expect(appointment.doctor.id).to.equal(doctor.id);
    expect(appointment.confirmationUrl).to.equal(`/appointments/${appointment.id}/confirmation`);
    const entry = await AuditLog.findOne({ where: { action: 'appointment.book', entityId: String(appointment.id) } });
    expect(entry).to.deep.include({ userId: receptionId, patientId: patient.id });
    expect((await reception.get(`/api/appointments/${appointment.id}`)).body.appointment.bookingCode).to.equal(appointment.bookingCode);
  });

  it('refuses a taken slot (slot_taken), a past one (slot_past), a closed department\'s (slot_unavailable), unknown ones (404), bad input (422)', async () => {
    const slot = await slotAt(doctor);
    expect((await reception.post('/api/appointments', { slotId: slot.id, patientId: patient.id })).status).to.equal(201);
    const again = await reception.post('/api/appointments', { slotId: slot.id, patientId: (await makePatient()).id });
    expect(again.status).to.equal(409);
    expect(again.body.error).to.deep.equal({ id: 'slot_taken', message: 'That time has just been taken. Please choose another.' });

    const past = await slotAt(doctor, dayFromToday(-1));
    const late = await reception.post('/api/appointments', { slotId: past.id, patientId: patient.id });
    expect(late.status).to.equal(409);
    expect(late.body.error.id).to.equal('slot_past');

    const closedDoctor = await makeDoctor();
    const closedSlot = await slotAt(closedDoctor, dayFromToday(4));
    await Department.update({ active: false }, { where: { id: closedDoctor.departmentId } });
    const closed = await reception.post('/api/appointments', { slotId: closedSlot.id, patientId: patient.id });
    expect(closed.status).to.equal(409);
    expect(closed.body.error.id).to.equal('slot_unavailable');

    expect((await reception.post('/api/appointments', { slotId: 999999, patientId: patient.id })).status).to.equal(404);
    const free = await slotAt(doctor, dayFromToday(4));
    expect((await reception.post('/api/appointments', { slotId: free.id, patientId: 999999 })).status).to.equal(404);
    const bad = await reception.post('/api/appointments', { patientId: 'someone', reason: 'x'.repeat(300) });
    expect(bad.status).to.equal(422);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).to.have.members(['slotId', 'patientId', 'reason']);
  });

  it('cancels with a reason, after which the slot can be booked again', async () => {
    const slot = await slotAt(doctor, dayFromToday(5));
    const first = (await reception.post('/api/appointments', { slotId: slot.id, patientId: patient.id })).body.appointment;
    const noReason = await reception.post(`/api/appointments/${first.id}/cancel`, { reason: ' ' });
    expect(noReason.status).to.equal(422);
    expect(noReason.body.error.fields[0].path).to.equal('reason');

    const cancelled = await reception.post(`/api/appointments/${first.id}/cancel`, { reason: 'Feeling better' });
    expect(cancelled.status).to.equal(200);
    expect(cancelled.body.appointment).to.include({ status: 'cancelled', cancellationReason: 'Feeling better' });
    const twice = await reception.post(`/api/appointments/${first.id}/cancel`, { reason: 'Again' });
    expect(twice.status).to.equal(409);
    expect(twice.body.error.id).to.equal('invalid_transition');

    const rebooked = await reception.post('/api/appointments', { slotId: slot.id, patientId: (await makePatient()).id });
    expect(rebooked.status).to.equal(201);
    expect(await Appointment.count({ where: { slotId: slot.id } })).to.equal(2);
    expect(await Appointment.count({ where: { slotId: slot.id, active: true } })).to.equal(1);
  });

  it('reschedules to another free slot (any doctor), keeping the code and freeing the old slot; a taken one is refused', async () => {
    const [from, to, taken] = [await slotAt(doctor, dayFromToday(6)), await slotAt(await makeDoctor(), dayFromToday(7)), await slotAt(doctor, dayFromToday(8))];
    const appointment = (await reception.post('/api/appointments', { slotId: from.id, patientId: patient.id })).body.appointment;
    await reception.post('/api/appointments', { slotId: taken.id, patientId: (await makePatient()).id });

    const clash = await reception.post(`/api/appointments/${appointment.id}/reschedule`, { slotId: taken.id });
    expect(clash.status).to.equal(409);
    expect(clash.body.error.id).to.equal('slot_taken');
    expect((await Appointment.findByPk(appointment.id))!.slotId).to.equal(from.id);

    const moved = await reception.post(`/api/appointments/${appointment.id}/reschedule`, { slotId: to.id });
    expect(moved.status).to.equal(200);
    expect(moved.body.appointment).to.deep.include({ slotId: to.id, bookingCode: appointment.bookingCode, status: 'booked' });
    expect(moved.body.appointment.doctor.id).to.equal(to.doctorId);
    expect((await reception.post('/api/appointments', { slotId: from.id, patientId: (await makePatient()).id })).status).to.equal(201);

    const same = await reception.post(`/api/appointments/${appointment.id}/reschedule`, { slotId: to.id });
    expect(same.status).to.equal(422);
    const audit = await AuditLog.findOne({ where: { action: 'appointment.reschedule', entityId: String(appointment.id) } });
    expect(audit!.details).to.deep.include({ fromSlotId: from.id, toSlotId: to.id });
  });

  it('marks a no-show once the time has come, never before, freeing the slot', async () => {
    const soon = await slotAt(doctor, dayFromToday(2));
    const early = (await reception.post('/api/appointments', { slotId: soon.id, patientId: patient.id })).body.appointment;
    const tooEarly = await reception.post(`/api/appointments/${early.id}/no-show`);
    expect(tooEarly.status).to.equal(409);
    expect(tooEarly.body.error.id).to.equal('too_early');

    const gone = await slotAt(doctor, dayFromToday(0), '00:00');
    const missed = await makeAppointment(gone, { patientId: patient.id });
    const res = await reception.post(`/api/appointments/${missed.id}/no-show`);
    expect(res.status).to.equal(200);
    expect(res.body.appointment.status).to.equal('no_show');
    expect((await Appointment.findByPk(missed.id))!.active).to.equal(null);
  });

  it('lists appointments by doctor and days, a page at a time', async () => {
    for (const days of [3, 4, 5]) {
      const slot = await slotAt(doctor, dayFromToday(days), '11:00');
      await reception.post('/api/appointments', { slotId: slot.id, patientId: patient.id });
    }
    const res = await reception.get(`/api/appointments?doctorId=${doctor.id}&from=${dayFromToday(4)}&to=${dayFromToday(5)}&pageSize=1`);
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ total: 2, page: 1, pageSize: 1 });
    expect(res.body.appointments[0].startsAt.slice(0, 10)).to.equal(dayFromToday(4));
    expect((await reception.get('/api/appointments?from=2026-13-01')).status).to.equal(422);
  });

  it('prints a confirmation whose QR code holds the booking code, which the kiosk accepts', async () => {
    const slot = await slotSoon(doctor, 5);
    const appointment = (await reception.post('/api/appointments', { slotId: slot.id, patientId: patient.id })).body.appointment;
    const page = await reception.request('GET', appointment.confirmationUrl);
    expect(page.status).to.equal(200);
    expect(page.headers.get('content-type')).to.contain('text/html');
    const html = page.body as string;
    expect(html).to.contain(appointment.bookingCode).and.to.contain('Bea Booked').and.to.contain('Test Clinic');

    // Handlebars escapes the base64 padding (=) as &#x3D;, which the browser reads back as =.
    const base64 = /src="data:image\/png;base64,([^"]+)"/.exec(html)![1].replace(/&#x3D;/g, '=');
    const png = PNG.sync.read(Buffer.from(base64, 'base64'));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).to.equal(appointment.bookingCode);

    const checkIn = await reception.post('/api/queue/check-in/appointment', { bookingCode: decoded!.data, idempotencyKey: `confirm-${appointment.id}` });
    expect(checkIn.status).to.equal(201);
    expect((await Appointment.findByPk(appointment.id))!.status).to.equal('checked_in');
  });

  it('draws a new booking code when the first one clashes with an existing booking', async () => {
    const { sequelize } = (await testDatabase()) as { sequelize: Sequelize };
    const existing = await makeAppointment(await slotAt(doctor, dayFromToday(9)), { bookingCode: 'CLASH2' });
    const codes = ['CLASH2', 'CLASH2', 'FRESH3'];
    const service = new AppointmentService(sequelize, () => TEST_ZONE, () => new Date(), () => codes.shift()!);
    const slot = await slotAt(doctor, dayFromToday(10));
    const booked = await service.book({ slotId: slot.id, patientId: patient.id }, { userId: receptionId, ip: '127.0.0.1' });
    expect(booked.bookingCode).to.equal('FRESH3');
    expect(codes).to.deep.equal([]);
    expect(existing.bookingCode).to.equal('CLASH2');
    expect(await Appointment.count({ where: { slotId: slot.id } })).to.equal(1);
  });
});
