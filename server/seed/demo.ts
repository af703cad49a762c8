import { Op, type Model, type ModelStatic, type Sequelize, type Transaction } from 'sequelize';
import { inTransaction } from '../db/transaction';
import {
  Appointment,
  AvailabilityException,
  Department,
  DisplayProfile,
  DisplayProfileDepartment,
  DoctorAvailability,
  DoctorProfile,
  KioskProfile,
  KioskProfileDepartment,
  MedicalRecord,
  Patient,
  PrescriptionItem,
  QueueCounter,
  QueueEntry,
  RecordAddendum,
  Session,
  TicketLanguage,
  TimeSlot,
  User,
  WaitEstimate,
} from '../models';
import { hashPassword } from '../services/passwords';
import { addDays, clinicDay, clinicDayBounds } from '../services/clinic-time';
import { generateSlots } from '../services/slots';
import {
  DEMO_ACCOUNTS,
  DEMO_DEPARTMENTS,
  DEMO_DOCTORS,
  DEMO_PATIENTS,
  type DemoDepartment,
  type DemoPatient,
} from './demo-data';
import { seedDemoHistory, type HistorySummary } from './history';
import { systemNow } from '../clock';

export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './demo-data';

/** Days of slots the demo clinic gets, today included. */
export const DEMO_SLOT_DAYS = 14;

/**
 * The seed writes a whole clinic (or wipes one with --reset) in one transaction, which takes seconds on a busy
 * 2-core server; nobody waits on it, so it gets ten minutes rather than a request's TRANSACTION_TIMEOUT_SECONDS.
 */
const SEED_TRANSACTION_MS = 10 * 60_000;

/** How seedDemoClinic runs: the clinic's zone, the moment it counts as "now", and whether to wipe the data first. */
export interface SeedOptions {
  timeZone: string;
  now?: Date;
  /** Delete every row first (same transaction), instead of refusing to seed a clinic that has data. */
  reset?: boolean;
  /** scrypt's cost for the demo accounts' hashes (config's PASSWORD_HASH_COST); production's by default. */
  passwordCost?: number;
  /** Clinic days of simulated history before today (seed/history.ts); none by default; on first start the DEMO_HISTORY_DAYS setting (30). */
  historyDays?: number;
}

/** What seedDemoClinic inserted. */
export interface SeedSummary {
  departments: number;
  doctors: number;
  patients: number;
  slots: number;
  appointmentsToday: number;
  appointmentsLater: number;
  /** The simulated history, when asked for. */
  history?: HistorySummary;
}

/**
 * Every model, children before parents, so rows can be deleted in this order without breaking a foreign key. Not the
 * audit trail: it is append-only (issue 11), so a reset leaves it be; its user ids go NULL with the
 * users (the foreign key's SET NULL).
 */
const CHILDREN_FIRST: Array<ModelStatic<Model>> = [
  PrescriptionItem,
  RecordAddendum,
  MedicalRecord,
  TicketLanguage,
  WaitEstimate,
  QueueEntry,
  QueueCounter,
  Appointment,
  TimeSlot,
  AvailabilityException,
  DoctorAvailability,
  DoctorProfile,
  Patient,
  Session,
  User,
  // Display and kiosk profiles' departments hold their departments (foreign keys): they go first.
  DisplayProfileDepartment,
  DisplayProfile,
  KioskProfileDepartment,
  KioskProfile,
  Department,
];

/** True when the clinic has no staff yet, which is how start-up knows this is the first run. */
export async function isClinicEmpty(sequelize: Sequelize): Promise<boolean> {
  assertBound(sequelize);
  return (await User.count()) === 0;
}

function assertBound(sequelize: Sequelize): void {
  // Model classes are bound to one instance at a time; seeding "another" database would write to the wrong one.
  if (User.sequelize !== sequelize) throw new Error('The models are not bound to this database: call initModels first.');
}

async function deleteClinicData(transaction: Transaction): Promise<void> {
  for (const model of CHILDREN_FIRST) {
    await model.destroy({ where: {}, transaction });
  }
}

function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Fills an empty clinic with a demo: three departments, five doctors with weekly schedules and slots for the next
 * two weeks, twenty patients, appointments today and on later days, and an account for every role
 * (DEMO_ACCOUNTS). All in one transaction: it is all there afterwards, or nothing is. Refuses a clinic that already
 * has staff unless `reset` is set.
 */
