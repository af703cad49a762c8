import Router from '@koa/router';
import type { AppointmentListResponse, AppointmentResponse } from '../../../common/booking';
import { auth } from '../../middleware/auth';
import { auditRead, queryDetails } from '../../middleware/audit-read';
import { validate, type InputOf } from '../../middleware/validate';
import { presentAppointment } from '../../presenters/booking';
import type { AppointmentService } from '../../services/appointments';
import { renderConfirmation } from '../../services/confirmation';
import type { SettingsService } from '../../services/settings';
import type { AppRouter } from '../../state';
import type { Appointment } from '../../models';
import { BookSchema, CancelSchema, ListAppointmentsSchema, AppointmentIdSchema, RescheduleSchema } from './schema';

const one = (appointment: Appointment): AppointmentResponse => ({ appointment: presentAppointment(appointment) });

/**
 * Appointments at the desk (reception and admins): book, list, read, cancel, reschedule, mark a no-show, and the
 * printable confirmation. A slot someone else holds answers 409 `slot_taken`.
 */
export function appointmentRoutes(appointments: AppointmentService, settings: SettingsService): AppRouter {
  const router: AppRouter = new Router();
  const desk = auth('admin', 'reception');

  router.get('/api/appointments', desk, auditRead('appointment.list_read', queryDetails), validate(ListAppointmentsSchema), async (ctx) => {
    const { query } = ctx.state.input as InputOf<typeof ListAppointmentsSchema>;
    const { appointments: rows, total } = await appointments.list(query);
    const body: AppointmentListResponse = { appointments: rows.map(presentAppointment), page: query.page, pageSize: query.pageSize, total };
    ctx.body = body;
  });

  router.post('/api/appointments', desk, validate(BookSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof BookSchema>;
    ctx.status = 201;
    ctx.body = one(await appointments.book(body, { userId: ctx.state.user!.id, ip: ctx.ip }));
  });

  router.get('/api/appointments/:id', desk, auditRead('appointment.read', (ctx) => ({ entityType: 'appointment', entityId: ctx.params.id })), validate(AppointmentIdSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof AppointmentIdSchema>;
    ctx.body = one(await appointments.load(params.id));
  });

  router.post('/api/appointments/:id/cancel', desk, validate(CancelSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof CancelSchema>;
    ctx.body = one(await appointments.cancel(params.id, body.reason, { userId: ctx.state.user!.id, ip: ctx.ip }));
  });

  router.post('/api/appointments/:id/reschedule', desk, validate(RescheduleSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof RescheduleSchema>;
    ctx.body = one(await appointments.reschedule(params.id, body.slotId, { userId: ctx.state.user!.id, ip: ctx.ip }));
  });

  router.post('/api/appointments/:id/no-show', desk, validate(AppointmentIdSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof AppointmentIdSchema>;
    ctx.body = one(await appointments.noShow(params.id, { userId: ctx.state.user!.id, ip: ctx.ip }));
  });

  router.get('/appointments/:id/confirmation', desk, validate(AppointmentIdSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof AppointmentIdSchema>;
    const appointment = await appointments.load(params.id);
    const { name } = await settings.getPublic();
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    // Patient data on a page that needs no script, frame or outside resource: allow none.
    ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'");
    ctx.body = await renderConfirmation(appointment, name, settings.activeTimeZone);
  });

  return router;
}
