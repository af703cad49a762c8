import { expect } from 'chai';
import type { Sequelize } from 'sequelize';
import { Appointment, AuditLog, QueueCounter, QueueEntry, type DoctorProfile } from '../../server/models';
import type { QueueService } from '../../server/queue/commands/steps';
import { resetDatabase, testDatabase } from '../support/db';
import { makeAppointment, makeDoctor, makePatient, makeSlot } from '../support/clinic-factories';
import { createDepartment, createStaff } from '../support/factories';
import { at, DAY, key, queueService, refusal, TestClock, type RecordingNotifier } from '../support/queue';

describe('queue check-in', () => {
  let sequelize: Sequelize;
  let service: QueueService;
  let notifier: RecordingNotifier;
  let clock: TestClock;

  before(async () => {
    sequelize = (await testDatabase()).sequelize;
  });
  beforeEach(async () => {
    await resetDatabase();
    clock = new TestClock(at('10:00'));
    ({ service, notifier } = queueService(sequelize, clock));
  });

  describe('walk-in tokens', () => {
    it('numbers tokens C-001, C-002, C-003 per department and clinic day', async () => {
      const cardio = await createDepartment({ prefix: 'C' });
      const derma = await createDepartment({ prefix: 'D' });
      const tokens = [];
      for (let i = 0; i < 3; i++) tokens.push((await service.checkInWalkIn({ departmentId: cardio.id, idempotencyKey: key() }, null)).token);
      const other = await service.checkInWalkIn({ departmentId: derma.id, idempotencyKey: key() }, null);

      expect(tokens).to.deep.equal(['C-001', 'C-002', 'C-003']);
      expect(other.token).to.equal('D-001');
      const first = await QueueEntry.findOne({ where: { token: 'C-001' } });
      expect(first!.clinicDay).to.equal(DAY);
      expect(first!.status).to.equal('waiting');
      expect(first!.priority).to.equal('normal');
      expect(first!.checkedInAt.toISOString()).to.equal(at('10:00').toISOString());
      expect(first!.publicCode).to.match(/^[A-Za-z0-9_-]{22}$/);
      expect((await QueueCounter.findOne({ where: { departmentId: cardio.id } }))!.lastSequence).to.equal(3);
    });

    it('restarts numbering on the next clinic day in the clinic zone, not at UTC midnight', async () => {
      const department = await createDepartment({ prefix: 'C' });
      // 23:30 and 00:30 in New York are both on 3 December in UTC, but on two different clinic days.
      clock.set('23:30', '2026-12-02');
      const late = await service.checkInWalkIn({ departmentId: department.id, idempotencyKey: key() }, null);
      const later = await service.checkInWalkIn({ departmentId: department.id, idempotencyKey: key() }, null);
      clock.set('00:30', '2026-12-03');
      const next = await service.checkInWalkIn({ departmentId: department.id, idempotencyKey: key() }, null);

      expect(late.checkedInAt.toISOString().slice(0, 10)).to.equal(next.checkedInAt.toISOString().slice(0, 10));
      expect([late.token, late.clinicDay]).to.deep.equal(['C-001', '2026-12-02']);
      expect([later.token, later.clinicDay]).to.deep.equal(['C-002', '2026-12-02']);
      expect([next.token, next.clinicDay]).to.deep.equal(['C-001', '2026-12-03']);
    });

    it('goes past 999 with more digits', async () => {
      const department = await createDepartment({ prefix: 'C' });
      await QueueCounter.create({ departmentId: department.id, clinicDay: DAY, lastSequence: 999 });
      const entry = await service.checkInWalkIn({ departmentId: department.id, idempotencyKey: key() }, null);
      expect([entry.sequence, entry.token]).to.deep.equal([1000, 'C-1000']);
    });

    it('gives a retried request (same idempotency key) the same ticket and no new number', async () => {
      const department = await createDepartment({ prefix: 'C' });
      const k = key();
      const first = await service.checkInWalkIn({ departmentId: department.id, idempotencyKey: k }, null);
      const retry = await service.checkInWalkIn({ departmentId: department.id, idempotencyKey: k }, null);
      expect(retry.id).to.equal(first.id);
      expect(retry.token).to.equal('C-001');
      expect(await QueueEntry.count()).to.equal(1);
      expect(notifier.announced).to.have.length(1);
    });

    it('gives racing retries with one key one ticket, without using up a number', async () => {
      const department = await createDepartment({ prefix: 'C' });
      const k = key();
      const results = await Promise.all(
        Array.from({ length: 6 }, () => service.checkInWalkIn({ departmentId: department.id, idempotencyKey: k }, null)),
      );
      expect(new Set(results.map((r) => r.id)).size).to.equal(1);
      expect(await QueueEntry.count()).to.equal(1);
      expect((await QueueCounter.findOne({ where: { departmentId: department.id } }))!.lastSequence).to.equal(1);
      const next = await service.checkInWalkIn({ departmentId: department.id, idempotencyKey: key() }, null);
      expect(next.token).to.equal('C-002');
    });

    it('takes a named doctor of the department and a priority class with its reason', async () => {
      const department = await createDepartment({ prefix: 'C' });
      const doctor = await makeDoctor({ departmentId: department.id });
      const entry = await service.checkInWalkIn(
        { departmentId: department.id, doctorId: doctor.id, priority: 'priority', priorityReason: 'pregnant', idempotencyKey: key() },
        null,
      );
      expect([entry.doctorId, entry.priority, entry.priorityReason]).to.deep.equal([doctor.id, 'priority', 'pregnant']);
      expect(notifier.announced).to.deep.equal([{ departmentIds: [department.id] }]);
    });

    it('refuses an unknown or closed department, a doctor of another department, and a reason without priority', async () => {
      const department = await createDepartment({ prefix: 'C' });
      const closed = await createDepartment({ name: 'Radiology', active: false });
      const elsewhere = await makeDoctor();

      const unknown = await refusal(service.checkInWalkIn({ departmentId: 999_999, idempotencyKey: key() }, null));
      expect([unknown.status, unknown.id]).to.deep.equal([404, 'not_found']);

      const shut = await refusal(service.checkInWalkIn({ departmentId: closed.id, idempotencyKey: key() }, null));
      expect([shut.status, shut.id]).to.deep.equal([409, 'department_closed']);
      expect(shut.message).to.contain('Radiology is not taking patients');

      const wrongDoctor = await refusal(
        service.checkInWalkIn({ departmentId: department.id, doctorId: elsewhere.id, idempotencyKey: key() }, null),
      );
      expect([wrongDoctor.status, wrongDoctor.id]).to.deep.equal([422, 'invalid_reference']);

      const reason = await refusal(
        service.checkInWalkIn({ departmentId: department.id, priorityReason: 'elderly', idempotencyKey: key() }, null),
      );
      expect([reason.status, reason.id]).to.deep.equal([422, 'validation_failed']);

      expect(await QueueEntry.count()).to.equal(0);
      expect(await QueueCounter.count()).to.equal(0);
      expect(notifier.announced).to.deep.equal([]);
    });

    it('lets only staff attach a registered patient, and audits check-ins that concern a patient', async () => {
      const department = await createDepartment({ prefix: 'C' });
      const patient = await makePatient();
      const reception = (await createStaff({ role: 'reception' })).user;

      const kiosk = await refusal(
        service.checkInWalkIn({ departmentId: department.id, patientId: patient.id, idempotencyKey: key() }, null),
      );
      expect([kiosk.status, kiosk.id]).to.deep.equal([403, 'forbidden']);

      await service.checkInWalkIn({ departmentId: department.id, idempotencyKey: key() }, null);
      const desk = await service.checkInWalkIn({ departmentId: department.id, patientId: patient.id, idempotencyKey: key() }, reception);
      expect(desk.patientId).to.equal(patient.id);

      const rows = await AuditLog.findAll();
      expect(rows).to.have.length(1);
      expect(rows[0].action).to.equal('queue.check_in');
      expect([rows[0].userId, rows[0].patientId, rows[0].entityType, rows[0].entityId]).to.deep.equal([
        reception.id,
        patient.id,
        'queue_entry',
        String(desk.id),
      ]);
    });
  });

  describe('appointments', () => {
    let doctor: DoctorProfile;

    beforeEach(async () => {
      const department = await createDepartment({ prefix: 'G' });
      doctor = await makeDoctor({ departmentId: department.id });
    });

    async function booking(time: string, day = DAY, patient?: { phone?: string; dateOfBirth?: string }) {
      const slot = await makeSlot(doctor.id, { startsAt: at(time, day) });
      const p = await makePatient({ phone: patient?.phone ?? null, dateOfBirth: patient?.dateOfBirth ?? '1980-01-01' });
      return makeAppointment(slot, { patientId: p.id });
    }

    it('checks in by booking code: links the entry and marks the appointment checked in', async () => {
      const appointment = await booking('10:30');
      const entry = await service.checkInAppointment(
        { bookingCode: ` ${appointment.bookingCode.toLowerCase()} `, idempotencyKey: key() },
        null,
      );
      expect(entry.token).to.equal('G-001');
      expect([entry.appointmentId, entry.patientId, entry.doctorId, entry.departmentId]).to.deep.equal([
        appointment.id,
        appointment.patientId,
        doctor.id,
        doctor.departmentId,
      ]);
      expect(entry.appointment!.slot!.startsAt.toISOString()).to.equal(at('10:30').toISOString());
      const after = await Appointment.findByPk(appointment.id);
      expect(after!.status).to.equal('checked_in');
      const audit = await AuditLog.findOne({ where: { action: 'queue.check_in' } });
      expect([audit!.userId, audit!.patientId]).to.deep.equal([null, appointment.patientId]);
    });

    it('checks in by phone and date of birth, whatever way the number is written', async () => {
      const appointment = await booking('11:00', DAY, { phone: '+1 (212) 555-0142', dateOfBirth: '1975-06-30' });
      await booking('11:15', DAY, { phone: '+1 212 555 0199', dateOfBirth: '1975-06-30' });
      const entry = await service.checkInAppointment(
        { phone: '1-212-555-0142', dateOfBirth: '1975-06-30', idempotencyKey: key() },
        null,
      );
      expect(entry.appointmentId).to.equal(appointment.id);
    });

    it('allows check-in from 60 minutes before the slot and refuses earlier, saying from when', async () => {
      const appointment = await booking('14:30');
      clock.set('13:29');
      const early = await refusal(service.checkInAppointment({ bookingCode: appointment.bookingCode, idempotencyKey: key() }, null));
      expect([early.status, early.id]).to.deep.equal([409, 'too_early']);
      expect(early.message).to.equal('Your appointment is at 14:30. Please check in from 13:30.');
      expect((await Appointment.findByPk(appointment.id))!.status).to.equal('booked');

      clock.set('13:30');
      const entry = await service.checkInAppointment({ bookingCode: appointment.bookingCode, idempotencyKey: key() }, null);
      expect(entry.appointmentId).to.equal(appointment.id);
    });

    it('refuses the wrong day, naming the appointment date', async () => {
      const tomorrow = await booking('09:00', '2026-12-03');
      const future = await refusal(service.checkInAppointment({ bookingCode: tomorrow.bookingCode, idempotencyKey: key() }, null));
      expect([future.status, future.id]).to.deep.equal([409, 'wrong_day']);
      expect(future.message).to.equal('Your appointment is on Thursday 3 December 2026 at 09:00, not today. Please check in on that day.');

      const yesterday = await booking('16:00', '2026-12-01');
      const past = await refusal(service.checkInAppointment({ bookingCode: yesterday.bookingCode, idempotencyKey: key() }, null));
      expect(past.id).to.equal('wrong_day');
      expect(past.message).to.contain('Tuesday 1 December 2026');

      const byPhone = await booking('09:30', '2026-12-04', { phone: '020 7946 0000', dateOfBirth: '1990-02-03' });
      const phoned = await refusal(
        service.checkInAppointment({ phone: '02079460000', dateOfBirth: '1990-02-03', idempotencyKey: key() }, null),
      );
      expect(phoned.id).to.equal('wrong_day');
      expect(phoned.message).to.contain('Friday 4 December 2026');
      expect((await Appointment.findByPk(byPhone.id))!.status).to.equal('booked');
    });

    it('refuses a cancelled appointment and answers an unknown code with a friendly 404', async () => {
      const appointment = await booking('10:15');
      await appointment.update({ status: 'cancelled' });
      const cancelled = await refusal(service.checkInAppointment({ bookingCode: appointment.bookingCode, idempotencyKey: key() }, null));
      expect([cancelled.status, cancelled.id]).to.deep.equal([409, 'appointment_cancelled']);

      const unknown = await refusal(service.checkInAppointment({ bookingCode: 'ZZZ999', idempotencyKey: key() }, null));
      expect([unknown.status, unknown.id]).to.deep.equal([404, 'not_found']);
      expect(unknown.message).to.contain('ZZZ999');
      expect(unknown.message).to.contain('reception desk');

      const nobody = await refusal(
        service.checkInAppointment({ phone: '555 0100 200', dateOfBirth: '2001-01-01', idempotencyKey: key() }, null),
      );
      expect(nobody.status).to.equal(404);
      expect(await QueueEntry.count()).to.equal(0);
    });

    it('returns the existing entry when the appointment is already checked in', async () => {
      const appointment = await booking('10:30');
      const first = await service.checkInAppointment({ bookingCode: appointment.bookingCode, idempotencyKey: key() }, null);
      const again = await service.checkInAppointment({ bookingCode: appointment.bookingCode, idempotencyKey: key() }, null);
      expect(again.id).to.equal(first.id);
      expect(await QueueEntry.count()).to.equal(1);
      expect((await QueueCounter.findOne())!.lastSequence).to.equal(1);
    });

    it('gives simultaneous check-ins of one appointment (different keys) one entry', async () => {
      const appointment = await booking('10:30');
      const results = await Promise.all(
        Array.from({ length: 5 }, () => service.checkInAppointment({ bookingCode: appointment.bookingCode, idempotencyKey: key() }, null)),
      );
      expect(new Set(results.map((r) => r.id)).size).to.equal(1);
      expect(await QueueEntry.count()).to.equal(1);
    });
  });
});
