import Router from '@koa/router';
import { z } from 'zod';
import { LANGUAGES } from '../../../common/i18n';
import { auth } from '../../middleware/auth';
import { validate, type InputOf } from '../../middleware/validate';
import type { DepartmentService } from '../../services/departments';
import { departmentLabels, recordTicketLanguage } from '../../services/patient-languages';
import { notFound } from '../../errors';
import { actorOf } from '../actor';
import type { AppRouter } from '../../state';
import { id } from '../schema-parts';

const TicketLanguageSchema = {
  params: z.object({ code: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, 'That is not a ticket code.') }),
  body: z.object({ language: z.enum(LANGUAGES, { error: `Choose one of ${LANGUAGES.join(', ')}.` }) }),
};

const LabelsSchema = {
  params: z.object({ id }),
  body: z.object({
    labels: z.partialRecord(z.enum(LANGUAGES), z.string().trim().max(100, 'Use at most 100 characters.'), {
      error: `Give names by language code (${LANGUAGES.join(', ')}).`,
    }),
  }),
};

/**
 * The patient's language: the language a ticket was taken in (the kiosk and phone check-in record it, so the
 * phone ticket page speaks it), and the departments' names in each language (read by every patient screen;
 * set by admins, here or with the department's own form, audited either way).
 */
export function patientLanguageRoutes(departments: DepartmentService): AppRouter {
  const router: AppRouter = new Router();

  router.get('/api/department-labels', async (ctx) => {
    ctx.body = { labels: await departmentLabels() };
  });

  router.put('/api/departments/:id/labels', auth('admin'), validate(LabelsSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof LabelsSchema>;
    const department = await departments.update(params.id, { labels: body.labels }, actorOf(ctx));
    ctx.body = { id: department.id, name: department.name, labels: department.labels ?? {} };
  });

  router.post('/api/tickets/:code/language', validate(TicketLanguageSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof TicketLanguageSchema>;
    if (!(await recordTicketLanguage(params.code, body.language))) throw notFound('That ticket');
    ctx.status = 204;
  });

  return router;
}
