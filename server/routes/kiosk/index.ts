import Router from '@koa/router';
import type { KioskAppointment, KioskDepartmentsResponse } from '../../../common/kiosk';
import { limitAnonymous } from '../../middleware/rate-limit';
import { validate, type InputOf } from '../../middleware/validate';
import type { Queue } from '../../queue';
import { findKioskAppointment } from '../../services/kiosk/appointment-lookup';
import { kioskDepartments } from '../../services/kiosk/departments';
import type { KioskServices } from '../../services/kiosk';
import type { AppRouter } from '../../state';
import { walkInHandler } from '../queue';
import { WalkInSchema } from '../queue/schema';
import { AppointmentLookupSchema } from './schema';

/**
 * The kiosk's own API (public): the department choice, finding a booking to show it, and the walk-in check-in,
 * which is the queue's own (/api/queue/check-in) under the path the kiosk has always used.
 */
export function kioskRoutes(queue: Queue, kiosk: KioskServices): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/kiosk' });

  router.get('/departments', async (ctx) => {
    const body: KioskDepartmentsResponse = {
      departments: await kioskDepartments(queue.live, { timeZone: kiosk.timeZone, now: kiosk.now() }),
      serverTime: kiosk.now().toISOString(),
    };
    ctx.set('Cache-Control', 'no-store');
    ctx.body = body;
  });

  // Tickets and booking look-ups (which could be guessed at) are limited per address, on the matched route.
  const limited = limitAnonymous(kiosk.checkInLimiter);
  router.post('/check-in', limited, validate(WalkInSchema), walkInHandler(queue, kiosk));

  router.post('/appointments/find', limited, validate(AppointmentLookupSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof AppointmentLookupSchema>;
    const found: KioskAppointment = await findKioskAppointment(body, {
      timeZone: kiosk.timeZone,
      country: kiosk.country ? await kiosk.country() : undefined,
      now: kiosk.now(),
    });
    ctx.set('Cache-Control', 'no-store');
    ctx.body = found;
  });

  return router;
}
