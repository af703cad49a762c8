import Router from '@koa/router';
import type { Sequelize } from 'sequelize';
import { auth } from '../../middleware/auth';
import { validate, type InputOf } from '../../middleware/validate';
import { weekCalendar } from '../../services/calendar';
import { clinicDay } from '../../services/clinic-time';
import type { ScheduleService } from '../../services/schedules';
import type { SettingsService } from '../../services/settings';
import { setSlotBlocked } from '../../services/slot-blocks';
import type { AppRouter } from '../../state';
import { actorOf } from '../actor';
import { assertMayViewDoctor } from '../schedules/access';
import { CalendarSchema, GenerateAllSchema, GenerateSchema, SlotIdSchema } from './schema';

/** Slot generation (admins), the week calendar (staff; a doctor their own), and blocking single slots (desk). */
export function slotRoutes(sequelize: Sequelize, schedules: ScheduleService, settings: SettingsService): AppRouter {
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
    const now = new Date();
    ctx.body = await weekCalendar(params.doctorId, query.week ?? clinicDay(now, zone), zone, now);
  });

  for (const [step, blocked] of [['block', true], ['unblock', false]] as const) {
    router.post(`/api/slots/:id/${step}`, auth('admin', 'reception'), validate(SlotIdSchema), async (ctx) => {
      const { params } = ctx.state.input as InputOf<typeof SlotIdSchema>;
      const slot = await setSlotBlocked(sequelize, params.id, blocked, actorOf(ctx));
      ctx.body = { slot: { id: slot.id, doctorId: slot.doctorId, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString(), blocked: Boolean(slot.blocked) } };
    });
  }

  return router;
}
