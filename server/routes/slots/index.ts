import Router from '@koa/router';
import { auth } from '../../middleware/auth';
import { validate, type InputOf } from '../../middleware/validate';
import { weekCalendar } from '../../services/calendar';
import { clinicDay } from '../../services/clinic-time';
import type { ScheduleService } from '../../services/schedules';
import type { SettingsService } from '../../services/settings';
import type { AppRouter } from '../../state';
import { actorOf } from '../actor';
import { assertMayViewDoctor } from '../../services/staff-access';
import { CalendarSchema, GenerateAllSchema, GenerateSchema, SlotIdSchema } from './schema';

/** Slot generation (admins), the week calendar (staff; a doctor their own), and blocking single slots (desk). */
export function slotRoutes(schedules: ScheduleService, settings: SettingsService, now: () => Date): AppRouter {
  const router: AppRouter = new Router();

  router.post('/api/doctors/:doctorId/slots/generate', auth('admin'), validate(GenerateSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof GenerateSchema>;
    ctx.body = await schedules.generate(params.doctorId, body, actorOf(ctx));
  });

  router.post('/api/slots/generate', auth('admin'), validate(GenerateAllSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof GenerateAllSchema>;
    ctx.body = { results: await schedules.generateAll(body, actorOf(ctx)) };
  });

  router.get('/api/doctors/:doctorId/calendar', auth(), validate(CalendarSchema), async (ctx) => {
    const { params, query } = ctx.state.input as InputOf<typeof CalendarSchema>;
    await assertMayViewDoctor(ctx.state.user!, params.doctorId);
    const zone = settings.activeTimeZone;
    const at = now();
    ctx.body = await weekCalendar(params.doctorId, query.week ?? clinicDay(at, zone), zone, at);
  });

  for (const [step, blocked] of [['block', true], ['unblock', false]] as const) {
    router.post(`/api/slots/:id/${step}`, auth('admin', 'reception'), validate(SlotIdSchema), async (ctx) => {
      const { params } = ctx.state.input as InputOf<typeof SlotIdSchema>;
      const slot = await schedules.setSlotBlocked(params.id, blocked, actorOf(ctx));
      ctx.body = { slot: { id: slot.id, doctorId: slot.doctorId, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString(), blocked: Boolean(slot.blocked) } };
    });
  }

  return router;
}
