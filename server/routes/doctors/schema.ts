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
  consultationMinutes: z.number({ error: 'Enter minutes.' }).int('Whole minutes.').min(1).max(240).optional(),
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
