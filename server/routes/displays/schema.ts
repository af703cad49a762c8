import { z } from 'zod';
import { DISPLAY_LANGUAGES, DISPLAY_THEMES, MAX_DISPLAY_DEPARTMENTS } from '../../../common/display';

const id = z.coerce.number().int().positive();

const name = z.string({ error: 'Give the display a name.' }).trim().min(1, 'Give the display a name.').max(100, 'Use at most 100 characters.');

const slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(64, 'Use at most 64 characters.')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use letters, digits and single dashes, e.g. "main-hall".')
  .refine((s) => !/^\d+$/.test(s), 'Use at least one letter: an address of digits only means a profile id.');

const departmentIds = z
  .array(id, { error: 'List the ids of the departments to show (an empty list shows them all).' })
  .max(MAX_DISPLAY_DEPARTMENTS, `A display can show at most ${MAX_DISPLAY_DEPARTMENTS} departments.`);

const language = z.enum(DISPLAY_LANGUAGES, { error: `Choose one of ${DISPLAY_LANGUAGES.join(', ')}.` });
const theme = z.enum(DISPLAY_THEMES, { error: `Choose one of ${DISPLAY_THEMES.join(', ')}.` });
const voice = z.boolean({ error: 'Send true or false.' });
const checkInKioskId = id.nullable();

/** POST /api/displays */
export const CreateDisplaySchema = {
  body: z.object({
    name,
    slug: slug.optional(),
    departmentIds: departmentIds.optional(),
    language: language.optional(),
    voice: voice.optional(),
    theme: theme.optional(),
    checkInKioskId: checkInKioskId.optional(),
  }),
};

/** PATCH /api/displays/:id (any subset of the fields) */
export const UpdateDisplaySchema = {
  params: z.object({ id }),
  body: z
    .object({
      name: name.optional(),
      slug: slug.optional(),
      departmentIds: departmentIds.optional(),
      language: language.optional(),
      voice: voice.optional(),
      theme: theme.optional(),
      checkInKioskId: checkInKioskId.optional(),
    })
    .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'Send at least one field to change.' }),
};

/** DELETE /api/displays/:id */
export const DisplayIdSchema = { params: z.object({ id }) };

/** GET /api/displays/setup: what a display's address asks for. */
export const DisplaySetupSchema = {
  query: z.object({
    profile: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9-]{1,64}$/, 'Give a display profile id or slug.')
      .optional(),
    departments: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{1,3}(,[A-Z]{1,3})*$/, 'List token prefixes separated by commas, e.g. C,D.')
      .transform((s) => [...new Set(s.split(','))])
      .optional(),
    lang: language.optional(),
    theme: theme.optional(),
    voice: z
      .enum(['on', 'off'], { error: 'Use voice=on or voice=off.' })
      .transform((v) => v === 'on')
      .optional(),
  }),
};