export async function seedDemoClinic(sequelize: Sequelize, options: SeedOptions): Promise<SeedSummary> {
  assertBound(sequelize);
  const { timeZone, now = systemNow(), reset = false, passwordCost } = options;
  // scrypt is deliberately slow: hash each distinct password once, and before the transaction so a retry reuses it.
  const hashes = new Map<string, string>();
  for (const password of new Set(DEMO_ACCOUNTS.map((a) => a.password))) hashes.set(password, await hashPassword(password, passwordCost));

  const summary = await inTransaction(sequelize, async (transaction): Promise<SeedSummary> => {
    if (reset) await deleteClinicData(transaction);
    else if ((await User.count({ transaction })) > 0) throw new Error('The clinic already has data; not seeding it.');

    const departments = new Map<string, Department>();
    for (const { name, prefix, labels } of DEMO_DEPARTMENTS) {
      departments.set(name, await Department.create({ name, prefix, labels }, { transaction }));
    }
    const users = await User.bulkCreate(
      DEMO_ACCOUNTS.map((a) => ({ email: a.email, fullName: a.name, role: a.role, passwordHash: hashes.get(a.password)! })),
      { transaction, validate: true },
    );
    const userByEmail = new Map(users.map((u) => [u.email, u]));

    const today = clinicDay(now, timeZone);
    const lastDay = addDays(today, DEMO_SLOT_DAYS - 1);
    const doctors: Array<{ profile: DoctorProfile; department: DemoDepartment }> = [];
    let slots = 0;
    for (const d of DEMO_DOCTORS) {
      const profile = await DoctorProfile.create(
        {
          userId: userByEmail.get(d.email)!.id,
          licenseNumber: d.licenseNumber,
          specialization: d.specialization,
          rating: d.rating,
          departmentId: departments.get(d.department)!.id,
          room: d.room,
          consultationMinutes: d.consultationMinutes,
        },
        { transaction },
      );
      const intervals = Object.entries(d.week).flatMap(([weekday, day]) =>
        day.map(([startTime, endTime]) => ({
          doctorId: profile.id,
          weekday: Number(weekday),
          startTime,
          endTime,
          slotMinutes: d.consultationMinutes,
        })),
      );
      await DoctorAvailability.bulkCreate(intervals, { transaction, validate: true });
      const generated = await generateSlots({ doctorId: profile.id, fromDay: today, toDay: lastDay, zone: timeZone, transaction });
      slots += generated.created;
      doctors.push({ profile, department: DEMO_DEPARTMENTS.find((x) => x.name === d.department)! });
    }

    const patients = await Patient.bulkCreate(DEMO_PATIENTS, { transaction, validate: true });
    const booking = new AppointmentBooker(patients, DEMO_PATIENTS, today, transaction);

    // Today: the next two slots of every doctor working today (the latest past ones late in the day), so the kiosk
    // has appointment holders to check in. Later days: one appointment a day for the next five days.
    let appointmentsToday = 0;
    const { start, end } = clinicDayBounds(today, timeZone);
    for (const { profile, department } of doctors) {
      const todays = await TimeSlot.findAll({
        where: { doctorId: profile.id, startsAt: { [Op.gte]: start, [Op.lt]: end } },
        order: [['startsAt', 'ASC']],
        transaction,
      });
      const upcoming = todays.filter((s) => s.startsAt >= now);
      const latestPast = todays.filter((s) => s.startsAt < now).reverse();
      for (const slot of [...upcoming, ...latestPast].slice(0, 2)) {
        if (await booking.book(profile, department, slot)) appointmentsToday++;
      }
    }
    let appointmentsLater = 0;
    for (let i = 1; i <= 5; i++) {
      const { profile, department } = doctors[i % doctors.length];
      const { start: dayStart, end: dayEnd } = clinicDayBounds(addDays(today, i), timeZone);
      const slot = await TimeSlot.findOne({
        where: { doctorId: profile.id, startsAt: { [Op.gte]: dayStart, [Op.lt]: dayEnd } },
        order: [['startsAt', 'ASC']],
        offset: 3,
        transaction,
      });
      if (slot && (await booking.book(profile, department, slot))) appointmentsLater++;
    }

    return {
      departments: departments.size,
      doctors: doctors.length,
      patients: patients.length,
      slots,
      appointmentsToday,
      appointmentsLater,
    };
  }, { timeoutMs: SEED_TRANSACTION_MS });
  // After the clinic is in: the simulator runs the real queue engine, which takes its own transactions.
  if (options.historyDays) {
    summary.history = await seedDemoHistory(sequelize, { timeZone, today: clinicDay(now, timeZone), days: options.historyDays });
  }
  return summary;
}

/** Hands out demo patients to appointments: children to the pediatrician, adults to everyone else, each once. */
class AppointmentBooker {
  private readonly unused: Array<{ patient: Patient; child: boolean }>;
  private booked = 0;

  constructor(
    patients: Patient[],
    data: DemoPatient[],
    today: string,
    private readonly transaction: Transaction,
  ) {
    this.unused = patients.map((patient, i) => ({ patient, child: ageOn(data[i].dateOfBirth, today) < 16 }));
  }

  async book(doctor: DoctorProfile, department: DemoDepartment, slot: TimeSlot) {
    const wantChild = department.prefix === 'P';
    const index = this.unused.findIndex((u) => u.child === wantChild);
    const [next] = this.unused.splice(index >= 0 ? index : 0, 1);
    if (!next) return null;
    const reasons = department.visitReasons;
    return Appointment.create(
      {
        patientId: next.patient.id,
        doctorId: doctor.id,
        slotId: slot.id,
        // Counted, not taken from the slot's id: ids depend on what the database held before (a reset does not
        // restart them everywhere), and the same seed must give the same clinic.
        reason: reasons[this.booked++ % reasons.length],
      },
      { transaction: this.transaction },
    );
  }
}
