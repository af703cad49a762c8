import { FIRST_NAME_MAX } from '../../../common/kiosk';
import { z } from 'zod';
import { ENTRY_ACTIONS } from '../../../common/protocol';

const id = z.coerce.number().int().positive();

/** Optional text: an empty field is the same as no field. */
const optionalText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());
const idempotencyKey = z
  .string({ error: 'A request key is required so a retried check-in gets the same ticket.' })
  .trim()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, - and _ only.');

/** POST /api/queue/check-in and its alias POST /api/kiosk/check-in: one walk-in request, one set of rules. */
export const WalkInSchema = {
  body: z
    .object({
      departmentId: id,
      doctorId: id.optional(),
      priority: z.enum(['emergency', 'priority', 'normal']).optional(),
      priorityReason: z.enum(['elderly', 'pregnant', 'disability']).optional(),
      emergency: z.boolean().optional(),
      patientId: id.optional(),
      firstName: optionalText(
        z
          .string()
          .trim()
          .max(FIRST_NAME_MAX, `A first name of up to ${FIRST_NAME_MAX} letters, please.`)
          .regex(/^[\p{L}\p{M}' .-]+$/u, 'Letters only, please.'),
      ),
      phone: optionalText(z.string().trim().regex(/^\+?[0-9 ()-]{5,32}$/, 'Digits only, please (5 to 32).')),
      idempotencyKey,
    })
    .refine((b) => !b.priorityReason || b.priority === undefined || b.priority === 'priority', {
      path: ['priorityReason'],
      message: 'A priority reason goes with the "priority" class only.',
    }),
};

/** POST /api/queue/check-in/appointment */
export const AppointmentCheckInSchema = {
  body: z.union([
    z.object({ bookingCode: z.string().trim().min(4).max(12).toUpperCase(), idempotencyKey }),
    z.object({
      phone: z.string().trim().min(5).max(32),
      dateOfBirth: z.iso.date('Enter the date of birth as YYYY-MM-DD.'),
      idempotencyKey,
    }),
  ]),
};

/** Routes on one ticket by its public code. */
export const TicketSchema = { params: z.object({ code: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, 'Unknown ticket.') }) };

/** Routes on one department or doctor. */
export const IdParamSchema = { params: z.object({ id }) };

/** POST /api/queue/doctors/:id/call-next */
export const CallNextSchema = { params: z.object({ id }) };

/** URL names of the entry steps, mapped to the protocol's action names. */
export const STEP_PATHS = Object.fromEntries(ENTRY_ACTIONS.map((a) => [a.replace(/_/g, '-'), a])) as Record<
  string,
  (typeof ENTRY_ACTIONS)[number]
>;

/** POST /api/queue/entries/:id/<step> */
export const StepSchema = {
  params: z.object({ id, step: z.enum(Object.keys(STEP_PATHS) as [string, ...string[]]) }),
  body: z.object({
    expectedVersion: z.number({ error: 'Send the version of the entry your screen shows.' }).int().min(0),
    doctorId: id.optional(),
  }),
};

/** POST /api/queue/entries/:id/transfer */
export const TransferSchema = {
  params: z.object({ id }),
  body: z
    .object({
      expectedVersion: z.number().int().min(0),
      toDepartmentId: id.optional(),
      toDoctorId: id.optional(),
      reason: z.string().trim().min(1, 'Give a reason for the transfer.').max(255),
    })
    .refine((b) => b.toDepartmentId || b.toDoctorId, {
      path: ['toDepartmentId'],
      message: 'Choose the department or the doctor to transfer to.',
    }),
};

/** GET /api/queue/today */
export const TodaySchema = { query: z.object({ departmentId: id.optional() }) };

/** POST /api/queue/entries/:id/patient */
export const AttachPatientSchema = {
  params: z.object({ id }),
  body: z.object({ patientId: z.number({ error: 'Choose the patient to add.' }).int().positive('Choose the patient to add.') }),
};
