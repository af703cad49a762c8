import { Op, type Sequelize, type Transaction, type WhereOptions } from 'sequelize';
import { inTransaction } from '../db/transaction';
import { appointmentEvent, enqueueEvent } from '../webhooks/outbox';
import { conflict, notFound, validationFailed } from '../errors';
import { Appointment, AvailabilityException, Department, DoctorProfile, Patient, TimeSlot, User } from '../models';
import type { AppointmentStatus } from '../models/appointment';
import { audit } from './audit';
import { clinicDay, clinicDayBounds } from './clinic-time';
import { bookingCode } from './codes';
import { localTime } from './calendar';
import { findOrCreateForBooking } from './patients';
import { retryOnCodeClash, uniqueClashOn } from './unique';
import type { PhoneCountrySource } from './phone';
import { systemNow } from '../clock';

/** Who books: staff (their id) or the public booking page (null). */
export interface BookingActor {
  userId: number | null;
  ip: string;
  /** Set when the patient acts from their dashboard (/me), so their audit rows say it was them. */
  patientAccountId?: number;
}

/** Whom a booking is for: a registered patient, or a person from the public page (found or registered). */
export type BookingFor = { patientId: number } | { person: { fullName: string; dateOfBirth: string; phone: string } };

/** Upcoming appointments one person may hold through the public page; the desk can book more. */
export const PUBLIC_BOOKINGS_PER_PATIENT = 3;

/** The 409 for a slot someone else holds: what the database says when a second active appointment is refused. */
export const slotTaken = () => conflict('slot_taken', 'That time has just been taken. Please choose another.');

const unavailable = (message = 'That time is not available for booking. Please choose another.') =>
  conflict('slot_unavailable', message);

/** The includes presentAppointment expects. */
export function appointmentIncludes() {
  return [
    { model: TimeSlot, as: 'slot' },
    { model: Patient, as: 'patient' },
    {
      model: DoctorProfile,
      as: 'doctor',
      include: [
        { model: User, as: 'user', attributes: ['id', 'fullName'] },
        { model: Department, as: 'department' },
      ],
    },
  ];
}

const STATUS_WORDS: Record<AppointmentStatus, string> = {
  booked: 'is booked',
  checked_in: 'is checked in (change it from the queue)',
  in_consultation: 'is in consultation',
  completed: 'is completed',
  cancelled: 'has been cancelled',
  no_show: 'was marked as a no-show',
};

/** 409 `invalid_transition` unless the appointment is still booked (not checked in, cancelled or closed). */
function assertBooked(appointment: Appointment, doing: string): void {
  if (appointment.status !== 'booked') {
    throw conflict('invalid_transition', `This appointment ${STATUS_WORDS[appointment.status as AppointmentStatus]}, so it cannot be ${doing}.`);
  }
}

/**
 * Appointments: book, reschedule, cancel, mark a no-show. Double booking is refused by the database: the unique
 * index on (slot_id, active) admits one active appointment per slot, and the clash becomes 409 `slot_taken`; there is
 * no check-then-insert to race. Booking codes are random and unique by their index; a clash draws a new code.
 * Every write is audited with the patient's id.
 */
