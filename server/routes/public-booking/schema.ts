import { z } from 'zod';
import { day, id } from '../schema-parts';
import { systemNow } from '../../clock';

/** GET /api/public/doctors */
export const PublicDoctorsSchema = { query: z.object({ departmentId: id.optional() }) };

/** GET /api/public/slots: one doctor or one department, at most 31 days. */
export const PublicSlotsSchema = {
  query: z
    .object({ doctorId: id.optional(), departmentId: id.optional(), from: day, to: day })
    .refine((q) => q.doctorId || q.departmentId, { path: ['doctorId'], message: 'Choose a doctor or a department.' })
    .refine((q) => q.to >= q.from, { path: ['to'], message: 'The last day cannot be before the first.' })
    .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 30 * 86_400_000, { path: ['to'], message: 'Look at most 31 days at a time.' }),
};

/** POST /api/public/bookings */
export const PublicBookingSchema = {
  body: z.object({
    slotId: id,
    fullName: z.string({ error: 'Enter your full name.' }).trim().min(2, 'Enter your full name.').max(120),
    phone: z
      .string({ error: 'Enter your phone number.' })
      .trim()
      .max(32)
      .refine(
        (p) => /^[\d\s()+.-]+$/.test(p) && p.replace(/\D/g, '').length >= 6,
        'Enter your phone number: at least 6 digits (spaces and + ( ) - . allowed).',
      ),
    dateOfBirth: day.refine((d) => d >= '1900-01-01' && d <= systemNow().toISOString().slice(0, 10), {
      message: 'Enter a date of birth between 1900 and today.',
    }),
    /** Register for the patient dashboard (/me): an account found by this phone number. */
    createAccount: z.boolean().optional(),
  }),
};
