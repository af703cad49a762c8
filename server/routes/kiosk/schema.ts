import { z } from 'zod';
import { FIRST_NAME_MAX } from '../../../common/kiosk';

const id = z.coerce.number().int().positive();

/** The same rules as the queue's check-in: one key per attempt, reused by every retry of it. */
const idempotencyKey = z
  .string({ error: 'A request key is required so a retried check-in gets the same ticket.' })
  .trim()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, - and _ only.');

/** Optional text: an empty field is the same as no field. */
const optionalText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** POST /api/kiosk/check-in */
export const KioskWalkInSchema = {
  body: z.object({
    departmentId: id,
    doctorId: id.optional(),
    priorityReason: z.enum(['elderly', 'pregnant', 'disability']).optional(),
    emergency: z.boolean().optional(),
    firstName: optionalText(
      z
        .string()
        .trim()
        .max(FIRST_NAME_MAX, `A first name of up to ${FIRST_NAME_MAX} letters, please.`)
        .regex(/^[\p{L}\p{M}' .-]+$/u, 'Letters only, please.'),
    ),
    phone: optionalText(z.string().trim().regex(/^\+?[0-9 ()-]{5,32}$/, 'Digits only, please (5 to 32).')),
    idempotencyKey,
  }),
};

/** POST /api/kiosk/appointments/find */
export const AppointmentLookupSchema = {
  body: z.union([
    z.object({ bookingCode: z.string().trim().min(4, 'Enter the code from your booking.').max(12) }),
    z.object({
      phone: z.string().trim().min(5, 'Enter the phone number you booked with.').max(32),
      dateOfBirth: z.iso.date('Enter the date of birth as YYYY-MM-DD.'),
    }),
  ]),
};

/** The public requests that create tickets or look up bookings: rate-limited per address. */
export function isRateLimited(method: string, path: string): boolean {
  return (
    method === 'POST' &&
    (/^\/api\/queue\/check-in(\/appointment)?\/?$/.test(path) || /^\/api\/kiosk\/(check-in|appointments\/find)\/?$/.test(path))
  );
}
