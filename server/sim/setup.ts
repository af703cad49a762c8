import { Op, type Sequelize } from 'sequelize';
import { inTransaction } from '../db/transaction';
import { Appointment, AvailabilityException, DoctorAvailability, DoctorProfile, Patient, TimeSlot, User } from '../models';
import { clinicDayBounds, isoWeekday } from '../services/clinic-time';
import { generateSlots } from '../services/slots';
import { planDay, type DayPlan, type PlanOptions, type SimDoctor } from './plan';
import { Random } from './random';

/** A day made ready to play: its plan, the booking code of every booked slot, and the desk account that acts. */
export interface PreparedDay {
  plan: DayPlan;
  codes: Map<number, string>;
  desk: User;
}

/**
 * Readies the clinic in the database for simulating `day` with `seed`: slots for the day, the plan drawn from the
 * clinic's doctors and free slots, the planned leave entered (so estimates know it, as a real clinic's would), and
 * the planned appointments booked for registered patients. Needs doctors and at least one patient.
 */
export async function prepareDay(
  sequelize: Sequelize,
  timeZone: string,
  day: string,
  seed: number,
  options?: PlanOptions,
): Promise<PreparedDay> {
  const weekday = isoWeekday(day);
  const profiles = await DoctorProfile.findAll({ order: [['id', 'ASC']] });
  const hours = await DoctorAvailability.findAll({ where: { weekday }, order: [['startTime', 'ASC']] });
  const doctors: SimDoctor[] = profiles.map((p) => ({
    id: p.id,
    departmentId: p.departmentId,
    consultationMinutes: p.consultationMinutes,
    intervals: hours.filter((h) => h.doctorId === p.id).map((h) => ({ startTime: h.startTime, endTime: h.endTime })),
  }));
  await inTransaction(sequelize, async (transaction) => {
    for (const p of profiles) await generateSlots({ doctorId: p.id, fromDay: day, toDay: day, zone: timeZone, transaction });
  });
  const { start, end } = clinicDayBounds(day, timeZone);
  const slots = await TimeSlot.findAll({
    where: { startsAt: { [Op.gte]: start, [Op.lt]: end }, blocked: false, withdrawnAt: null },
    order: [['startsAt', 'ASC'], ['doctorId', 'ASC']],
  });
  const taken = new Set(
    (await Appointment.findAll({ attributes: ['slotId'], where: { slotId: { [Op.in]: slots.map((s) => s.id) } } })).map((a) => a.slotId),
  );
  const plan = planDay(
    seed,
    day,
    timeZone,
    doctors,
    slots.filter((s) => !taken.has(s.id)).map((s) => ({ id: s.id, doctorId: s.doctorId, startsAt: s.startsAt })),
    options,
  );

  const away = plan.doctors.filter((d) => d.onLeave);
  if (away.length) {
    await AvailabilityException.bulkCreate(away.map((d) => ({ doctorId: d.doctor.id, startDate: day, endDate: day, reason: 'Leave' })));
  }
  const patientIds = (await Patient.findAll({ attributes: ['id'], order: [['id', 'ASC']] })).map((p) => p.id);
  const rand = new Random(seed ^ 0x5bd1e995);
  // Most walk-ins are registered patients the desk checks in by name; the rest stay anonymous kiosk tickets.
  for (const p of plan.patients) if (p.slotId !== null || rand.chance(0.6)) p.patientId = rand.pick(patientIds);
  const booked = plan.patients.filter((p) => p.slotId !== null);
  // One after another in one transaction, not bulkCreate with individualHooks: that saves the rows concurrently, and
  // on MariaDB (a pool of connections) their ids then follow whichever insert finished first, so the same seed
  // gave appointments other ids from run to run.
  const appointments = await inTransaction(sequelize, async (transaction) => {
    const made: Appointment[] = [];
    for (const p of booked) made.push(await Appointment.create({ patientId: p.patientId!, doctorId: p.doctorId!, slotId: p.slotId! }, { transaction }));
    return made;
  });
  const codes = new Map(appointments.map((a) => [a.slotId, a.bookingCode]));
  const desk = (await User.findOne({ where: { role: 'reception' }, order: [['id', 'ASC']] })) ?? (await User.findOne({ where: { role: 'admin' } }));
  if (!desk) throw new Error('The simulator needs a reception or admin account to act for the desk.');
  return { plan, codes, desk };
}
