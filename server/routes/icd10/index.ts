import Router from '@koa/router';
import { z } from 'zod';
import type { Icd10SearchResponse } from '../../../common/records';
import { auth } from '../../middleware/auth';
import { validate, type InputOf } from '../../middleware/validate';
import { searchIcd10 } from '../../services/records/icd10';
import type { AppRouter } from '../../state';

/** GET /api/icd10?q=&limit= */
export const Icd10SearchSchema = {
  query: z.object({
    q: z.string().trim().max(100, 'Use at most 100 characters.').optional().default(''),
    limit: z.coerce.number().int().min(1).max(50, 'At most 50 results.').optional().default(20),
  }),
};

/** The ICD-10 list shipped with the project, searchable by code or title words, for staff (the diagnosis picker). */
export function icd10Routes(): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/icd10' });

  router.get('/', auth(), validate(Icd10SearchSchema), async (ctx) => {
    const { query } = ctx.state.input as InputOf<typeof Icd10SearchSchema>;
    const body: Icd10SearchResponse = { results: searchIcd10(query.q, query.limit) };
    // The list only changes with a release; a private cache spares typing round trips.
    ctx.set('Cache-Control', 'private, max-age=300');
    ctx.body = body;
  });

  return router;
}
