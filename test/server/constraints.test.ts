import { expect } from 'chai';
import {
  BaseError,
  ForeignKeyConstraintError,
  OptimisticLockError,
  UniqueConstraintError,
  type Sequelize,
} from 'sequelize';
import {
  Appointment,
  MedicalRecord,
  Patient,
  PrescriptionItem,
  QueueCounter,
  QueueEntry,
} from '../../server/models';
import { resetDatabase, testDatabase } from '../support/db';
import { makeAppointment, makeDoctor, makePatient, makeQueueEntry, makeSlot } from '../support/clinic-factories';
import { createDepartment } from '../support/factories';

/** The error `promise` rejects with; fails the test if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  expect.fail('expected the database to refuse this');
}

describe('database constraints', () => {
  let sequelize: Sequelize;

  before(async () => {
    sequelize = (await testDatabase()).sequelize;
  });
  beforeEach(resetDatabase);

  describe('queue entries', () => {
    it('refuse a duplicate (department, clinic day, sequence), but not on another day or in another department', async () => {
      const department = await createDepartment();
      const other = await createDepartment();
      await makeQueueEntry({ departmentId: department.id, clinicDay: '2026-12-02', sequence: 14 });

      const error = await rejection(makeQueueEntry({ departmentId: department.id, clinicDay: '2026-12-02', sequence: 14 }));
      expect(error).to.be.instanceOf(UniqueConstraintError);

      await makeQueueEntry({ departmentId: department.id, clinicDay: '2026-12-03', sequence: 14 });
      await makeQueueEntry({ departmentId: other.id, clinicDay: '2026-12-02', sequence: 14 });
      expect(await QueueEntry.count()).to.equal(3);
    });

    it('refuse a duplicate public code and generate a 22-character one by default', async () => {
      const first = await makeQueueEntry();
      expect(first.publicCode).to.match(/^[A-Za-z0-9_-]{22}$/);
      expect(await rejection(makeQueueEntry({ publicCode: first.publicCode }))).to.be.instanceOf(UniqueConstraintError);
    });

    it('refuse a second counter row for one department and day', async () => {
      const department = await createDepartment();
      await QueueCounter.create({ departmentId: department.id, clinicDay: '2026-12-02', lastSequence: 3 });
      const error = await rejection(QueueCounter.create({ departmentId: department.id, clinicDay: '2026-12-02', lastSequence: 1 }));
      expect(error).to.be.instanceOf(UniqueConstraintError);
    });

    it('let a transferred entry go without blocking on its successor (self-reference is SET NULL)', async () => {
      const original = await makeQueueEntry({ status: 'transferred', transferredAt: new Date() });
      const successor = await makeQueueEntry({ transferredFromId: original.id });
      await original.destroy();
      await successor.reload();
      expect(successor.transferredFromId).to.equal(null);
      // One statement over a chain: InnoDB checks self-references row by row, so RESTRICT could fail here.
      await makeQueueEntry({ transferredFromId: successor.id });
      await QueueEntry.destroy({ where: {} });
      expect(await QueueEntry.count()).to.equal(0);
    });

    it('refuse to save an entry someone else changed since it was read (optimistic locking)', async () => {
      const entry = await makeQueueEntry();
      const seenByA = await QueueEntry.findByPk(entry.id);
      const seenByB = await QueueEntry.findByPk(entry.id);
      await seenByA!.update({ status: 'called', calledAt: new Date() });
      expect(await rejection(seenByB!.update({ status: 'cancelled' }))).to.be.instanceOf(OptimisticLockError);
      const stored = await QueueEntry.findByPk(entry.id);
      expect(stored!.status).to.equal('called');
      expect(stored!.version).to.equal(1);
    });
  });

  describe('appointments', () => {
    it('refuse a second active appointment on one slot, and accept one once the first is cancelled', async () => {
      const doctor = await makeDoctor();
      const slot = await makeSlot(doctor.id);
      const first = await makeAppointment(slot);
      expect(first.active).to.equal(true);

      expect(await rejection(makeAppointment(slot))).to.be.instanceOf(UniqueConstraintError);

      await first.update({ status: 'cancelled', cancellationReason: 'Patient unwell' });
      expect((await Appointment.findByPk(first.id))!.active).to.equal(null);
      const second = await makeAppointment(slot);
      expect(second.active).to.equal(true);

      // Re-booking the cancelled one would make two active appointments again.
      expect(await rejection(first.update({ status: 'booked' }))).to.be.instanceOf(UniqueConstraintError);
    });

    it('keep `active` in step with the status through save with fields and bulk updates', async () => {
      const doctor = await makeDoctor();
      const slot = await makeSlot(doctor.id);
      const appointment = await makeAppointment(slot);

      appointment.status = 'no_show';
      await appointment.save({ fields: ['status'] });
      expect((await Appointment.findByPk(appointment.id))!.active).to.equal(null);

      await Appointment.update({ status: 'checked_in' }, { where: { id: appointment.id } });
      expect((await Appointment.findByPk(appointment.id))!.active).to.equal(true);

      await Appointment.update({ status: 'cancelled' }, { where: { id: appointment.id }, validate: false });
      expect((await Appointment.findByPk(appointment.id))!.active).to.equal(null);
      await makeAppointment(slot);
    });

    it('refuse a raw status change that would leave `active` behind (CHECK constraint)', async () => {
      const doctor = await makeDoctor();
      const appointment = await makeAppointment(await makeSlot(doctor.id));
      const error = await rejection(
        sequelize.query("UPDATE appointments SET status = 'cancelled' WHERE id = ?", { replacements: [appointment.id] }),
      );
      // Sequelize reports it differently per dialect (SQLite: as a unique violation); the driver's message names it.
      expect(error).to.be.instanceOf(BaseError);
      expect((error as { parent?: Error }).parent?.message).to.match(/appointments_active_matches_status/);
      expect((await Appointment.findByPk(appointment.id))!.status).to.equal('booked');
    });

    it('refuse a duplicate booking code, and generate a 6-character unambiguous one by default', async () => {
      const doctor = await makeDoctor();
      const first = await makeAppointment(await makeSlot(doctor.id));
      expect(first.bookingCode).to.match(/^[A-HJKMNP-Z2-9]{6}$/);
      const error = await rejection(makeAppointment(await makeSlot(doctor.id), { bookingCode: first.bookingCode }));
      expect(error).to.be.instanceOf(UniqueConstraintError);
    });
  });

  describe('patients', () => {
    it('refuse a duplicate medical record number', async () => {
      const first = await makePatient();
      expect(first.medicalRecordNumber).to.match(/^MRN-[A-HJKMNP-Z2-9]{8}$/);
      const error = await rejection(makePatient({ medicalRecordNumber: first.medicalRecordNumber }));
      expect(error).to.be.instanceOf(UniqueConstraintError);
    });
  });

  describe('foreign keys', () => {
    it('refuse rows that point at nothing', async () => {
      const doctor = await makeDoctor();
      const slot = await makeSlot(doctor.id);
      expect(await rejection(makeAppointment(slot, { patientId: 999_999 }))).to.be.instanceOf(ForeignKeyConstraintError);
      expect(await rejection(makeQueueEntry({ departmentId: 999_999 }))).to.be.instanceOf(ForeignKeyConstraintError);
      expect(await rejection(makeSlot(999_999))).to.be.instanceOf(ForeignKeyConstraintError);
    });

    it('refuse deleting a patient who has appointments', async () => {
      const doctor = await makeDoctor();
      const appointment = await makeAppointment(await makeSlot(doctor.id));
      const error = await rejection(Patient.destroy({ where: { id: appointment.patientId } }));
      expect(error).to.be.instanceOf(ForeignKeyConstraintError);
    });

    it("delete a record's prescription items with it", async () => {
      const doctor = await makeDoctor();
      const patient = await makePatient();
      const entry = await makeQueueEntry({ departmentId: doctor.departmentId, patientId: patient.id });
      const record = await MedicalRecord.create({ queueEntryId: entry.id, patientId: patient.id, doctorId: doctor.id });
      await PrescriptionItem.bulkCreate([
        { medicalRecordId: record.id, position: 1, medicine: 'Amoxicillin', dose: '500 mg' },
        { medicalRecordId: record.id, position: 2, medicine: 'Paracetamol', dose: '1 g' },
      ]);
      expect(await rejection(MedicalRecord.create({ queueEntryId: entry.id, patientId: patient.id, doctorId: doctor.id })))
        .to.be.instanceOf(UniqueConstraintError);

      await record.destroy();
      expect(await PrescriptionItem.count()).to.equal(0);
    });
  });
});
