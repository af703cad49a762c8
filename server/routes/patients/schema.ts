import { z } from 'zod';
import { BLOOD_GROUPS, SEXES } from '../../models/patient';
import { day, id, IdParams, notEmpty, optionalText, paging } from '../schema-parts';
import { systemNow } from '../../clock';

const fullName = z.string({ error: "Enter the patient's full name." }).trim().min(1, "Enter the patient's full name.").max(120);
const dateOfBirth = day.refine((d) => d <= systemNow().toISOString().slice(0, 10) && d >= '1900-01-01', {
  message: 'Enter a date of birth between 1900 and today.',
});
const phone = z
  .string()
  .trim()
  .max(32, 'Use at most 32 characters.')
  .refine(
    (p) => p === '' || (/^[\d\s()+.-]+$/.test(p) && p.replace(/\D/g, '').length >= 6),
    'Enter a phone number of at least 6 digits (spaces and + ( ) - . allowed).',
  )
  .transform((p) => (p === '' ? null : p))
  .nullable()
  .optional();

const optionalFields = {
  sex: z.enum(SEXES, { error: 'Choose female, male, other or unknown.' }).optional(),
  phone,
  bloodGroup: z.enum(BLOOD_GROUPS, { error: 'Choose a blood group such as A+ or O-.' }).nullable().optional(),
  allergies: optionalText(2000),
  insuranceProvider: optionalText(100),
  insuranceNumber: optionalText(64),
};

/** POST /api/patients */
export const CreatePatientSchema = {
  body: z.object({ fullName, dateOfBirth, ...optionalFields, confirmDuplicate: z.boolean().optional() }),
};

/** PATCH /api/patients/:id */
export const UpdatePatientSchema = {
  params: z.object({ id }),
  body: z
    .object({ fullName: fullName.optional(), dateOfBirth: dateOfBirth.optional(), ...optionalFields })
    .refine(notEmpty, 'Send at least one field to change.'),
};

/** GET /api/patients?q=&page=&pageSize= */
export const SearchPatientsSchema = {
  query: z.object({ q: z.string().max(120, 'Search with at most 120 characters.').default(''), ...paging }),
};

/** GET /api/patients/:id */
export const PatientIdSchema = IdParams;
