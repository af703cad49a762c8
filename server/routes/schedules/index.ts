import Router from '@koa/router';
import type { ExceptionResponse, ExceptionView, WeekResponse } from '../../../common/admin';
import { auth } from '../../middleware/auth';
import { validate, type InputOf } from '../../middleware/validate';
import { presentException, presentInterval } from '../../presenters/admin';
import type { ScheduleService } from '../../services/schedules';
import type { AvailabilityException, DoctorAvailability } from '../../models';
import type { GenerationResult } from '../../../common/admin';
import type { AppRouter } from '../../state';
import { actorOf } from '../actor';
import { assertMayViewDoctor } from '../../services/staff-access';
import {
  AddExceptionSchema,
  AddIntervalSchema,
  ExceptionIdSchema,
  IntervalIdSchema,
  ListExceptionsSchema,
  ReplaceWeekSchema,
  UpdateExceptionSchema,
  UpdateIntervalSchema,
  WeekSchema,
} from './schema';

const week = (intervals: DoctorAvailability[]): WeekResponse => ({ intervals: intervals.map(presentInterval) });
const exceptionResult = (r: { exception: AvailabilityException; slots: GenerationResult | null }): ExceptionResponse => ({
  exception: presentException(r.exception),
  slots: r.slots,
});

/**
 * A doctor's weekly availability and days off. Reading: admins, reception and the doctor themself; changing:
 * admins. Days off regenerate their days' slots at once and list the booked appointments to move.
 */
export function scheduleRoutes(schedules: ScheduleService): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/doctors/:doctorId' });

  router.get('/availability', auth(), validate(WeekSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof WeekSchema>;
    await assertMayViewDoctor(ctx.state.user!, params.doctorId);
    ctx.body = week(await schedules.week(params.doctorId));
  });

  router.put('/availability', auth('admin'), validate(ReplaceWeekSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof ReplaceWeekSchema>;
    ctx.body = week(await schedules.replaceWeek(params.doctorId, body.intervals, actorOf(ctx)));
  });

  router.post('/availability', auth('admin'), validate(AddIntervalSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof AddIntervalSchema>;
    ctx.status = 201;
    ctx.body = { interval: presentInterval(await schedules.addInterval(params.doctorId, body, actorOf(ctx))) };
  });

  router.patch('/availability/:intervalId', auth('admin'), validate(UpdateIntervalSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof UpdateIntervalSchema>;
    ctx.body = { interval: presentInterval(await schedules.updateInterval(params.doctorId, params.intervalId, body, actorOf(ctx))) };
  });

  router.delete('/availability/:intervalId', auth('admin'), validate(IntervalIdSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof IntervalIdSchema>;
    await schedules.removeInterval(params.doctorId, params.intervalId, actorOf(ctx));
    ctx.status = 204;
  });

  router.get('/exceptions', auth(), validate(ListExceptionsSchema), async (ctx) => {
    const { params, query } = ctx.state.input as InputOf<typeof ListExceptionsSchema>;
    await assertMayViewDoctor(ctx.state.user!, params.doctorId);
    const body: { exceptions: ExceptionView[] } = {
      exceptions: (await schedules.exceptions(params.doctorId, query.from)).map(presentException),
    };
    ctx.body = body;
  });

  router.post('/exceptions', auth('admin'), validate(AddExceptionSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof AddExceptionSchema>;
    ctx.status = 201;
    ctx.body = exceptionResult(await schedules.addException(params.doctorId, body, actorOf(ctx)));
  });

  router.patch('/exceptions/:exceptionId', auth('admin'), validate(UpdateExceptionSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof UpdateExceptionSchema>;
    ctx.body = exceptionResult(await schedules.updateException(params.doctorId, params.exceptionId, body, actorOf(ctx)));
  });

  router.delete('/exceptions/:exceptionId', auth('admin'), validate(ExceptionIdSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof ExceptionIdSchema>;
    ctx.body = exceptionResult(await schedules.removeException(params.doctorId, params.exceptionId, actorOf(ctx)));
  });

  return router;
}
