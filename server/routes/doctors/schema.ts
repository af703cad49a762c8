import { z } from 'zod';
import { id, IdParams, notEmpty } from '../schema-parts';

const fields = {
  licenseNumber: z.string({ error: 'Enter the licence number.' }).trim().min(1, 'Enter the licence number.').max(64),
  specialization: z.string({ error: 'Enter the specialization.' }).trim().min(1, 'Enter the specialization.').max(100),
  rating: z
    .number({ error: 'Enter a rating from 0 to 5, or null.' })
    .min(0, 'Ratings go from 0 to 5.')
    .max(5, 'Ratings go from 0 to 5.')
    .multipleOf(0.1, 'Use one decimal place.')
    .nullable()
    .optional(),
  departmentId: id,
  room: z.string({ error: 'Enter the room.' }).trim().min(1, 'Enter the room, such as "Room 3".').max(40),
  consultationMinutes: z
    .number({ error: 'Consultation minutes: enter a number of minutes.' })
    .int('Consultation minutes: use whole minutes.')
    .min(1, 'Consultation minutes: at least 1 minute.')
    .max(240, 'Consultation minutes: at most 240 minutes.')
    .optional(),
};

/** GET /api/doctors */
export const ListDoctorsSchema = { query: z.object({ departmentId: id.optional() }) };

/** POST /api/doctors */
export const CreateDoctorSchema = { body: z.object({ userId: id, ...fields }) };

/** PATCH /api/doctors/:id */
export const UpdateDoctorSchema = {
  params: z.object({ id }),
  body: z
    .object({
      licenseNumber: fields.licenseNumber.optional(),
      specialization: fields.specialization.optional(),
      rating: fields.rating,
      departmentId: id.optional(),
      room: fields.room.optional(),
      consultationMinutes: fields.consultationMinutes,
    })
    .refine(notEmpty, 'Send at least one field to change.'),
};

/** GET /api/doctors/:id */
export const DoctorIdSchema = IdParams;
