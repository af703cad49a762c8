import { z } from 'zod';
import { ITEM_SCHEMAS, MAX_ITEMS, READ_REASON_SCHEMA, RECORD_TEXT_SCHEMAS, vitalSchema } from '../../../common/record-fields';
import { icd10Entry } from '../../services/records/icd10';

const id = z.coerce.number({ error: 'Expected a number.' }).int().positive('Expected a positive id.');
const revision = z.number({ error: 'Send the revision of the record your screen shows.' }).int().min(0);

/** A text the doctor may clear: trimmed and limited by its shared schema; an empty string means null. */
const text = (schema: z.ZodString) => schema.transform((v) => (v === '' ? null : v)).nullable();

/** One vital, as the shared schema checks it. */
const vital = vitalSchema;

/** The vitals of a save; a key left out is not changed (PATCH) or not measured (PUT). */
const vitals = z.object({
  bpSystolicMmhg: vital('bpSystolicMmhg').optional(),
  bpDiastolicMmhg: vital('bpDiastolicMmhg').optional(),
  pulseBpm: vital('pulseBpm').optional(),
  spo2Percent: vital('spo2Percent').optional(),
  temperatureC: vital('temperatureC').optional(),
  respiratoryRatePerMin: vital('respiratoryRatePerMin').optional(),
  weightKg: vital('weightKg').optional(),
  heightCm: vital('heightCm').optional(),
});

/** An ICD-10 code from the shipped list (server/data/icd10.json), or null. */
const icd10Code = z
  .string()
  .trim()
  .toUpperCase()
  .transform((v, ctx) => {
    if (v === '') return null;
    const entry = icd10Entry(v);
    if (!entry) {
      ctx.addIssue({ code: 'custom', message: `${v} is not in the clinic's ICD-10 list. Pick a code from the search.` });
      return z.NEVER;
    }
    return entry.code;
  })
  .nullable();

const item = z.object({
  id: id.optional(),
  medicine: ITEM_SCHEMAS.medicine,
  dose: text(ITEM_SCHEMAS.dose).optional().default(null),
  route: text(ITEM_SCHEMAS.route).optional().default(null),
  frequency: text(ITEM_SCHEMAS.frequency).optional().default(null),
  duration: text(ITEM_SCHEMAS.duration).optional().default(null),
  instructions: text(ITEM_SCHEMAS.instructions).optional().default(null),
});

const draftFields = {
  vitals,
  chiefComplaint: text(RECORD_TEXT_SCHEMAS.chiefComplaint),
  diagnosis: text(RECORD_TEXT_SCHEMAS.diagnosis),
  icd10Code,
  notes: text(RECORD_TEXT_SCHEMAS.notes),
  items: z.array(item).max(MAX_ITEMS, `At most ${MAX_ITEMS} medicines on one record.`),
};

/** POST /api/records */
export const OpenRecordSchema = { body: z.object({ queueEntryId: id }) };

/** Routes on one record. */
export const RecordIdSchema = { params: z.object({ id }) };

/** Why a doctor reads a record outside their department and current patient (recorded in the audit log). */
export const readReason = z.string().trim().max(READ_REASON_SCHEMA.maxLength ?? 500, 'Reason: use at most 500 characters.').optional();

/** GET /api/records/:id?reason= */
export const ReadRecordSchema = { params: z.object({ id }), query: z.object({ reason: readReason }) };

/** PUT /api/records/:id: the whole draft; every key is required (null when empty), so a bug cannot wipe a field. */
export const PutDraftSchema = {
  params: z.object({ id }),
  body: z.object({ revision, ...draftFields, confirmAllergy: z.boolean().optional().default(false) }),
};

/** PATCH /api/records/:id: only the keys sent change. */
export const PatchDraftSchema = {
  params: z.object({ id }),
  body: z.object({
    revision,
    vitals: vitals.optional(),
    chiefComplaint: draftFields.chiefComplaint.optional(),
    diagnosis: draftFields.diagnosis.optional(),
    icd10Code: icd10Code.optional(),
    notes: draftFields.notes.optional(),
    items: draftFields.items.optional(),
    confirmAllergy: z.boolean().optional().default(false),
  }),
};

/** POST /api/records/:id/sign */
export const SignSchema = {
  params: z.object({ id }),
  body: z.object({
    revision,
    expectedVersion: z.number({ error: 'Send the version of the queue entry your screen shows.' }).int().min(0),
  }),
};

/** POST /api/records/:id/addenda */
export const AddendumSchema = {
  params: z.object({ id }),
  body: z.object({
    text: z.string({ error: 'Write the addendum.' }).trim().min(1, 'Write the addendum.').max(20_000, 'Use at most 20000 characters.'),
  }),
};

/** POST /api/records/walk-ins/:entryId/patient */
export const AttachWalkInSchema = { params: z.object({ entryId: id }), body: z.object({ patientId: id }) };
