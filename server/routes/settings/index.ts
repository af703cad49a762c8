import Router from '@koa/router';
import { auth } from '../../middleware/auth';
import { validate, type InputOf } from '../../middleware/validate';
import type { SettingsService } from '../../services/settings';
import type { AppRouter } from '../../state';
import { actorOf } from '../actor';
import { SaveSettingsSchema } from './schema';

/** Clinic settings: a public subset for every screen, the whole for admins, who save them. */
export function settingsRoutes(settings: SettingsService): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/settings' });

  router.get('/', async (ctx) => {
    ctx.body = await settings.getPublic();
  });

  router.get('/all', auth('admin'), async (ctx) => {
    ctx.body = await settings.get();
  });

  router.put('/', auth('admin'), validate(SaveSettingsSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof SaveSettingsSchema>;
    const { userId, ip } = actorOf(ctx);
    ctx.body = await settings.save(body, userId, ip);
  });

  return router;
}
