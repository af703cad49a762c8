import Router from '@koa/router';
import { z } from 'zod';
import type { FamilyLinksResponse } from '../../common/patient-reports';
import { validationFailed } from '../errors';
import { auditRead, type ReadRequest } from '../middleware/audit-read';
import { auth } from '../middleware/auth';
import { validate, type InputOf } from '../middleware/validate';
import { id } from '../routes/schema-parts';
import type { AppRouter } from '../state';
import type { FamilyLinks } from './family-links';

/** POST /api/patients/:id/family-links: `:id` is the family member (a child), `guardianPatientId` who manages. */
const FamilyLinkSchema = { params: z.object({ id }), body: z.object({ guardianPatientId: id }) };
const PatientParams = { params: z.object({ id }) };
const UnlinkParams = { params: z.object({ id, guardianPatientId: id }) };

/** A read of a patient's family links, audited on the patient. */
const linksRead = ({ params }: ReadRequest) => ({ entityType: 'patient', entityId: Number(params.id), patientId: Number(params.id) });

/**
 * Family accounts: reception confirms at the desk, with both people's papers in front of them, that one patient (a
 * parent) manages another's (a child's) appointments on their dashboard (family-links.ts); lists and ends links.
 */
export function familyRoutes(links: FamilyLinks): AppRouter {
  const router: AppRouter = new Router();

  router.get('/api/patients/:id/family-links', auth('admin', 'reception'), auditRead('patient.family_links_read', linksRead), validate(PatientParams), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof PatientParams>;
    const body: FamilyLinksResponse = await links.list(params.id);
    ctx.body = body;
  });

  router.post('/api/patients/:id/family-links', auth('admin', 'reception'), validate(FamilyLinkSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof FamilyLinkSchema>;
    if (params.id === body.guardianPatientId) throw validationFailed([{ path: 'guardianPatientId', message: 'Choose another person than the patient.' }]);
    await links.link(params.id, body.guardianPatientId, { userId: ctx.state.user!.id, ip: ctx.ip });
    ctx.status = 201;
    ctx.body = { linked: true };
  });

  router.delete('/api/patients/:id/family-links/:guardianPatientId', auth('admin', 'reception'), validate(UnlinkParams), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof UnlinkParams>;
    await links.unlink(params.id, params.guardianPatientId, { userId: ctx.state.user!.id, ip: ctx.ip });
    ctx.status = 204;
  });

  return router;
}
