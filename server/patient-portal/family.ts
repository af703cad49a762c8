import Router from '@koa/router';
import { z } from 'zod';
import { validationFailed } from '../errors';
import { auth } from '../middleware/auth';
import { validate, type InputOf } from '../middleware/validate';
import { id } from '../routes/schema-parts';
import type { AppRouter } from '../state';
import type { FamilyLinks } from './family-links';

/** POST /api/patients/:id/family-links: `:id` is the family member (a child), `guardianPatientId` who manages. */
const FamilyLinkSchema = { params: z.object({ id }), body: z.object({ guardianPatientId: id }) };

/**
 * Family accounts: reception confirms at the desk, with both people's papers in front of them, that one patient (a
 * parent) manages another's (a child's) appointments on their dashboard (family-links.ts).
 */
export function familyRoutes(links: FamilyLinks): AppRouter {
  const router: AppRouter = new Router();

  router.post('/api/patients/:id/family-links', auth('admin', 'reception'), validate(FamilyLinkSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof FamilyLinkSchema>;
    if (params.id === body.guardianPatientId) throw validationFailed([{ path: 'guardianPatientId', message: 'Choose another person than the patient.' }]);
    await links.link(params.id, body.guardianPatientId, { userId: ctx.state.user!.id, ip: ctx.ip });
    ctx.status = 201;
    ctx.body = { linked: true };
  });

  return router;
}
