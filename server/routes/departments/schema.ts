import { z } from 'zod';
import { IdParams, id, notEmpty } from '../schema-parts';

// Each check has its own words: in zod 4 a schema's `error` would otherwise answer for every failure, length too.
const name = z
  .string({ error: 'Enter the department name.' })
  .trim()
  .min(1, 'Enter the department name.')
  .max(100, { error: (issue) => `Department name is too long: use at most 100 characters (it has ${String(issue.input ?? '').length}).` });
const prefix = z
  .string({ error: 'Enter the ticket prefix.' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,3}$/, { error: (issue) => `Ticket prefix "${String(issue.input ?? '')}" is not 1 to 3 letters. Use letters only, such as C or ENT.` });

/** POST /api/departments */
export const CreateDepartmentSchema = { body: z.object({ name, prefix }) };

/** PATCH /api/departments/:id */
export const UpdateDepartmentSchema = {
  params: z.object({ id }),
  body: z.object({ name: name.optional(), prefix: prefix.optional() }).refine(notEmpty, 'Send name or prefix.'),
};

/** POST /api/departments/:id/deactivate and /activate */
export const DepartmentIdSchema = IdParams;
