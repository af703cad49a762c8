import { expect } from 'chai';
import type { Sequelize } from 'sequelize';
import { Appointment, AuditLog, type Department, type DoctorProfile, type User } from '../../server/models';
import type { QueueService } from '../../server/queue/commands/steps';
import { resetDatabase, testDatabase } from '../support/db';
import { makeAppointment, makeQueueEntry, makeSlot } from '../support/clinic-factories';
import {
  at,
  clinicWithDoctors,
  fresh,
  frontDesk,
  key,
  queueService,
  refusal,
  TestClock,
  type RecordingNotifier,
} from '../support/queue';

describe('queue steps', () => {
  let sequelize: Sequelize;
  let service: QueueService;
  let notifier: RecordingNotifier;
  let clock: TestClock;
  let department: Department;
  let drA: { doctor: DoctorProfile; user: User };
  let drB: { doctor: DoctorProfile; user: User };
  let reception: User;

  before(async () => {
    sequelize = (await testDatabase()).sequelize;
  });
  beforeEach(async () => {
    await resetDatabase();
    clock = new TestClock(at('10:00'));
    ({ service, notifier } = queueService(sequelize, clock));
    const clinic = await clinicWithDoctors(2, { prefix: 'C' });
    department = clinic.department;
    [drA, drB] = clinic.doctors;
    ({ reception } = await frontDesk());
  });

  /** A walk-in checked in at local `time` (the clock is put back afterwards). */
  async function walkIn(time: string, extra: { doctorId?: number; priority?: 'emergency' | 'priority'; patientId?: number } = {}) {
    const saved = clock.current;
    clock.set(time);
    const entry = await service.checkInWalkIn({ departmentId: department.id, idempotencyKey: key(), ...extra }, extra.patientId ? reception : null);
    clock.current = saved;
    return entry;
  }

  /** An appointment with doctor A at local `slotTime`, checked in at local `time`. */
  async function appointmentHolder(slotTime: string, time: string) {
    const slot = await makeSlot(drA.doctor.id, { startsAt: at(slotTime) });
    const appointment = await makeAppointment(slot);
    const saved = clock.current;
    clock.set(time);
    const entry = await service.checkInAppointment({ bookingCode: appointment.bookingCode, idempotencyKey: key() }, null);
    clock.current = saved;
    return entry;
  }

  describe('call next', () => {
    it('calls by the ordering rule: class, then due appointments, then arrival', async () => {
      const walk = await walkIn('09:00');
      const due = await appointmentHolder('09:45', '09:40');
      const early = await appointmentHolder('10:15', '09:20');
      const priority = await walkIn('09:50', { priority: 'priority' });
      const emergency = await walkIn('09:55', { priority: 'emergency' });

      const called: string[] = [];
      for (let i = 0; i < 5; i++) {
        const entry = await service.callNext(drA.doctor.id, drA.user);
        called.push(entry.token);
        await service.complete(entry.id, entry.version, drA.user);
      }
      expect(called).to.deep.equal([emergency.token, priority.token, due.token, walk.token, early.token]);
    });

    it("calls the doctor's own and the department's shared entries, never another doctor's", async () => {
      const forB = await walkIn('09:00', { doctorId: drB.doctor.id });
      const shared = await walkIn('09:10');
      const forA = await walkIn('09:20', { doctorId: drA.doctor.id });
      await walkIn('08:00', { doctorId: drB.doctor.id });

      const first = await service.callNext(drA.doctor.id, drA.user);
      expect(first.id).to.equal(shared.id);
      expect(first.doctorId).to.equal(drA.doctor.id);
      expect(first.status).to.equal('called');
      expect(first.calledAt!.toISOString()).to.equal(at('10:00').toISOString());
      expect(first.firstCalledAt!.toISOString()).to.equal(at('10:00').toISOString());
      await service.complete(first.id, first.version, drA.user);
      expect((await service.callNext(drA.doctor.id, drA.user)).id).to.equal(forA.id);
      expect((await fresh(forB)).status).to.equal('waiting');
    });

    it('refuses while the doctor has a patient called or in consultation (doctor_busy), naming the token', async () => {
      await walkIn('09:00');
      await walkIn('09:10');
      const first = await service.callNext(drA.doctor.id, drA.user);
      const busy = await refusal(service.callNext(drA.doctor.id, drA.user));
      expect([busy.status, busy.id]).to.deep.equal([409, 'doctor_busy']);
      expect(busy.message).to.contain(first.token);
      expect(busy.message).to.contain('no-show');

      const started = await service.startConsultation(first.id, first.version, drA.user);
      const stillBusy = await refusal(service.callNext(drA.doctor.id, drA.user));
      expect(stillBusy.id).to.equal('doctor_busy');
      expect(stillBusy.message).to.contain('in consultation');

      await service.complete(started.id, started.version, drA.user);
      expect((await service.callNext(drA.doctor.id, drA.user)).status).to.equal('called');
    });

    it('says so when nobody is waiting (queue_empty)', async () => {
      const empty = await refusal(service.callNext(drA.doctor.id, drA.user));
      expect([empty.status, empty.id, empty.message]).to.deep.equal([409, 'queue_empty', 'No one is waiting for you right now.']);
      expect(await AuditLog.count()).to.equal(0);
      expect(notifier.announced).to.deep.equal([]);
    });

    it('lets two doctors of one department take different shared entries', async () => {
      const one = await walkIn('09:00');
      const two = await walkIn('09:05');
      const a = await service.callNext(drA.doctor.id, drA.user);
      const b = await service.callNext(drB.doctor.id, drB.user);
      expect([a.id, b.id]).to.deep.equal([one.id, two.id]);
      expect([a.doctorId, b.doctorId]).to.deep.equal([drA.doctor.id, drB.doctor.id]);
    });

    it('ignores entries of other clinic days', async () => {
      await makeQueueEntry({ departmentId: department.id, clinicDay: '2026-12-01', sequence: 1 });
      expect((await refusal(service.callNext(drA.doctor.id, drA.user))).id).to.equal('queue_empty');
    });

    it('takes the doctor from the signed-in doctor when none is named', async () => {
      const entry = await walkIn('09:00');
      expect((await service.callNext(undefined, drA.user)).id).to.equal(entry.id);
      const none = await refusal(service.callNext(undefined, reception));
      expect([none.status, none.id]).to.deep.equal([422, 'validation_failed']);
    });
  });

  describe('steps on one entry', () => {
    it('recalls, counting and announcing each recall, and stamps every step', async () => {
      await walkIn('09:00');
      let entry = await service.callNext(drA.doctor.id, drA.user);
      clock.advance(2);
      entry = await service.recall(entry.id, entry.version, drA.user);
      clock.advance(1);
      entry = await service.recall(entry.id, entry.version, drA.user);
      expect(entry.recallCount).to.equal(2);
      expect(entry.calledAt!.toISOString()).to.equal(at('10:03').toISOString());
      expect(entry.firstCalledAt!.toISOString()).to.equal(at('10:00').toISOString());
      expect(notifier.announced.map((c) => c.called?.recallCount)).to.deep.equal([undefined, 0, 1, 2]);

      clock.advance(2);
      entry = await service.startConsultation(entry.id, entry.version, drA.user);
      expect(entry.consultationStartedAt!.toISOString()).to.equal(at('10:05').toISOString());
      clock.advance(10);
      entry = await service.complete(entry.id, entry.version, drA.user);
      expect(entry.status).to.equal('completed');
      expect(entry.completedAt!.toISOString()).to.equal(at('10:15').toISOString());
    });

    it('refuses a step on a stale version (stale) and an impossible step (invalid_transition)', async () => {
      const waiting = await walkIn('09:00');
      const called = await service.callNext(drA.doctor.id, drA.user);
      expect(called.version).to.equal(waiting.version + 1);

      const stale = await refusal(service.skip(called.id, waiting.version, drA.user));
      expect([stale.status, stale.id]).to.deep.equal([409, 'stale']);
      expect(stale.message).to.equal("This patient's status changed on another screen. The list has been refreshed.");

      const impossible = await refusal(service.returnToQueue(called.id, called.version, drA.user));
      expect([impossible.status, impossible.id]).to.deep.equal([409, 'invalid_transition']);
      expect(impossible.message).to.equal(`${called.token} has already been called, so it cannot be returned to the queue.`);

      const unknown = await refusal(service.skip(999_999, 0, drA.user));
      expect(unknown.status).to.equal(404);
      const after = await fresh(called);
      expect([after.status, after.version]).to.deep.equal(['called', called.version]);
    });

    it('skips a no-show and returns them to their original place in the queue', async () => {
      const first = await walkIn('09:00');
      const second = await walkIn('09:10');
      const called = await service.callNext(drA.doctor.id, drA.user);
      expect(called.id).to.equal(first.id);
      clock.advance(5);
      const skipped = await service.skip(called.id, called.version, drA.user);
      expect(skipped.status).to.equal('skipped');
      expect(skipped.skippedAt!.toISOString()).to.equal(at('10:05').toISOString());

      const back = await service.returnToQueue(skipped.id, skipped.version, reception);
      expect(back.status).to.equal('waiting');
      expect(back.checkedInAt.toISOString()).to.equal(first.checkedInAt.toISOString());
      // Back ahead of the patient who came after them.
      expect((await service.callNext(drA.doctor.id, drA.user)).id).to.equal(first.id);
      expect((await fresh(second)).status).to.equal('waiting');
    });

    it('calls a specific token out of order, for the doctor it is for', async () => {
      await walkIn('09:00');
      const later = await walkIn('09:30');
      const forB = await walkIn('09:40', { doctorId: drB.doctor.id });

      const called = await service.callToken(later.id, later.version, drA.doctor.id, drA.user);
      expect([called.status, called.doctorId]).to.deep.equal(['called', drA.doctor.id]);
      expect(notifier.announced.at(-1)!.called!.id).to.equal(later.id);

      const wrong = await refusal(service.callToken(forB.id, forB.version, drA.doctor.id, reception));
      expect([wrong.status, wrong.id]).to.deep.equal([409, 'wrong_doctor']);
      const byB = await service.callToken(forB.id, forB.version, drB.doctor.id, reception);
      expect([byB.status, byB.doctorId]).to.deep.equal(['called', drB.doctor.id]);

      const another = await walkIn('09:50');
      const busy = await refusal(service.callToken(another.id, another.version, drA.doctor.id, drA.user));
      expect([busy.status, busy.id]).to.deep.equal([409, 'doctor_busy']);
      const done = await service.callToken(later.id, called.version, drA.doctor.id, drA.user).catch((e) => e);
      expect(done.id).to.equal('invalid_transition');
    });

    it('cancels (staff) and cancels the appointment with it', async () => {
      const entry = await appointmentHolder('10:30', '10:00');
      const cancelled = await service.cancel(entry.id, entry.version, reception);
      expect(cancelled.status).to.equal('cancelled');
      expect(cancelled.cancelledAt!.toISOString()).to.equal(at('10:00').toISOString());
      expect((await Appointment.findByPk(entry.appointmentId!))!.status).to.equal('cancelled');
    });

    it('moves the appointment along: in consultation, then completed', async () => {
      const entry = await appointmentHolder('10:00', '09:50');
      const called = await service.callNext(drA.doctor.id, drA.user);
      const started = await service.startConsultation(called.id, called.version, drA.user);
      expect((await Appointment.findByPk(entry.appointmentId!))!.status).to.equal('in_consultation');
      await service.complete(started.id, started.version, drA.user);
      expect((await Appointment.findByPk(entry.appointmentId!))!.status).to.equal('completed');
    });
  });
});
