import Router from '@koa/router';
import type { MyAccessResponse, MySlotsResponse, MyVisitsResponse } from '../../common/me';
import { validate, type InputOf } from '../middleware/validate';
import type { ClinicNameSource } from '../services/settings';
import type { AppRouter } from '../state';
import { renderView } from '../views/render';
import type { PatientPortal } from './index';
import { loadPatient, requirePatient } from './middleware';
import { myAccessHistory, myProfile } from './profile';
import { EmailCheckSchema, EmailConfirmSchema, MyRescheduleSchema, OwnIdSchema, ReportSchema } from './schema';
import { myPrescription, myVisit, myVisits } from './visits';

/**
 * The dashboard's data, for the signed-in patient only (401 otherwise): appointments (cancel, move to a free time of
 * the same doctor), signed visits, the printable prescription, their details and reports, and who opened their record.
 * Every id is checked against the patient: another patient's answers 404, like one that does not exist.
 */
export function patientDashboardRoutes(portal: PatientPortal, zone: () => string, clinicName: ClinicNameSource): AppRouter {
  const { appointments } = portal;
  const router: AppRouter = new Router({ prefix: '/api/me' });
  router.use(loadPatient(portal.sessions));
  router.use(async (ctx, next) => {
    ctx.set('Cache-Control', 'no-store');
    await next();
  });

  router.get('/appointments', async (ctx) => {
    ctx.body = await appointments.list(requirePatient(ctx));
  });

  router.get('/appointments/:id/slots', validate(OwnIdSchema), async (ctx) => {
    const actor = requirePatient(ctx);
    const { params } = ctx.state.input as InputOf<typeof OwnIdSchema>;
    const body: MySlotsResponse = { timeZone: zone(), slots: await appointments.freeTimes(actor, params.id) };
    ctx.body = body;
  });

  router.post('/appointments/:id/cancel', validate(OwnIdSchema), async (ctx) => {
    const actor = requirePatient(ctx);
    const { params } = ctx.state.input as InputOf<typeof OwnIdSchema>;
    ctx.body = { appointment: await appointments.cancel(actor, params.id) };
  });

  router.post('/appointments/:id/reschedule', validate(MyRescheduleSchema), async (ctx) => {
    const actor = requirePatient(ctx);
    const { params, body } = ctx.state.input as InputOf<typeof MyRescheduleSchema>;
    ctx.body = { appointment: await appointments.reschedule(actor, params.id, body.slotId) };
  });

  router.get('/visits', async (ctx) => {
    const body: MyVisitsResponse = { visits: await myVisits(requirePatient(ctx), zone()) };
    ctx.body = body;
  });

  router.get('/visits/:id', validate(OwnIdSchema), async (ctx) => {
    const actor = requirePatient(ctx);
    const { params } = ctx.state.input as InputOf<typeof OwnIdSchema>;
    ctx.body = { visit: await myVisit(actor, params.id, zone()) };
  });

  router.get('/visits/:id/prescription', validate(OwnIdSchema), async (ctx) => {
    const actor = requirePatient(ctx);
    const { params } = ctx.state.input as InputOf<typeof OwnIdSchema>;
    const page = await myPrescription(actor, params.id, await clinicName(), zone());
    ctx.type = 'text/html; charset=utf-8';
    // The staff route's policy: a page with no script, frame or outside resource.
    ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'");
    ctx.body = renderView('prescription', page);
  });

  router.get('/profile', async (ctx) => {
    ctx.body = await myProfile(requirePatient(ctx));
  });

  router.post('/profile/reports', validate(ReportSchema), async (ctx) => {
    const actor = requirePatient(ctx);
    const { body } = ctx.state.input as InputOf<typeof ReportSchema>;
    await portal.report(actor, body);
    ctx.status = 201;
    ctx.body = await myProfile(actor);
  });

  router.post('/profile/email', validate(EmailCheckSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof EmailCheckSchema>;
    await portal.email.requestCheck(requirePatient(ctx), body.email, body.language);
    ctx.status = 202;
    ctx.body = { sent: true };
  });

  router.post('/profile/email/confirm', validate(EmailConfirmSchema), async (ctx) => {
    const actor = requirePatient(ctx);
    const { body } = ctx.state.input as InputOf<typeof EmailConfirmSchema>;
    await portal.email.confirm(actor, body.email, body.code);
    ctx.body = await myProfile(actor);
  });

  router.get('/access', async (ctx) => {
    const body: MyAccessResponse = { timeZone: zone(), entries: await myAccessHistory(requirePatient(ctx)) };
    ctx.body = body;
  });

  return router;
}
