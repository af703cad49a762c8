import { z } from 'zod';
import { APPOINTMENT_STATUSES } from '../../models/appointment';
import { day, id, IdParams, optionalText, paging } from '../schema-parts';

/** POST /api/appointments */
export const BookSchema = { body: z.object({ slotId: id, patientId: id, reason: optionalText(255) }) };

/** GET /api/appointments */
export const ListAppointmentsSchema = {
  query: z
    .object({
      doctorId: id.optional(),
      patientId: id.optional(),
      status: z.enum(APPOINTMENT_STATUSES).optional(),
      from: day.optional(),
      to: day.optional(),
      ...paging,
    })
    .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'The last day cannot be before the first.' }),
};

/** POST /api/appointments/:id/cancel */
export const CancelSchema = {
  params: z.object({ id }),
  body: z.object({
    reason: z.string({ error: 'Say why the appointment is cancelled.' }).trim().min(1, 'Say why the appointment is cancelled.').max(255),
  }),
};

/** POST /api/appointments/:id/reschedule */
export const RescheduleSchema = { params: z.object({ id }), body: z.object({ slotId: id }) };

/** Routes on one appointment. */
export const AppointmentIdSchema = IdParams;
