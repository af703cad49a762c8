import { z } from 'zod';
import { IdParams, id, notEmpty } from '../schema-parts';

const name = z.string({ error: 'Enter the department name.' }).trim().min(1, 'Enter the department name.').max(100);
const prefix = z
  .string({ error: 'Enter the ticket prefix.' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,3}$/, 'Use 1 to 3 letters, such as C or ENT.');

/** POST /api/departments */
export const CreateDepartmentSchema = { body: z.object({ name, prefix }) };

/** PATCH /api/departments/:id */
export const UpdateDepartmentSchema = {
  params: z.object({ id }),
  body: z.object({ name: name.optional(), prefix: prefix.optional() }).refine(notEmpty, 'Send name or prefix.'),
};

/** POST /api/departments/:id/deactivate and /activate */
export const DepartmentIdSchema = IdParams;
