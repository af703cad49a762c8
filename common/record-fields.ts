/**
 * The consultation record's fields: their labels as the doctor sees them and their zod schemas, in ONE place for the
 * server (which validates every save with them) and the staff panel (which takes `maxlength`, ranges and the
 * messages shown next to each field from the very same schemas, so the two can never disagree).
 */
import { z } from 'zod';
import { VITALS, VITAL_FIELDS, checkVital, rangeMessage, type VitalField } from './vitals';

/** The free-text fields of a record. */
export const RECORD_TEXT_FIELDS = ['chiefComplaint', 'diagnosis', 'notes'] as const;
export type RecordTextField = (typeof RECORD_TEXT_FIELDS)[number];

/** The fields of a prescription row, medicine first, in the printed order. */
export const ITEM_FIELDS = ['medicine', 'dose', 'route', 'frequency', 'duration', 'instructions'] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

/** Labels as on screen. */
export const RECORD_FIELD_LABELS: Readonly<Record<RecordTextField | 'icd10Code' | ItemField, string>> = {
  chiefComplaint: 'Chief complaint',
  diagnosis: 'Diagnosis',
  notes: 'Notes',
  icd10Code: 'ICD-10 code',
  medicine: 'Medicine',
  dose: 'Dose',
  route: 'Route',
  frequency: 'Frequency',
  duration: 'Duration',
  instructions: 'Instructions',
};

/** A text field's schema before trimming to null: the label is in every message. */
const limited = (label: string, max: number) =>
  z
    .string({ error: `${label}: expected text.` })
    .trim()
    .max(max, { error: (issue) => `${label} is too long: use at most ${max} characters (it has ${String(issue.input ?? '').length}).` });

/** The free-text fields' schemas (the client reads `maxLength` from them). */
export const RECORD_TEXT_SCHEMAS = {
  chiefComplaint: limited('Chief complaint', 500),
  diagnosis: limited('Diagnosis', 500),
  notes: limited('Notes', 20_000),
} as const satisfies Record<RecordTextField, z.ZodString>;

/** A prescription row's fields' schemas; the medicine is required. */
export const ITEM_SCHEMAS = {
  medicine: limited('Medicine', 200).min(1, 'Name the medicine.'),
  dose: limited('Dose', 100),
  route: limited('Route', 50),
  frequency: limited('Frequency', 100),
  duration: limited('Duration', 100),
  instructions: limited('Instructions', 2000),
} as const satisfies Record<ItemField, z.ZodString>;

/**
 * The reason a doctor gives to read records outside the usual rules (another department's visit, a patient who is
 * not with them now); it is recorded with the read. The server refuses a shorter one with `reason_required`, and the
 * panel's reason dialog takes `minlength` and `maxlength` from here.
 */
export const READ_REASON_SCHEMA = limited('Reason', 500).min(10, 'Reason: say in a few words why you need to read this (at least 10 characters).');

/** At most this many medicines on one record. */
export const MAX_ITEMS = 30;

/** The longest text a field accepts, read from its schema (for the input's `maxlength`). */
export function maxLengthOf(field: RecordTextField | ItemField): number {
  const schema: z.ZodString = field in RECORD_TEXT_SCHEMAS ? RECORD_TEXT_SCHEMAS[field as RecordTextField] : ITEM_SCHEMAS[field as ItemField];
  return schema.maxLength ?? Infinity;
}

/** One vital: null (not measured) or a number within its plausible range (vitals.ts), named in the error. */
export const vitalSchema = (field: VitalField) =>
  z
    .number({ error: rangeMessage(field) })
    .nullable()
    .transform((value, ctx) => {
      const checked = checkVital(field, value);
      if ('error' in checked) {
        ctx.addIssue({ code: 'custom', message: checked.error });
        return z.NEVER;
      }
      return checked.value;
    });

/** The message for a diastolic pressure that is not below the systolic, or null when the pair is fine. */
export function bloodPressureProblem(systolic: number | null, diastolic: number | null): string | null {
  if (systolic === null || diastolic === null || diastolic < systolic) return null;
  return `${VITALS.bpDiastolicMmhg.label} (${diastolic}) must be lower than ${VITALS.bpSystolicMmhg.label.toLowerCase()} (${systolic}).`;
}

/** The first message of a failed parse. */
export function firstMessage(result: { success: boolean; error?: z.ZodError }): string | null {
  return result.success ? null : (result.error?.issues[0]?.message ?? 'This value is not accepted.');
}

/**
 * A request path as the doctor would name it: `vitals.spo2Percent` -> "SpO2", `items.1.dose` -> "Medicine 2: Dose",
 * `chiefComplaint` -> "Chief complaint".
 */
export function fieldLabel(path: string): string {
  const [head, second, third] = path.split('.');
  if (head === 'vitals' && (VITAL_FIELDS as readonly string[]).includes(second)) return VITALS[second as VitalField].label;
  if (head === 'items' && second !== undefined) {
    const label = RECORD_FIELD_LABELS[third as ItemField];
    return `Medicine ${Number(second) + 1}${label ? `: ${label}` : ''}`;
  }
  return RECORD_FIELD_LABELS[head as keyof typeof RECORD_FIELD_LABELS] ?? head;
}
