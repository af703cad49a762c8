import Router from '@koa/router';
import type { TicketView } from '../../../common/api';
import type { KioskAppointment, KioskDepartmentsResponse } from '../../../common/kiosk';
import { validate, type InputOf } from '../../middleware/validate';
import type { QueueEntry } from '../../models';
import { ticketMessage } from '../../realtime/queue-messages';
import type { QueueReads } from '../../realtime/queue-reads';
import { findKioskAppointment } from '../../services/kiosk/appointment-lookup';
import { kioskDepartments } from '../../services/kiosk/departments';
import type { KioskServices } from '../../services/kiosk';
import { kioskWalkIn } from '../../services/kiosk/walk-in';
import type { QueueService } from '../../services/queue/steps';
import type { AppRouter } from '../../state';
import { AppointmentLookupSchema, KioskWalkInSchema } from './schema';

/** The kiosk's own API (public): the department choice, a walk-in check-in, and finding a booking to show it. */
export function kioskRoutes(queue: QueueService, reads: QueueReads, kiosk: KioskServices): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/kiosk' });

  /** A ticket exactly as its WebSocket channel would show it (as the queue's own routes answer). */
  async function ticketView(entry: QueueEntry): Promise<TicketView> {
    const [department] = await reads.departments([entry.departmentId]);
    return ticketMessage(`ticket:${entry.publicCode}`, entry, await reads.state(entry.departmentId), department, null).ticket;
  }

  router.get('/departments', async (ctx) => {
    const body: KioskDepartmentsResponse = {
      departments: await kioskDepartments({ timeZone: kiosk.timeZone, now: kiosk.now() }),
      serverTime: new Date().toISOString(),
    };
    ctx.set('Cache-Control', 'no-store');
    ctx.body = body;
  });

  router.post('/check-in', validate(KioskWalkInSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof KioskWalkInSchema>;
    const entry = await kioskWalkIn({ queue, alerts: kiosk.alerts, timeZone: kiosk.timeZone, now: kiosk.now }, body);
    ctx.status = 201;
    ctx.body = await ticketView(entry);
  });

  router.post('/appointments/find', validate(AppointmentLookupSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof AppointmentLookupSchema>;
    const found: KioskAppointment = await findKioskAppointment(body, { timeZone: kiosk.timeZone, country: kiosk.country, now: kiosk.now() });
    ctx.set('Cache-Control', 'no-store');
    ctx.body = found;
  });

  return router;
}
