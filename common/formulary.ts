/**
 * The formulary (issue 19): the clinic's medicine list, seeded from the WHO Model List of Essential Medicines and
 * edited by admins, each doctor's favourites, and the structured choices offered for a prescription row (free text
 * is still allowed in every field).
 */
import { z } from 'zod';

/** A medicine as the API shows it. */
export interface MedicineView {
  id: number;
  name: string;
  strength: string;
  form: string;
  active: boolean;
  /** True when the signed-in doctor marked it as a favourite. */
  favourite: boolean;
  /** "Amoxicillin 500 mg capsule": what goes into the prescription row's medicine field. */
  label: string;
}

/** GET /api/formulary?q=&limit=&all= */
export interface FormularySearchResponse {
  medicines: MedicineView[];
  total: number;
}

/** POST /api/formulary and PATCH /api/formulary/:id (admin). */
export const MedicineInputSchema = z.object({
  name: z.string({ error: 'Name: enter the medicine\'s name.' }).trim().min(1, 'Name: enter the medicine\'s name.').max(150, 'Name: use at most 150 characters.'),
  strength: z.string().trim().max(80, 'Strength: use at most 80 characters.').optional().default(''),
  form: z.string().trim().max(60, 'Form: use at most 60 characters.').optional().default(''),
  active: z.boolean({ error: 'Active: expected true or false.' }).optional(),
});
export type MedicineInput = z.input<typeof MedicineInputSchema>;

/** The text a medicine puts into a prescription row. */
export function medicineLabel(m: { name: string; strength: string; form: string }): string {
  return [m.name, m.strength, m.form].filter(Boolean).join(' ');
}

/** Structured choices for a prescription row's fields; the doctor may still type anything else. */
export const ROW_CHOICES = {
  dose: ['1 tablet', '2 tablets', '1 capsule', '2 capsules', '5 mL', '10 mL', '250 mg', '500 mg', '1 g', '2 puffs', '1 drop', 'apply thinly'],
  route: ['oral', 'sublingual', 'inhaled', 'topical', 'eye', 'ear', 'nasal', 'rectal', 'vaginal', 'subcutaneous', 'intramuscular', 'intravenous'],
  frequency: ['once a day', 'twice a day', 'three times a day', 'four times a day', 'every 4 hours', 'every 6 hours', 'every 8 hours', 'at night', 'in the morning', 'as needed', 'once a week'],
  duration: ['1 day', '3 days', '5 days', '7 days', '10 days', '14 days', '1 month', '3 months', 'ongoing'],
} as const;
