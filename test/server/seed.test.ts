import { expect } from 'chai';
import { Op, type Sequelize } from 'sequelize';
import { Appointment, Department, DisplayProfile, DisplayProfileDepartment, DoctorProfile, KioskProfile, KioskProfileDepartment, MedicalRecord, Patient, PrescriptionItem, QueueEntry, TimeSlot, User, WaitEstimate } from '../../server/models';
import { buildReport } from '../../server/services/reports';
import { addDays, clinicDay, clinicDayBounds, eachDay } from '../../server/services/clinic-time';
import { verifyPassword } from '../../server/services/passwords';
import { DEMO_ACCOUNTS, DEMO_SLOT_DAYS, isClinicEmpty, seedDemoClinic } from '../../server/seed/demo';
import { resetDatabase, testDatabase } from '../support/db';
import { TEST_PASSWORD_COST } from '../support/server';

const ZONE = 'Europe/London';
// A Wednesday morning; the seed must not depend on the machine's clock.
const NOW = new Date('2026-12-02T08:00:00Z');
const TODAY = '2026-12-02';

describe('demo seed', () => {
  let sequelize: Sequelize;

  before(async () => {
    sequelize = (await testDatabase()).sequelize;
    await resetDatabase();
  });

  it('fills an empty clinic: departments, doctors, patients, two weeks of slots, appointments today', async () => {
    expect(await isClinicEmpty(sequelize)).to.equal(true);
    const summary = await seedDemoClinic(sequelize, { timeZone: ZONE, now: NOW });
    expect(await isClinicEmpty(sequelize)).to.equal(false);

    const departments = await Department.findAll({ order: [['prefix', 'ASC']] });
    expect(departments.map((d) => [d.prefix, d.name])).to.deep.equal([
      ['C', 'Cardiology'],
      ['G', 'General Practice'],
      ['P', 'Pediatrics'],
    ]);

    const doctors = await DoctorProfile.findAll({ include: ['user', 'department'], order: [['room', 'ASC']] });
    expect(doctors.map((d) => d.room)).to.deep.equal(['Room 1', 'Room 2', 'Room 3', 'Room 4', 'Room 5']);
    expect(doctors.every((d) => d.user!.role === 'doctor')).to.equal(true);
    expect(new Set(doctors.map((d) => d.department!.prefix)).size).to.equal(3);
    // DECIMAL reads back as a number on every dialect (mysql2 alone would give '4.8').
    expect(doctors.map((d) => d.rating)).to.deep.equal([4.8, 4.5, 4.9, null, 4.7]);

    const patients = await Patient.findAll();
    expect(patients).to.have.length(20);
    expect(new Set(patients.map((p) => p.medicalRecordNumber)).size).to.equal(20);

    // Slots on each of the 14 clinic days from today (the Sunday clinic covers Sundays), and on no other day.
    const slots = await TimeSlot.findAll();
    expect(slots.length).to.equal(summary.slots).and.to.be.greaterThan(1000);
    const slotDays = new Set(slots.map((s) => clinicDay(s.startsAt, ZONE)));
    expect([...slotDays].sort()).to.deep.equal(eachDay(TODAY, addDays(TODAY, DEMO_SLOT_DAYS - 1)));

    const { start, end } = clinicDayBounds(TODAY, ZONE);
    const appointments = await Appointment.findAll({ include: ['slot'] });
    const today = appointments.filter((a) => a.slot!.startsAt >= start && a.slot!.startsAt < end);
    expect(today.length).to.equal(summary.appointmentsToday).and.to.be.at.least(5);
    expect(today.every((a) => a.status === 'booked' && a.slot!.startsAt >= NOW)).to.equal(true);
    expect(appointments.length - today.length).to.equal(summary.appointmentsLater).and.to.be.greaterThan(0);
    expect(new Set(appointments.map((a) => a.patientId)).size).to.equal(appointments.length);
  });

  it('creates a working sign-in for every demo account', async () => {
    const users = await User.findAll();
    expect(users.map((u) => u.email).sort()).to.deep.equal(DEMO_ACCOUNTS.map((a) => a.email).sort());
    expect(new Set(users.map((u) => u.role))).to.deep.equal(new Set(['admin', 'reception', 'doctor']));
    const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
    const stored = users.find((u) => u.email === admin.email)!;
    // Seeded without a cost, as `npm start` does: production's scrypt parameters (N=2^17, r=8, p=1), which the
    // test server's cheap PASSWORD_HASH_COST must never leak into.
    expect(stored.passwordHash).to.match(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword(admin.password, stored.passwordHash)).to.equal(true);
    expect(await verifyPassword('wrong password', stored.passwordHash)).to.equal(false);
  });

  it('refuses to seed a clinic that has data, and with reset starts over instead of adding to it', async () => {
    const refusal = await seedDemoClinic(sequelize, { timeZone: ZONE, now: NOW, passwordCost: TEST_PASSWORD_COST }).then(
      () => null,
      (error: Error) => error,
    );
    expect(refusal?.message).to.match(/already has data/);
    expect(await Patient.count()).to.equal(20);

    // Screens set up for the old clinic's departments must not stop a reset (their links hold the departments).
    const department = (await Department.findOne())!;
    const display = await DisplayProfile.create({ name: 'Waiting room', slug: 'waiting-room' });
    await DisplayProfileDepartment.create({ displayProfileId: display.id, departmentId: department.id });
    const kiosk = await KioskProfile.create({ name: 'Entrance' });
    await KioskProfileDepartment.create({ kioskProfileId: kiosk.id, departmentId: department.id });

    // A Sunday evening: only the Sunday clinic works, and its slots are over; there are still appointments today.
    const sunday = new Date('2026-12-06T20:00:00Z');
    const summary = await seedDemoClinic(sequelize, { timeZone: ZONE, now: sunday, reset: true, passwordCost: TEST_PASSWORD_COST });
    expect(await Patient.count()).to.equal(20);
    expect(await Department.count()).to.equal(3);
    expect(await DisplayProfile.count()).to.equal(0);
    expect(await KioskProfile.count()).to.equal(0);
    expect(await User.count()).to.equal(DEMO_ACCOUNTS.length);
    expect(summary.appointmentsToday).to.be.greaterThan(0);
    const first = await TimeSlot.findOne({ order: [['startsAt', 'ASC']] });
    expect(clinicDay(first!.startsAt, ZONE)).to.equal('2026-12-06');
  });

  it('adds simulated history before today: visits with signed records, no-shows, and the estimates shown', async function () {
    // One short history day (a Sunday: only the Sunday morning clinic), so the test stays quick.
    this.timeout(120_000);
    const monday = new Date('2026-12-07T07:00:00Z');
    const summary = await seedDemoClinic(sequelize, { timeZone: ZONE, now: monday, reset: true, passwordCost: TEST_PASSWORD_COST, historyDays: 1 });
    expect(summary.history!.days).to.equal(1);
    const visits = await QueueEntry.findAll({ where: { clinicDay: '2026-12-06' } });
    // A visit transferred to another department goes on as a second entry there (transferredFromId set).
    expect(visits.filter((v) => v.transferredFromId === null).length).to.equal(summary.history!.visits).and.to.be.greaterThan(3);
    expect(visits.every((v) => ['completed', 'skipped', 'cancelled', 'transferred'].includes(v.status))).to.equal(true);
    expect(summary.history!.records).to.be.greaterThan(0);
    expect(await MedicalRecord.count({ where: { status: 'signed' } })).to.equal(summary.history!.records);
    expect(await PrescriptionItem.count()).to.be.greaterThan(0);
    expect(await Patient.count()).to.be.greaterThan(20);
    expect(await WaitEstimate.count()).to.be.greaterThan(0);
    // Nobody is left booked on a day that is over: they came, or are no-shows or cancelled.
    const { start, end } = clinicDayBounds('2026-12-06', ZONE);
    const slotsThatDay = (await TimeSlot.findAll({ where: { startsAt: { [Op.gte]: start, [Op.lt]: end } } })).map((t) => t.id);
    expect(await Appointment.count({ where: { slotId: slotsThatDay, status: 'booked' } })).to.equal(0);
    const report = await buildReport('2026-12-06', '2026-12-06', ZONE);
    expect(report.total.patientsSeen).to.be.greaterThan(0);
    expect(report.estimates.map((e) => e.day)).to.include('2026-12-06');
  });

  it('seeds the same history twice from the same seed, on MariaDB too (ids and all, counted from each table\'s first)', async function () {
    this.timeout(240_000);
    // A Saturday and a Sunday, the second learning from the first, as history days do.
    const monday = new Date('2026-12-07T07:00:00Z');
    const seedOnce = async () => {
      await seedDemoClinic(sequelize, { timeZone: ZONE, now: monday, reset: true, passwordCost: TEST_PASSWORD_COST, historyDays: 2 });
      return historySnapshot();
    };
    const first = await seedOnce();
    const again = await seedOnce();
    expect(first.QueueEntry.length).to.be.greaterThan(20);
    expect(first.MedicalRecord.length).to.be.greaterThan(5);
    for (const table of Object.keys(first) as Array<keyof typeof first>) expect(again[table], table).to.deep.equal(first[table]);
  });
});

