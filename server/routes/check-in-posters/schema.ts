import { z } from 'zod';
import { day, id } from '../schema-parts';

/** POST /api/check-in-posters */
export const CreatePosterSchema = {
  body: z.object({
    label: z.string({ error: 'Give the poster a name.' }).trim().min(1, 'Give the poster a name.').max(100, 'Use at most 100 characters.'),
    kioskProfileId: id.nullable().optional(),
    validThrough: day,
  }),
};

/** POST /api/check-in-posters/:id/revoke, GET /check-in-posters/:id/print */
export const PosterIdSchema = { params: z.object({ id }) };
