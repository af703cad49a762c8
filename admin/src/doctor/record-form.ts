import type { Icd10Entry, PrescriptionItemInput, RecordPatchRequest } from '../../../common/records';
import {
  ITEM_FIELDS,
  ITEM_SCHEMAS,
  RECORD_TEXT_FIELDS,
  RECORD_TEXT_SCHEMAS,
  bloodPressureProblem,
  firstMessage,
  type RecordTextField,
} from '../../../common/record-fields';
import { VITAL_FIELDS, checkVital, type VitalField } from '../../../common/vitals';
import type { PrescriptionRow } from './mq-prescription-rows';

/** The consultation form as typed: every value a string until it is saved. */
export interface RecordForm {
  vitals: Record<VitalField, string>;
  texts: Record<RecordTextField, string>;
  icd10: Icd10Entry | null;
  rows: PrescriptionRow[];
}

/** A field that cannot be saved as it is: its request path (`vitals.spo2Percent`, `items.0.dose`) and why. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** A vital as typed, as a number (a comma taken as the decimal point); null when empty. */
export function vitalNumber(form: RecordForm, field: VitalField): number | null {
  const text = form.vitals[field].trim().replace(',', '.');
  return text === '' ? null : Number(text);
}

/**
 * Every field the server would refuse, checked with the server's own schemas, in the order they are on screen:
 * vitals (with the diastolic-below-systolic rule), the texts, then the prescription rows.
 */
export function formProblems(form: RecordForm): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of VITAL_FIELDS) {
    const checked = checkVital(field, vitalNumber(form, field));
    if ('error' in checked) problems.push({ path: `vitals.${field}`, message: checked.error });
  }
  if (!problems.some((p) => p.path.startsWith('vitals.bp'))) {
    const bp = bloodPressureProblem(vitalNumber(form, 'bpSystolicMmhg'), vitalNumber(form, 'bpDiastolicMmhg'));
    if (bp) problems.push({ path: 'vitals.bpDiastolicMmhg', message: bp });
  }
  for (const field of RECORD_TEXT_FIELDS) {
    const message = firstMessage(RECORD_TEXT_SCHEMAS[field].safeParse(form.texts[field]));
    if (message) problems.push({ path: field, message });
  }
  form.rows.forEach((row, index) => {
    // A row still entirely empty is not sent and cannot be wrong.
    if (ITEM_FIELDS.every((f) => !row[f].trim())) return;
    for (const field of ITEM_FIELDS) {
      const message = firstMessage(ITEM_SCHEMAS[field].safeParse(row[field]));
      if (message) problems.push({ path: `items.${index}.${field}`, message: `Medicine ${index + 1}: ${message}` });
    }
  });
  return problems;
}

/**
 * The autosave of every field that can be saved: a field with a problem (`blocked` paths) is left out, so the rest
 * still reaches the server. The two blood pressures travel together, as the server checks them against each other;
 * the rows travel as one list (the list replaces the stored one), so one bad row holds the list back.
 */
export function buildPatch(form: RecordForm, revision: number, blocked: ReadonlySet<string>, confirmAllergy: boolean): RecordPatchRequest {
  const bpBlocked = blocked.has('vitals.bpSystolicMmhg') || blocked.has('vitals.bpDiastolicMmhg');
  const vitals: Partial<Record<VitalField, number | null>> = {};
  for (const field of VITAL_FIELDS) {
    if (blocked.has(`vitals.${field}`) || (bpBlocked && field.startsWith('bp'))) continue;
    vitals[field] = vitalNumber(form, field);
  }
  const patch: RecordPatchRequest = { revision, vitals };
  if (!blocked.has('icd10Code')) patch.icd10Code = form.icd10?.code ?? null;
  for (const field of RECORD_TEXT_FIELDS) if (!blocked.has(field)) patch[field] = form.texts[field].trim() || null;
  if (![...blocked].some((p) => p.startsWith('items'))) {
    patch.items = form.rows
      .filter((r) => r.medicine.trim())
      .map((r): PrescriptionItemInput => ({
        ...(r.id ? { id: r.id } : {}),
        medicine: r.medicine.trim(),
        dose: r.dose.trim() || null,
        route: r.route.trim() || null,
        frequency: r.frequency.trim() || null,
        duration: r.duration.trim() || null,
        instructions: r.instructions.trim() || null,
      }));
  }
  if (confirmAllergy) patch.confirmAllergy = true;
  return patch;
}
