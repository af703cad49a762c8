import { z } from 'zod';
import { day, id, IdParams } from '../schema-parts';

const generation = z
  .object({
    fromDay: day.optional(),
    days: z.number({ error: 'Give a number of days.' }).int().min(1, 'At least 1 day.').max(366, 'At most 366 days.').optional(),
  })
  .default({});

/** POST /api/doctors/:doctorId/slots/generate */
export const GenerateSchema = { params: z.object({ doctorId: id }), body: generation };

/** POST /api/slots/generate (every active doctor) */
export const GenerateAllSchema = { body: generation };

/** GET /api/doctors/:doctorId/calendar?week=YYYY-MM-DD (default: this week) */
export const CalendarSchema = { params: z.object({ doctorId: id }), query: z.object({ week: day.optional() }) };

/** POST /api/slots/:id/block and /unblock */
export const SlotIdSchema = IdParams;
