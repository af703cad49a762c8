import type { Transaction } from 'sequelize';
import { allergyMatches } from '../../../common/allergies';
import { AppError, validationFailed } from '../../errors';
import { PrescriptionItem } from '../../models';
import { ITEM_TEXT_FIELDS, type ItemContent } from './draft-state';

/** A medicine prescribed despite a matching allergy, for the audit log. */
export interface AllergyConfirmation {
  medicine: string;
  allergies: string[];
}

/** How a save turns the stored rows into the wanted list. */
export interface ItemPlan {
  rows: { row: PrescriptionItem | null; content: ItemContent; position: number; allergyConfirmed: boolean }[];
  remove: PrescriptionItem[];
  confirmations: AllergyConfirmation[];
}

const sameMedicine = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Matches the wanted rows to the stored ones (by id; rows without an id take an unused stored row with the same
 * medicine, so a console that does not track ids keeps them stable) and checks allergies.
 *
 * A medicine matching a recorded allergy needs confirmation once: a stored row that was confirmed for the same
 * medicine stays confirmed; any other match is refused with 409 `allergy_conflict` (naming each row in `fields`)
 * unless the request says `confirmAllergy`, which is then audited.
 */
export function planItems(
  stored: PrescriptionItem[],
  wanted: ItemContent[],
  allergies: string | null,
  confirmAllergy: boolean,
): ItemPlan {
  const unused = new Map(stored.map((row) => [row.id, row]));
  const matched: (PrescriptionItem | null)[] = wanted.map((item, index) => {
    if (item.id === undefined) return null;
    const row = unused.get(item.id);
    if (!row) {
      throw validationFailed([{ path: `items.${index}.id`, message: 'This row is not part of the record. Reload the record.' }]);
    }
    unused.delete(item.id);
    return row;
  });
  wanted.forEach((item, index) => {
    if (matched[index]) return;
    const row = [...unused.values()].find((r) => sameMedicine(r.medicine, item.medicine));
    if (row) {
      unused.delete(row.id);
      matched[index] = row;
    }
  });

  const conflicts: { index: number; medicine: string; allergies: string[] }[] = [];
  const confirmations: AllergyConfirmation[] = [];
  const rows = wanted.map((content, index) => {
    const row = matched[index];
    const matches = allergyMatches(content.medicine, allergies);
    let allergyConfirmed = false;
    if (matches.length) {
      if (row?.allergyConfirmed && sameMedicine(row.medicine, content.medicine)) allergyConfirmed = true;
      else if (confirmAllergy) {
        allergyConfirmed = true;
        confirmations.push({ medicine: content.medicine, allergies: matches });
      } else conflicts.push({ index, medicine: content.medicine, allergies: matches });
    }
    return { row, content, position: index, allergyConfirmed };
  });
  if (conflicts.length) throw allergyConflict(conflicts);
  return { rows, remove: [...unused.values()], confirmations };
}

function allergyConflict(conflicts: { index: number; medicine: string; allergies: string[] }[]): AppError {
  const fields = conflicts.map((c) => ({
    path: `items.${c.index}.medicine`,
    message: `${c.medicine} matches the recorded allergy: ${c.allergies.join(', ')}.`,
  }));
  const message =
    conflicts.length === 1
      ? `${conflicts[0].medicine} matches the patient's recorded allergy (${conflicts[0].allergies.join(', ')}). Confirm to prescribe it anyway.`
      : `${conflicts.map((c) => c.medicine).join(', ')} match the patient's recorded allergies. Confirm to prescribe them anyway.`;
  return new AppError(409, 'allergy_conflict', message, fields);
}

/** Writes the plan: removes rows no longer wanted, updates kept rows that changed, creates the new ones. */
export async function applyItems(recordId: number, plan: ItemPlan, transaction: Transaction): Promise<void> {
  for (const row of plan.remove) await row.destroy({ transaction });
  for (const { row, content, position, allergyConfirmed } of plan.rows) {
    const values = {
      ...Object.fromEntries(ITEM_TEXT_FIELDS.map((f) => [f, content[f]])),
      position,
      allergyConfirmed,
    } as Pick<PrescriptionItem, (typeof ITEM_TEXT_FIELDS)[number] | 'position' | 'allergyConfirmed'>;
    if (row) {
      row.set(values);
      if (row.changed()) await row.save({ transaction });
    } else {
      await PrescriptionItem.create({ medicalRecordId: recordId, ...values }, { transaction });
    }
  }
}