/** Column -> the model its ids point to, so ids can be compared across runs (a reset does not restart them everywhere). */
const REFERENCES = {
  departmentId: Department,
  doctorId: DoctorProfile,
  patientId: Patient,
  appointmentId: Appointment,
  transferredFromId: QueueEntry,
  queueEntryId: QueueEntry,
  slotId: TimeSlot,
  medicalRecordId: MedicalRecord,
  userId: User,
  signedBy: User,
} as const;

/**
 * The seeded clinic's rows, table by table in id order, with every id counted from the table's first one, and
 * without what is meant to differ between runs: random ticket, booking and record numbers, password hashes, the
 * simulator's idempotency keys (they name slot and department ids), and the wall-clock
 * createdAt/updatedAt stamps.
 */
async function historySnapshot() {
  const models = { Department, User, DoctorProfile, Patient, TimeSlot, Appointment, QueueEntry, MedicalRecord, PrescriptionItem, WaitEstimate };
  const firstId = new Map<unknown, number>();
  for (const model of Object.values(models)) {
    const pk = model === WaitEstimate ? 'queueEntryId' : 'id';
    firstId.set(model, ((await (model as typeof Patient).min(pk as 'id')) as number | null) ?? 0);
  }
  const relative = (model: unknown, id: unknown) => (typeof id === 'number' ? id - firstId.get(model)! : id);
  const snapshot = {} as Record<keyof typeof models, Array<Record<string, unknown>>>;
  for (const [name, model] of Object.entries(models) as Array<[keyof typeof models, typeof Patient]>) {
    const pk = model === (WaitEstimate as unknown) ? 'queueEntryId' : 'id';
    const rows = await model.findAll({ order: [[pk, 'ASC']], raw: true });
    snapshot[name] = rows.map((row) => {
      const copy: Record<string, unknown> = { ...row };
      for (const secret of ['publicCode', 'bookingCode', 'medicalRecordNumber', 'passwordHash', 'idempotencyKey', 'createdAt', 'updatedAt']) delete copy[secret];
      if ('id' in copy) copy.id = relative(model, copy.id);
      for (const [column, target] of Object.entries(REFERENCES)) if (column in copy) copy[column] = relative(target, copy[column]);
      return copy;
    });
  }
  return snapshot;
}