export class AppointmentService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly zone: () => string,
    private readonly now: () => Date = systemNow,
    private readonly newCode: () => string = bookingCode,
    /** The clinic's country, for phone numbers typed without a country code (public booking). */
    private readonly country: PhoneCountrySource = async () => null,
  ) {}

  /** Books a free slot; returns the appointment with its booking code. */
  async book(input: { slotId: number; reason?: string | null } & BookingFor, actor: BookingActor): Promise<Appointment> {
    // Read before the transaction: the setting is another connection's read.
    const country = 'patientId' in input ? null : await this.country();
    const id = await refuseDoubleBooking(() =>
      retryOnCodeClash(['booking_code', 'medical_record_number'], () =>
        inTransaction(this.sequelize, async (transaction) => {
          const slot = await this.bookableSlot(input.slotId, transaction);
          const patient = 'patientId' in input
            ? await Patient.findByPk(input.patientId, { transaction })
            : await findOrCreateForBooking(input.person, actor.ip, transaction, country);
          if (!patient) throw notFound('That patient');
          if (actor.userId === null) await this.checkPublicAllowance(patient.id, transaction);
          const appointment = await Appointment.create(
            { patientId: patient.id, doctorId: slot.doctorId, slotId: slot.id, reason: input.reason ?? null, bookingCode: this.newCode() },
            { transaction },
          );
          await this.audit('appointment.book', appointment, actor, transaction, { slotId: slot.id, public: actor.userId === null });
          await enqueueEvent(transaction, 'appointment.booked', appointmentEvent(appointment, slot), this.now());
          return appointment.id;
        }),
      ),
    );
    return this.load(id);
  }

  /** Moves a booked appointment to another free slot (any doctor's) in one UPDATE: it holds one slot or the other. */
  async reschedule(id: number, slotId: number, actor: BookingActor): Promise<Appointment> {
    await refuseDoubleBooking(() =>
      inTransaction(this.sequelize, async (transaction) => {
        const appointment = await this.lock(id, transaction);
        assertBooked(appointment, 'rescheduled');
        if (appointment.slotId === slotId) throw validationFailed([{ path: 'slotId', message: 'That is already the appointment\'s time.' }]);
        const slot = await this.bookableSlot(slotId, transaction);
        const from = appointment.slotId;
        await appointment.update({ slotId: slot.id, doctorId: slot.doctorId }, { transaction });
        await this.audit('appointment.reschedule', appointment, actor, transaction, { fromSlotId: from, toSlotId: slot.id });
      }),
    );
    return this.load(id);
  }

  /** Cancels a booked appointment with a reason; its slot is free again at once. */
  async cancel(id: number, reason: string, actor: BookingActor): Promise<Appointment> {
    await inTransaction(this.sequelize, async (transaction) => {
      const appointment = await this.lock(id, transaction);
      assertBooked(appointment, 'cancelled');
      await appointment.update({ status: 'cancelled', cancellationReason: reason }, { transaction });
      await this.audit('appointment.cancel', appointment, actor, transaction, { reason });
      const slot = await TimeSlot.findByPk(appointment.slotId, { transaction });
      await enqueueEvent(transaction, 'appointment.cancelled', appointmentEvent(appointment, slot!), this.now());
    });
    return this.load(id);
  }

  /** Marks a booked appointment whose time has come as a no-show (the patient never checked in). */
  async noShow(id: number, actor: BookingActor): Promise<Appointment> {
    await inTransaction(this.sequelize, async (transaction) => {
      const appointment = await this.lock(id, transaction);
      assertBooked(appointment, 'marked as a no-show');
      const slot = (await TimeSlot.findByPk(appointment.slotId, { transaction }))!;
      if (slot.startsAt > this.now()) {
        throw conflict('too_early', `The appointment at ${localTime(slot.startsAt, this.zone())} has not started yet.`);
      }
      await appointment.update({ status: 'no_show' }, { transaction });
      await this.audit('appointment.no_show', appointment, actor, transaction);
    });
    return this.load(id);
  }

  /** One appointment with everything presenters show. */
  /** The appointment with booking code `code` (already normalised) and everything presenters need, or null. */
  findByCode(code: string): Promise<Appointment | null> {
    return Appointment.findOne({ where: { bookingCode: code }, include: appointmentIncludes() });
  }

  async load(id: number): Promise<Appointment> {
    const appointment = await Appointment.findByPk(id, { include: appointmentIncludes() });
    if (!appointment) throw notFound('That appointment');
    return appointment;
  }

  /** A page of appointments, earliest slot first, filtered by doctor, patient, status and clinic days. */
  async list(filter: { doctorId?: number; patientId?: number; status?: AppointmentStatus; from?: string; to?: string; page: number; pageSize: number }) {
    const where: WhereOptions = {};
    if (filter.doctorId) Object.assign(where, { doctorId: filter.doctorId });
    if (filter.patientId) Object.assign(where, { patientId: filter.patientId });
    if (filter.status) Object.assign(where, { status: filter.status });
    const starts: WhereOptions[] = [];
    if (filter.from) starts.push({ startsAt: { [Op.gte]: clinicDayBounds(filter.from, this.zone()).start } });
    if (filter.to) starts.push({ startsAt: { [Op.lt]: clinicDayBounds(filter.to, this.zone()).end } });
    const [slotInclude, ...rest] = appointmentIncludes();
    const { rows, count } = await Appointment.findAndCountAll({
      where,
      include: [{ ...slotInclude, where: { [Op.and]: starts }, required: true }, ...rest],
      order: [[{ model: TimeSlot, as: 'slot' }, 'startsAt', 'ASC'], ['id', 'ASC']],
      limit: filter.pageSize,
      offset: (filter.page - 1) * filter.pageSize,
      distinct: true,
    });
    return { appointments: rows, total: count };
  }

  /**
   * A slot that may be booked now: it exists, is in the future, is not blocked or withdrawn, is not on the doctor's day
   * off, and its doctor and department are active. Whether someone holds it is left to the unique index.
   */
  private async bookableSlot(slotId: number, transaction: Transaction): Promise<TimeSlot> {
    const slot = await TimeSlot.findByPk(slotId, {
      include: [
        {
          model: DoctorProfile,
          as: 'doctor',
          include: [
            { model: User, as: 'user', attributes: ['active'] },
            { model: Department, as: 'department', attributes: ['active'] },
          ],
        },
      ],
      transaction,
    });
    if (!slot) throw notFound('That time slot');
    if (slot.startsAt <= this.now()) throw conflict('slot_past', 'That time has already passed. Please choose a later one.');
    // A deactivated doctor or department takes no new bookings; the ones they have stay until staff move them.
    if (slot.blocked || slot.withdrawnAt || !slot.doctor?.user?.active || !slot.doctor.department?.active) throw unavailable();
    const day = clinicDay(slot.startsAt, this.zone());
    const off = await AvailabilityException.count({
      where: { doctorId: slot.doctorId, startDate: { [Op.lte]: day }, endDate: { [Op.gte]: day } },
      transaction,
    });
    if (off) throw unavailable('The doctor is not working that day. Please choose another time.');
    return slot;
  }

  private async checkPublicAllowance(patientId: number, transaction: Transaction): Promise<void> {
    const upcoming = await Appointment.count({
      where: { patientId, status: 'booked' },
      include: [{ model: TimeSlot, as: 'slot', where: { startsAt: { [Op.gt]: this.now() } }, required: true }],
      transaction,
    });
    if (upcoming >= PUBLIC_BOOKINGS_PER_PATIENT) {
      throw conflict('too_many_bookings', `You already have ${upcoming} upcoming appointments. Please call the clinic to book more.`);
    }
  }

  private async lock(id: number, transaction: Transaction): Promise<Appointment> {
    const appointment = await Appointment.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!appointment) throw notFound('That appointment');
    return appointment;
  }

  private audit(action: string, appointment: Appointment, actor: BookingActor, transaction: Transaction, details?: Record<string, unknown>) {
    return audit(
      {
        userId: actor.userId,
        action,
        entityType: 'appointment',
        entityId: appointment.id,
        patientId: appointment.patientId,
        ip: actor.ip,
        details: {
          bookingCode: appointment.bookingCode,
          ...(actor.patientAccountId ? { actor: 'patient', patientAccountId: actor.patientAccountId } : {}),
          ...details,
        },
      },
      transaction,
    );
  }
}

/** Runs `work`, turning the database's refusal of a second active appointment on a slot into 409 `slot_taken`. */
async function refuseDoubleBooking<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (uniqueClashOn(error, 'slot_id', 'appointments_slot_active')) throw slotTaken();
    throw error;
  }
}
