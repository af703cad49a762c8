import { z } from 'zod';
import { ROLES } from '../../../common/api';
import { IdParams, id, notEmpty } from '../schema-parts';

const email = z
  .string({ error: 'Enter an email address.' })
  .trim()
  .toLowerCase()
  .max(190)
  .pipe(z.email('Enter a valid email address, such as name@clinic.org.'));
const fullName = z.string({ error: 'Enter the full name.' }).trim().min(1, 'Enter the full name.').max(120);
const role = z.enum(ROLES, { error: 'Choose admin, doctor or reception.' });
const password = z
  .string({ error: 'Enter a password.' })
  .min(10, 'Use at least 10 characters.')
  .max(200, 'Use at most 200 characters.');

/** GET /api/users */
export const ListStaffSchema = { query: z.object({ role: role.optional() }) };

/** POST /api/users */
export const CreateStaffSchema = { body: z.object({ email, fullName, role, password }) };

/** PATCH /api/users/:id */
export const UpdateStaffSchema = {
  params: z.object({ id }),
  body: z
    .object({ email: email.optional(), fullName: fullName.optional(), role: role.optional() })
    .refine(notEmpty, 'Send at least one of email, fullName and role.'),
};

/** POST /api/users/:id/reset-password */
export const ResetPasswordSchema = { params: z.object({ id }), body: z.object({ password }) };

/** POST /api/users/:id/deactivate and /activate */
export const StaffIdSchema = IdParams;
