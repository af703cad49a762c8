import { Op } from 'sequelize';
import type { MyAppointment, MyAppointmentsResponse } from '../../common/me';
import type { PublicSlot } from '../../common/booking';
import { validationFailed, notFound } from '../errors';
import { Appointment, QueueEntry, TimeSlot } from '../models';
import { presentPublicSlot } from '../presenters/booking';
import { appointmentIncludes, type AppointmentService } from '../services/appointments';
import { audit } from '../services/audit';
import { freeSlots, localTime } from '../services/calendar';
import { clinicDay } from '../services/clinic-time';
import type { PatientActor } from './actor';

/** How far ahead a patient may move an appointment: the booking page's own four weeks. */
const RESCHEDULE_DAYS = 28;

function present(appointment: Appointment, zone: string, now: Date, actor: PatientActor): MyAppointment {
  const { slot, doctor, patient } = appointment;
  return {
    forFamily: appointment.patientId === actor.patientId ? null : (patient?.fullName.split(/\s+/)[0] ?? ''),
    id: appointment.id,
    bookingCode: appointment.bookingCode,
    status: appointment.status,
    startsAt: slot!.startsAt.toISOString(),
    date: clinicDay(slot!.startsAt, zone),
    start: localTime(slot!.startsAt, zone),
    doctor: { id: doctor!.id, name: doctor!.user?.fullName ?? '', room: doctor!.room },
    department: { id: doctor!.departmentId, name: doctor!.department?.name ?? '' },
    changeable: appointment.status === 'booked' && slot!.startsAt > now,
  };
}

/**
 * The patient's side of appointments. Every change goes through the desk's AppointmentService (its locked,
 * race-proof rules: the slot index refuses a double booking, past and blocked slots are refused); this file only
 * adds that the appointment is the patient's own and that a new time is with the same doctor.
 */
export class MyAppointments {
  constructor(
    private readonly appointments: AppointmentService,
    private readonly zone: () => string,
    private readonly now: () => Date,
  ) {}

  /** Upcoming appointments (today's included) and today's live ticket, if checked in. */
  async list(actor: PatientActor): Promise<MyAppointmentsResponse> {
    const zone = this.zone();
    const now = this.now();
    const today = clinicDay(now, zone);
    const [slotInclude, ...rest] = appointmentIncludes();
    const rows = await Appointment.findAll({
      where: { patientId: [actor.patientId, ...actor.family], status: { [Op.in]: ['booked', 'checked_in', 'in_consultation'] } },
      include: [{ ...slotInclude, required: true }, ...rest],
      order: [[{ model: TimeSlot, as: 'slot' }, 'startsAt', 'ASC']],
    });
    const entry = await QueueEntry.findOne({
      where: { patientId: actor.patientId, clinicDay: today, status: { [Op.in]: ['waiting', 'called', 'in_consultation'] } },
      order: [['id', 'DESC']],
    });
    return {
      timeZone: zone,
      upcoming: rows.filter((a) => clinicDay(a.slot!.startsAt, zone) >= today).map((a) => present(a, zone, now, actor)),
      ticket: entry ? { token: entry.token, publicCode: entry.publicCode } : null,
    };
  }

  /** Free times of the appointment's own doctor, over the next four weeks. */
  async freeTimes(actor: PatientActor, id: number): Promise<PublicSlot[]> {
    const appointment = await this.own(actor, id);
    const zone = this.zone();
    const now = this.now();
    const fromDay = clinicDay(now, zone);
    const toDay = clinicDay(new Date(now.getTime() + RESCHEDULE_DAYS * 86_400_000), zone);
    const slots = await freeSlots([appointment.doctorId], { fromDay, toDay }, zone, now);
    return slots.map((s) => presentPublicSlot(s, zone));
  }

  /** Cancels the patient's own appointment (the desk's rules: only a booked one). */
  async cancel(actor: PatientActor, id: number): Promise<MyAppointment> {
    await this.own(actor, id);
    const done = await this.appointments.cancel(id, 'Cancelled by the patient online', { userId: null, ip: actor.ip, patientAccountId: actor.accountId });
    return present(done, this.zone(), this.now(), actor);
  }

  /** Moves the patient's own appointment to a free time of the same doctor. */
  async reschedule(actor: PatientActor, id: number, slotId: number): Promise<MyAppointment> {
    const appointment = await this.own(actor, id);
    const slot = await TimeSlot.findByPk(slotId);
    if (!slot) throw notFound('That time slot');
    if (slot.doctorId !== appointment.doctorId) throw validationFailed([{ path: 'slotId', message: 'Choose a time with the same doctor.' }]);
    const done = await this.appointments.reschedule(id, slotId, { userId: null, ip: actor.ip, patientAccountId: actor.accountId });
    return present(done, this.zone(), this.now(), actor);
  }

  /**
   * The appointment when it is the patient's or a linked family member's; another's answers the same 404 as none,
   * and is audited.
   */
  private async own(actor: PatientActor, id: number): Promise<Appointment> {
    const appointment = await Appointment.findOne({ where: { id, patientId: [actor.patientId, ...actor.family] } });
    if (!appointment) {
      await audit({ ...actor.audit('patient.appointment_refused'), entityType: 'appointment', entityId: id });
      throw notFound('That appointment');
    }
    return appointment;
  }
}
