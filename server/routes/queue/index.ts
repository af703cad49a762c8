import Router from '@koa/router';
import type { ReceptionArrival, ReceptionArrivalsResponse } from '../../../common/reception';
import { notFound } from '../../errors';
import { auth } from '../../middleware/auth';
import { limitAnonymous } from '../../middleware/rate-limit';
import { auditRead, queryDetails } from '../../middleware/audit-read';
import { validate, type InputOf } from '../../middleware/validate';
import { presentDoctorQueue, queueLines } from '../../queue/presenters';
import { presentArrival } from '../../presenters/reception';
import { authorizeDoctorQueue } from '../../queue/channels/register';
import { callNextDoctorId, runEntryStep } from '../../queue/channels/actions';
import type { QueueEntry } from '../../models';
import type { Queue } from '../../queue';
import type { Actor } from '../../queue/types';
import type { KioskServices } from '../../services/kiosk';
import type { AppRouter, AppState } from '../../state';
import type { Middleware } from 'koa';
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

/** The signed-in staff member with the address they act from (the check-in's audit row names both), or null. */
function actorOf(ctx: { state: AppState; ip: string }): Actor {
  const user = ctx.state.user;
  return user ? { id: user.id, role: user.role, ip: ctx.ip } : null;
}

/**
 * The walk-in check-in handler, shared by POST /api/queue/check-in and its alias POST /api/kiosk/check-in: one
 * request shape, one set of rules (queue/commands/walk-in.ts), the ticket as its channel shows it.
 */
export function walkInHandler(queue: Queue, kiosk: KioskServices): Middleware<AppState> {
  return async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof WalkInSchema>;
    // A staff check-in of a named patient is audited once, in its transaction, with who and from where.
    const entry = await queue.walkIn(body, actorOf(ctx), () => kiosk.now());
    ctx.status = 201;
    ctx.body = await queue.reads.ticketView(entry);
  };
}

/** The queue over REST: check-in and tickets (public), queues and every step of a visit (staff). */
export function queueRoutes(module: Queue, kiosk: KioskServices): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/queue' });
  const { service: queue, reads } = module;
  const ticketView = (entry: QueueEntry, transferredTo: string | null = null) => reads.ticketView(entry, transferredTo);

  // Public routes that create tickets: limited per address (checked before validation, so junk costs a point too).
  const limited = limitAnonymous(kiosk.checkInLimiter);
  router.post('/check-in', limited, validate(WalkInSchema), walkInHandler(module, kiosk));

  router.post('/check-in/appointment', limited, validate(AppointmentCheckInSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof AppointmentCheckInSchema>;
    const entry = await queue.checkInAppointment(body, actorOf(ctx));
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

  const doctorRead = auditRead('queue.doctor_read', ({ params }) => ({ entityType: 'doctor', entityId: params.id }));
  router.get('/doctors/:id', auth(), doctorRead, validate(IdParamSchema), async (ctx) => {
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

  router.get('/today', auth('reception', 'admin'), auditRead('queue.list_read', queryDetails), validate(TodaySchema), async (ctx) => {
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
