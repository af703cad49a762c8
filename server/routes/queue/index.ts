import Router from '@koa/router';
import type { TicketView } from '../../../common/api';
import type { ReceptionArrival, ReceptionArrivalsResponse } from '../../../common/reception';
import { forbidden, notFound } from '../../errors';
import { auth } from '../../middleware/auth';
import { validate, type InputOf } from '../../middleware/validate';
import { presentDoctorQueue, queueLines } from '../../queue/presenters';
import { presentArrival } from '../../presenters/reception';
import { ticketMessage } from '../../queue/channels/messages';
import { authorizeDoctorQueue } from '../../queue/channels/register';
import { callNextDoctorId, runEntryStep } from '../../queue/channels/actions';
import type { QueueReads } from '../../queue/reads';
import type { QueueEntry } from '../../models';
import type { QueueService } from '../../queue/commands/steps';
import type { AppRouter } from '../../state';
import {
  AttachPatientSchema,
  AppointmentCheckInSchema,
  CallNextSchema,
  IdParamSchema,
  STEP_PATHS,
  StepSchema,
  TicketSchema,
  TodaySchema,
  TransferSchema,
  WalkInSchema,
} from './schema';

/** The queue over REST: check-in and tickets (public), queues and every step of a visit (staff). */
export function queueRoutes(queue: QueueService, reads: QueueReads): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/queue' });

  /** A ticket exactly as its WebSocket channel would show it. */
  async function ticketView(entry: QueueEntry, transferredTo: string | null = null): Promise<TicketView> {
    const [department] = await reads.departments([entry.departmentId]);
    const state = await reads.state(entry.departmentId);
    return ticketMessage(`ticket:${entry.publicCode}`, entry, state, department, transferredTo).ticket;
  }

  router.post('/check-in', validate(WalkInSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof WalkInSchema>;
    // Only staff may tie a ticket to a registered patient; the kiosk issues anonymous tickets.
    if (body.patientId && !ctx.state.user) throw forbidden('Only staff can check in a registered patient.');
    // The kiosk's own route (/api/kiosk/check-in) takes priority reasons and alerts reception about emergencies;
    // here, jumping the queue is for staff only.
    if ((body.priority ?? 'normal') !== 'normal' && !ctx.state.user) {
      throw forbidden('Only staff can give a ticket priority here. At the kiosk, choose a priority reason instead.');
    }
    const entry = await queue.checkInWalkIn(body, ctx.state.user ?? null);
    ctx.status = 201;
    ctx.body = await ticketView(entry);
  });

  router.post('/check-in/appointment', validate(AppointmentCheckInSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof AppointmentCheckInSchema>;
    const entry = await queue.checkInAppointment(body, ctx.state.user ?? null);
    ctx.status = 201;
    ctx.body = await ticketView(entry);
  });

  router.get('/tickets/:code', validate(TicketSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof TicketSchema>;
    const found = await reads.ticket(params.code);
    if (!found) throw notFound('That ticket');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await ticketView(found.entry, found.transferredTo);
  });

  router.post('/tickets/:code/cancel', validate(TicketSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof TicketSchema>;
    ctx.body = await ticketView(await queue.cancelByPublicCode(params.code));
  });

  router.get('/departments/:id', validate(IdParamSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof IdParamSchema>;
    const [department] = await reads.departments([params.id]);
    if (!department) throw notFound('That department');
    const state = await reads.state(department.id);
    ctx.body = {
      department: { id: department.id, name: department.name, prefix: department.prefix },
      queue: queueLines(state.waiting, false),
      stats: state.stats,
    };
  });

  router.get('/doctors/:id', auth(), validate(IdParamSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof IdParamSchema>;
    await authorizeDoctorQueue(reads, ctx.state.user!, params.id);
    const doctor = await reads.doctor(params.id);
    if (!doctor) throw notFound('That doctor');
    ctx.body = presentDoctorQueue(await reads.state(doctor.departmentId), doctor);
  });

  router.post('/doctors/:id/call-next', auth('doctor', 'reception', 'admin'), validate(CallNextSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof CallNextSchema>;
    const user = ctx.state.user!;
    const entry = await queue.callNext(await callNextDoctorId(reads, user, params.id), user);
    ctx.body = await reads.staffEntry(entry);
  });

  router.get('/today', auth('reception', 'admin'), validate(TodaySchema), async (ctx) => {
    const { query } = ctx.state.input as InputOf<typeof TodaySchema>;
    const body: ReceptionArrivalsResponse = await reads.arrivals(query.departmentId);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = body;
  });

  // Before the generic step route below, which would take "patient" for a step name.
  router.post('/entries/:id/patient', auth('reception', 'admin'), validate(AttachPatientSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof AttachPatientSchema>;
    const entry = await queue.attachPatient(params.id, body.patientId, ctx.state.user!);
    const arrival: ReceptionArrival = presentArrival(entry, entry.clinicDay);
    ctx.body = arrival;
  });

  router.post('/entries/:id/transfer', auth('doctor', 'reception', 'admin'), validate(TransferSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof TransferSchema>;
    const { expectedVersion, ...target } = body;
    const entry = await queue.transfer(params.id, expectedVersion, target, ctx.state.user!);
    ctx.body = await reads.staffEntry(entry);
  });

  router.post('/entries/:id/:step', auth('doctor', 'reception', 'admin'), validate(StepSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof StepSchema>;
    const entry = await runEntryStep(queue, STEP_PATHS[params.step], ctx.state.user!, params.id, body.expectedVersion, body.doctorId);
    ctx.body = await reads.staffEntry(entry);
  });

  return router;
}
