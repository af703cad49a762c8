import Router from '@koa/router';
import { z } from 'zod';
import type { PatientVisitsResponse, VisitTimeline } from '../../../common/visits';
import { auth } from '../../middleware/auth';
import { auditRead, queryDetails } from '../../middleware/audit-read';
import { validate, type InputOf } from '../../middleware/validate';
import type { PatientService } from '../../services/patient-service';
import { patientVisits, visitTimeline } from '../../services/visits/timeline';
import type { AppRouter } from '../../state';

const id = z.coerce.number({ error: 'Expected a number.' }).int().positive('Expected a positive id.');

/** GET /api/visits/:id/timeline */
export const TimelineSchema = { params: z.object({ id }) };

/** GET /api/visits?patientId=&limit= */
export const PatientVisitsSchema = {
  query: z.object({
    patientId: id,
    limit: z.coerce.number({ error: 'Limit: expected a number.' }).int().min(1).max(50, 'Limit: at most 50 visits.').optional().default(10),
  }),
};

/**
 * Visit timelines (issue 19): every stage of a visit with its time and who did it, for any signed-in staff member
 * (no clinical content: a stage such as "Record signed" says that it happened, not what it says).
 */
export function visitRoutes(patients: PatientService): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/visits' });

  router.get('/', auth(), auditRead('visit.list_read', queryDetails), validate(PatientVisitsSchema), async (ctx) => {
    const { query } = ctx.state.input as InputOf<typeof PatientVisitsSchema>;
    await patients.assertExists(query.patientId);
    ctx.set('Cache-Control', 'no-store');
    const body: PatientVisitsResponse = { visits: await patientVisits(query.patientId, query.limit) };
    ctx.body = body;
  });

  router.get('/:id/timeline', auth(), validate(TimelineSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof TimelineSchema>;
    ctx.set('Cache-Control', 'no-store');
    const body: VisitTimeline = await visitTimeline(params.id);
    ctx.body = body;
  });

  return router;
}
