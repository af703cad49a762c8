import { expect } from 'chai';
import type { Sequelize } from 'sequelize';
import { AuditLog, QueueEntry, type Department, type DoctorProfile, type User } from '../../server/models';
import type { QueueService } from '../../server/queue/commands/steps';
import { resetDatabase, testDatabase } from '../support/db';
import { makeAppointment, makeDoctor, makePatient, makeSlot } from '../support/clinic-factories';
import { createDepartment } from '../support/factories';
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

describe('queue steps: transfer, cancel from the ticket, complete and call next, roles, audit', () => {
  let sequelize: Sequelize;
  let service: QueueService;
  let notifier: RecordingNotifier;
  let clock: TestClock;
  let department: Department;
  let drA: { doctor: DoctorProfile; user: User };
  let drB: { doctor: DoctorProfile; user: User };
  let reception: User;
  let admin: User;

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
    ({ reception, admin } = await frontDesk());
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

  describe('transfer', () => {
    it('keeps the check-in time, gives a new token from the target department and a new public code', async () => {
      const radiology = await createDepartment({ prefix: 'R' });
      await service.checkInWalkIn({ departmentId: radiology.id, idempotencyKey: key() }, null);
      const patient = await makePatient();
      const entry = await walkIn('09:00', { patientId: patient.id, priority: 'priority' });
      const called = await service.callNext(drA.doctor.id, drA.user);
      const started = await service.startConsultation(called.id, called.version, drA.user);
      clock.advance(7);

      const moved = await service.transfer(
        started.id,
        started.version,
        { toDepartmentId: radiology.id, reason: 'Needs an X-ray' },
        drA.user,
      );
      expect(moved.id).to.not.equal(entry.id);
      expect([moved.token, moved.departmentId, moved.doctorId, moved.status]).to.deep.equal(['R-002', radiology.id, null, 'waiting']);
      expect(moved.checkedInAt.toISOString()).to.equal(entry.checkedInAt.toISOString());
      expect([moved.transferredFromId, moved.patientId, moved.priority]).to.deep.equal([entry.id, patient.id, 'priority']);
      expect(moved.publicCode).to.not.equal(entry.publicCode);

      const old = await fresh(entry);
      expect(old.status).to.equal('transferred');
      expect(old.transferredAt!.toISOString()).to.equal(at('10:07').toISOString());
      expect(notifier.announced.at(-1)).to.deep.equal({ departmentIds: [department.id, radiology.id] });

      // The patient's old ticket link leads to the new entry.
      expect((await service.findByPublicCode(entry.publicCode))!.id).to.equal(moved.id);
      expect(await service.findByPublicCode('no-such-code')).to.equal(null);
      const audit = await AuditLog.findOne({ where: { action: 'queue.transfer' } });
      expect(audit!.details).to.include({ reason: 'Needs an X-ray', toToken: 'R-002' });
    });

    it("to a doctor lands in the doctor's department, linked to the same appointment", async () => {
      const other = await makeDoctor();
      const entry = await appointmentHolder('10:00', '09:55');
      const moved = await service.transfer(entry.id, entry.version, { toDoctorId: other.id, reason: 'Specialist' }, reception);
      expect([moved.departmentId, moved.doctorId, moved.appointmentId]).to.deep.equal([other.departmentId, other.id, entry.appointmentId]);
      expect(moved.checkedInAt.toISOString()).to.equal(at('09:55').toISOString());
    });

    it("takes an anonymous walk-in's first name and phone along, for the next desk", async () => {
      const radiology = await createDepartment({ prefix: 'R' });
      await service.checkInWalkIn({ departmentId: department.id, idempotencyKey: key() }, null, { firstName: 'Ama', contactPhone: '0207 946 0000' });
      const called = await service.callNext(drA.doctor.id, drA.user);
      const moved = await service.transfer(called.id, called.version, { toDepartmentId: radiology.id, reason: 'Needs an X-ray' }, drA.user);
      expect([moved.firstName, moved.contactPhone]).to.deep.equal(['Ama', '0207 946 0000']);
    });

    it('refuses without a target or reason, and to the queue the entry is already in', async () => {
      const entry = await walkIn('09:00');
      const none = await refusal(service.transfer(entry.id, entry.version, { reason: 'x' }, reception));
      expect([none.status, none.id]).to.deep.equal([422, 'validation_failed']);
      const noReason = await refusal(service.transfer(entry.id, entry.version, { toDepartmentId: department.id, reason: ' ' }, reception));
      expect(noReason.status).to.equal(422);
      const same = await refusal(service.transfer(entry.id, entry.version, { toDepartmentId: department.id, reason: 'x' }, reception));
      expect([same.status, same.id]).to.deep.equal([409, 'same_queue']);
      expect(await QueueEntry.count()).to.equal(1);
    });
  });

  describe('cancel from the ticket page', () => {
    it('cancels a waiting, called or skipped entry by its public code, and nothing later', async () => {
      const waiting = await walkIn('09:00');
      const cancelled = await service.cancelByPublicCode(waiting.publicCode);
      expect(cancelled.status).to.equal('cancelled');
      const audit = await AuditLog.findOne({ where: { action: 'queue.cancel' } });
      expect([audit!.userId, audit!.details]).to.deep.equal([null, { token: waiting.token, by: 'patient' }]);

      await walkIn('09:10');
      const called = await service.callNext(drA.doctor.id, drA.user);
      expect((await service.cancelByPublicCode(called.publicCode)).status).to.equal('cancelled');

      await walkIn('09:20');
      const next = await service.callNext(drA.doctor.id, drA.user);
      const inRoom = await service.startConsultation(next.id, next.version, drA.user);
      const refused = await refusal(service.cancelByPublicCode(inRoom.publicCode));
      expect([refused.status, refused.id]).to.deep.equal([409, 'invalid_transition']);

      const unknown = await refusal(service.cancelByPublicCode('nope'));
      expect(unknown.status).to.equal(404);
    });
  });

  describe('complete and call next', () => {
    it('completes the visit and calls the next patient in one transaction, announced once', async () => {
      await walkIn('09:00');
      const second = await walkIn('09:10');
      const first = await service.callNext(drA.doctor.id, drA.user);
      notifier.reset();

      const { completed, called } = await service.completeAndCallNext(first.id, first.version, drA.user);
      expect(completed.status).to.equal('completed');
      expect(called!.id).to.equal(second.id);
      expect(called!.status).to.equal('called');
      expect(notifier.calls).to.equal(1);
      expect(notifier.announced).to.have.length(1);
      expect(notifier.announced[0].called!.id).to.equal(second.id);
      const actions = (await AuditLog.findAll({ order: [['id', 'ASC']] })).map((a) => a.action);
      expect(actions.slice(-2)).to.deep.equal(['queue.complete', 'queue.call_next']);
    });

    it('still completes when nobody is waiting', async () => {
      await walkIn('09:00');
      const first = await service.callNext(drA.doctor.id, drA.user);
      const { completed, called } = await service.completeAndCallNext(first.id, first.version, drA.user);
      expect([completed.status, called]).to.deep.equal(['completed', null]);
    });

    it('undoes everything when the work alongside fails: no rows, no announcement', async () => {
      await walkIn('09:00');
      const second = await walkIn('09:10');
      const first = await service.callNext(drA.doctor.id, drA.user);
      notifier.reset();
      const auditsBefore = await AuditLog.count();

      let thrown: unknown;
      try {
        await service.completeAndCallNext(first.id, first.version, drA.user, {
          alongside: async () => {
            throw new Error('record could not be signed');
          },
        });
      } catch (error) {
        thrown = error;
      }
      expect((thrown as Error).message).to.equal('record could not be signed');
      const after = await fresh(first);
      expect([after.status, after.version, after.completedAt]).to.deep.equal(['called', first.version, null]);
      expect((await fresh(second)).status).to.equal('waiting');
      expect(await AuditLog.count()).to.equal(auditsBefore);
      expect(notifier.announced).to.deep.equal([]);
    });
  });

  describe('roles', () => {
    it("keeps doctors to their own patients and their department's shared queue", async () => {
      const shared = await walkIn('09:00');
      const forB = await walkIn('09:10', { doctorId: drB.doctor.id });
      const otherDepartment = await makeDoctor();
      const foreign = await service.checkInWalkIn({ departmentId: otherDepartment.departmentId, idempotencyKey: key() }, null);

      expect((await refusal(service.cancel(forB.id, forB.version, drA.user))).status).to.equal(403);
      expect((await refusal(service.cancel(foreign.id, foreign.version, drA.user))).status).to.equal(403);
      expect((await refusal(service.callNext(drB.doctor.id, drA.user))).status).to.equal(403);
      expect((await refusal(service.callToken(forB.id, forB.version, drB.doctor.id, drA.user))).status).to.equal(403);
      expect((await service.cancel(shared.id, shared.version, drA.user)).status).to.equal('cancelled');
      expect((await fresh(forB)).status).to.equal('waiting');
    });

    it('lets reception and admins act for any doctor, and the public for nobody', async () => {
      const one = await walkIn('09:00');
      const two = await walkIn('09:10');
      expect((await service.callNext(drA.doctor.id, reception)).id).to.equal(one.id);
      expect((await service.callNext(drB.doctor.id, admin)).id).to.equal(two.id);

      const calledOne = await fresh(one);
      expect((await refusal(service.callNext(drA.doctor.id, null))).status).to.equal(403);
      expect((await refusal(service.recall(calledOne.id, calledOne.version, null))).status).to.equal(403);
      expect((await refusal(service.completeAndCallNext(calledOne.id, calledOne.version, null))).status).to.equal(403);
      expect((await refusal(service.transfer(calledOne.id, calledOne.version, { toDepartmentId: department.id, reason: 'x' }, null))).status).to.equal(403);
    });
  });

  describe('audit and announcements', () => {
    it('audits each step with the actor and the patient, in the same transaction', async () => {
      const patient = await makePatient();
      const entry = await walkIn('09:00', { patientId: patient.id });
      const called = await service.callNext(drA.doctor.id, drA.user);
      await service.skip(called.id, called.version, drA.user);

      const rows = await AuditLog.findAll({ order: [['id', 'ASC']] });
      expect(rows.map((r) => [r.action, r.userId, r.patientId, r.entityType, r.entityId])).to.deep.equal([
        ['queue.check_in', reception.id, patient.id, 'queue_entry', String(entry.id)],
        ['queue.call_next', drA.user.id, patient.id, 'queue_entry', String(entry.id)],
        ['queue.skip', drA.user.id, patient.id, 'queue_entry', String(entry.id)],
      ]);
      expect(rows[2].details).to.deep.equal({ token: entry.token, from: 'called' });
    });

    it('announces only after commit: the change is visible to others by then', async () => {
      await walkIn('09:00');
      const seen: string[] = [];
      notifier.onCommit = async (change) => {
        if (change.called) seen.push((await QueueEntry.findByPk(change.called.id))!.status);
      };
      const called = await service.callNext(drA.doctor.id, drA.user);
      await Promise.all(notifier.pending);
      expect(seen).to.deep.equal(['called']);
      expect(notifier.announced.at(-1)).to.deep.include({ departmentIds: [department.id] });
      expect(notifier.announced.at(-1)!.called!.id).to.equal(called.id);
    });

    it('announces nothing for a refused step', async () => {
      const entry = await walkIn('09:00');
      notifier.reset();
      await refusal(service.complete(entry.id, entry.version, drA.user));
      await refusal(service.skip(entry.id, entry.version + 5, drA.user));
      expect(notifier.announced).to.deep.equal([]);
      expect(await AuditLog.count()).to.equal(0);
    });
  });
});
