import { Op, type WhereOptions } from 'sequelize';
import { Appointment, Department, DoctorProfile, Patient, TimeSlot, User } from '../../models';
import { toFhirAppointment } from '../appointment';
import { MRN_SYSTEM } from '../codes';
import { toFhirPatient } from '../patient';
import { toFhirPractitioner } from '../practitioner';
import { toFhirSchedule } from '../schedule';
import { toFhirSlot } from '../slot';
import { dateConditions, referenceParam, values } from '../search-params';
import { all, commonConditions, type ResourceHandler } from './context';

/**
 * The resources that are not records of a visit (issue 16): Patient, Practitioner, and the booking side, Appointment,
 * Schedule (one per doctor) and Slot.
 */

/** Patient: by `identifier` (the medical record number, with or without its system) and `name` (contains). */
export const patients: ResourceHandler = {
  type: 'Patient',
  params: ['_id', '_lastUpdated', 'identifier', 'name'],
  async search(query, page, ctx) {
    const conditions: WhereOptions[] = commonConditions(query, ctx);
    for (const identifier of values(query, 'identifier')) {
      const [system, value] = identifier.includes('|') ? identifier.split('|', 2) : [MRN_SYSTEM, identifier];
      conditions.push(system === MRN_SYSTEM || system === '' ? { medicalRecordNumber: value } : { id: { [Op.in]: [] } });
    }
    // LIKE's wildcards are dropped from the name (escapes differ between SQLite and MySQL): `name` means "contains".
    for (const name of values(query, 'name')) conditions.push({ fullName: { [Op.like]: `%${name.replace(/[\\%_]/g, '')}%` } });
    const { rows, count } = await Patient.findAndCountAll({ where: all(conditions), order: [['id', 'ASC']], offset: page.offset, limit: page.count });
    return { total: count, resources: rows.map(toFhirPatient) };
  },
};

/** The doctors, with their accounts and departments. */
async function doctors(where: WhereOptions, page: { offset: number; count: number }) {
  return DoctorProfile.findAndCountAll({
    where,
    include: [
      { model: User, as: 'user', required: true },
      { model: Department, as: 'department' },
    ],
    order: [['id', 'ASC']],
    offset: page.offset,
    limit: page.count,
  });
}

/** Practitioner: every doctor. */
export const practitioners: ResourceHandler = {
  type: 'Practitioner',
  params: ['_id', '_lastUpdated'],
  async search(query, page, ctx) {
    const { rows, count } = await doctors(all(commonConditions(query, ctx)), page);
    return { total: count, resources: rows.map(toFhirPractitioner) };
  },
};

/** Schedule: one per doctor; `actor` names the doctor. */
export const schedules: ResourceHandler = {
  type: 'Schedule',
  params: ['_id', '_lastUpdated', 'actor'],
  async search(query, page, ctx) {
    const actor = referenceParam(query, 'actor', 'Practitioner');
    const { rows, count } = await doctors(all([...commonConditions(query, ctx), ...(actor !== undefined ? [{ id: actor }] : [])]), page);
    return { total: count, resources: rows.map(toFhirSchedule) };
  },
};

/** Slot: the generated time slots (never withdrawn ones); `schedule` names the doctor, `start` the time. */
export const slots: ResourceHandler = {
  type: 'Slot',
  params: ['_id', '_lastUpdated', 'schedule', 'start'],
  async search(query, page, ctx) {
    const schedule = referenceParam(query, 'schedule', 'Schedule');
    const { rows, count } = await TimeSlot.findAndCountAll({
      where: all([
        { withdrawnAt: null },
        ...commonConditions(query, ctx),
        ...(schedule !== undefined ? [{ doctorId: schedule }] : []),
        ...dateConditions(query, 'start', 'startsAt', ctx.zone),
      ]),
      include: [{ model: Appointment, as: 'appointments', attributes: ['id', 'active'] }],
      order: [['startsAt', 'ASC'], ['id', 'ASC']],
      offset: page.offset,
      limit: page.count,
      distinct: true,
    });
    return { total: count, resources: rows.map(toFhirSlot) };
  },
};

/** Appointment: by `patient`, `practitioner` and `date` (the slot's start). */
export const appointments: ResourceHandler = {
  type: 'Appointment',
  params: ['_id', '_lastUpdated', 'patient', 'practitioner', 'date'],
  async search(query, page, ctx) {
    const patientId = referenceParam(query, 'patient', 'Patient');
    const doctorId = referenceParam(query, 'practitioner', 'Practitioner');
    const { rows, count } = await Appointment.findAndCountAll({
      where: all([
        ...commonConditions(query, ctx),
        ...(patientId !== undefined ? [{ patientId }] : []),
        ...(doctorId !== undefined ? [{ doctorId }] : []),
      ]),
      include: [{ model: TimeSlot, as: 'slot', required: true, where: all(dateConditions(query, 'date', 'startsAt', ctx.zone)) }],
      order: [['id', 'ASC']],
      offset: page.offset,
      limit: page.count,
    });
    return { total: count, resources: rows.map(toFhirAppointment) };
  },
};
