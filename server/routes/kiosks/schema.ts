import { z } from 'zod';
import { KIOSK_LANGUAGES } from '../../../common/kiosk-profile';
import { id, notEmpty } from '../schema-parts';

/** Most departments one kiosk may offer; a kiosk offering more should offer all (an empty list). */
export const MAX_KIOSK_DEPARTMENTS = 50;

const name = z.string({ error: 'Give the kiosk a name.' }).trim().min(1, 'Give the kiosk a name.').max(100, 'Use at most 100 characters.');

const departmentIds = z
  .array(id, { error: 'List the ids of the departments to offer (an empty list offers them all).' })
  .max(MAX_KIOSK_DEPARTMENTS, `A kiosk can offer at most ${MAX_KIOSK_DEPARTMENTS} departments; offer all instead.`);

const printing = z.boolean({ error: 'Send true or false.' });
// Each switch its own schema, so a refusal names its field.
const phoneCheckIn = z.boolean({ error: 'Send true or false.' });
const language = z.enum(KIOSK_LANGUAGES, { error: `Choose one of ${KIOSK_LANGUAGES.join(', ')}.` });

/** POST /api/kiosks */
export const CreateKioskSchema = {
  body: z.object({
    name,
    departmentIds: departmentIds.optional(),
    printing: printing.optional(),
    language: language.optional(),
    phoneCheckIn: phoneCheckIn.optional(),
    lockZoom: phoneCheckIn.optional(),
  }),
};

/** PATCH /api/kiosks/:id (any subset of the fields) */
export const UpdateKioskSchema = {
  params: z.object({ id }),
  body: z
    .object({
      name: name.optional(),
      departmentIds: departmentIds.optional(),
      printing: printing.optional(),
      language: language.optional(),
      phoneCheckIn: phoneCheckIn.optional(),
      lockZoom: phoneCheckIn.optional(),
    })
    .refine(notEmpty, { message: 'Send at least one field to change.' }),
};

/** DELETE /api/kiosks/:id, GET /api/kiosks/:id/setup */
export const KioskIdSchema = { params: z.object({ id }) };
