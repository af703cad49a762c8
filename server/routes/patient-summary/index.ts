import Router from '@koa/router';
import { z } from 'zod';
import type { Config } from '../../config';
import { auth } from '../../middleware/auth';
import { validate, type InputOf } from '../../middleware/validate';
import { patientSummary } from '../../services/records/summary';
import type { AppRouter } from '../../state';
import { readReason } from '../records/schema';

/** GET /api/patients/:id/summary?page=&pageSize= */
export const PatientSummarySchema = {
  params: z.object({ id: z.coerce.number({ error: 'Expected a number.' }).int().positive('Expected a positive id.') }),
  query: z.object({
    page: z.coerce.number().int().min(1, 'Pages start at 1.').optional().default(1),
    pageSize: z.coerce.number().int().min(1).max(50, 'At most 50 a page.').optional().default(10),
    reason: readReason,
  }),
};

/**
 * The patient summary at the top of the doctor console: details, and past visits with diagnoses and prescriptions
 * (paged). Reception gets the same page without clinical fields; doctors only for patients of their department.
 * Kept apart from routes/patients (registration and search) because it reads clinical records.
 */
export function patientSummaryRoutes(config: Readonly<Config>, now: () => Date): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/patients' });

  router.get('/:id/summary', auth(), validate(PatientSummarySchema), async (ctx) => {
    const { params, query } = ctx.state.input as InputOf<typeof PatientSummarySchema>;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await patientSummary(
      { timeZone: config.clinicTimeZone, now },
      params.id,
      { page: query.page, pageSize: query.pageSize },
      { user: ctx.state.user!, ip: ctx.ip },
      query.reason,
    );
  });

  return router;
}
