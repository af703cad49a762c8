import type { PrescriptionItemInput } from '../../../common/records';
import { VITAL_FIELDS, type Vitals } from '../../../common/vitals';
import type { MedicalRecord, PrescriptionItem } from '../../models';
import { vitalsOf } from '../../presenters/records';

/** The prescription columns the doctor writes (what two rows are compared by). */
export const ITEM_TEXT_FIELDS = ['medicine', 'dose', 'route', 'frequency', 'duration', 'instructions'] as const;

/** One prescription row as wanted by a save: its content and, when the console knows it, the row's id. */
export type ItemContent = Required<Omit<PrescriptionItemInput, 'id'>> & { id?: number };

/** Everything a draft holds that the doctor edits. */
export interface DraftState {
  vitals: Vitals;
  chiefComplaint: string | null;
  diagnosis: string | null;
  icd10Code: string | null;
  notes: string | null;
  items: ItemContent[];
}

/** What one save asks to change: the keys sent; `vitals` field by field; `items` as the whole new list. */
export interface DraftChanges {
  vitals?: Partial<Vitals>;
  chiefComplaint?: string | null;
  diagnosis?: string | null;
  icd10Code?: string | null;
  notes?: string | null;
  items?: ItemContent[];
}

const TEXT_FIELDS = ['chiefComplaint', 'diagnosis', 'icd10Code', 'notes'] as const;

/** The draft as stored. */
export function stateOf(record: MedicalRecord, items: PrescriptionItem[]): DraftState {
  return {
    vitals: vitalsOf(record),
    chiefComplaint: record.chiefComplaint ?? null,
    diagnosis: record.diagnosis ?? null,
    icd10Code: record.icd10Code ?? null,
    notes: record.notes ?? null,
    items: [...items]
      .sort((a, b) => a.position - b.position || a.id - b.id)
      .map((item) => ({
        id: item.id,
        medicine: item.medicine,
        dose: item.dose ?? null,
        route: item.route ?? null,
        frequency: item.frequency ?? null,
        duration: item.duration ?? null,
        instructions: item.instructions ?? null,
      })),
  };
}

/** The draft after `changes`: unsent keys keep their value, sent vitals replace theirs one by one. */
export function mergeDraft(current: DraftState, changes: DraftChanges): DraftState {
  const next: DraftState = { ...current, vitals: { ...current.vitals } };
  for (const field of VITAL_FIELDS) {
    const value = changes.vitals?.[field];
    if (value !== undefined) next.vitals[field] = value;
  }
  for (const field of TEXT_FIELDS) {
    const value = changes[field];
    if (value !== undefined) next[field] = value;
  }
  if (changes.items) next.items = changes.items;
  return next;
}

/**
 * The fields that differ between two drafts ('vitals.pulseBpm', 'diagnosis', 'items'); empty when the save would
 * change nothing. Rows compare by content and order, never by id: a retried save that created rows sends them
 * again without ids, and must count as the same.
 */
export function changedFields(before: DraftState, after: DraftState): string[] {
  const changed: string[] = [];
  for (const field of VITAL_FIELDS) if (before.vitals[field] !== after.vitals[field]) changed.push(`vitals.${field}`);
  for (const field of TEXT_FIELDS) if (before[field] !== after[field]) changed.push(field);
  const rows = (items: ItemContent[]) => JSON.stringify(items.map((i) => ITEM_TEXT_FIELDS.map((f) => i[f])));
  if (rows(before.items) !== rows(after.items)) changed.push('items');
  return changed;
}
