import { z } from 'zod';
import { LANGUAGES } from '../../../common/i18n';
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

/** The name in each patient language but English (English is `name`); an empty text removes one. */
const labels = z.partialRecord(
  z.enum(LANGUAGES.filter((l) => l !== 'en') as [string, ...string[]], { error: `Give names by language code (${LANGUAGES.filter((l) => l !== 'en').join(', ')}).` }),
  z.string({ error: 'Enter the name as text.' }).trim().max(100, 'Use at most 100 characters.'),
);

/** POST /api/departments */
export const CreateDepartmentSchema = { body: z.object({ name, prefix, labels: labels.optional() }) };

/** PATCH /api/departments/:id */
export const UpdateDepartmentSchema = {
  params: z.object({ id }),
  body: z.object({ name: name.optional(), prefix: prefix.optional(), labels: labels.optional() }).refine(notEmpty, 'Send name, prefix or labels.'),
};

/** POST /api/departments/:id/deactivate and /activate */
export const DepartmentIdSchema = IdParams;
