import Router from '@koa/router';
import type { DisplayProfileView } from '../../../common/display';
import { auth } from '../../middleware/auth';
import { validate, type InputOf } from '../../middleware/validate';
import { presentDisplayProfile } from '../../presenters/display';
import type { DisplayProfileService } from '../../services/displays';
import type { AppRouter } from '../../state';
import { CreateDisplaySchema, DisplayIdSchema, DisplaySetupSchema, UpdateDisplaySchema } from './schema';

/**
 * Display profiles: admins list, create, change and delete them; a waiting-room screen reads its setup without
 * signing in (a screen nobody touches for weeks must have nothing that expires).
 */
export function displayRoutes(displays: DisplayProfileService): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/displays' });

  router.get('/setup', validate(DisplaySetupSchema), async (ctx) => {
    const { query } = ctx.state.input as InputOf<typeof DisplaySetupSchema>;
    // A changed profile must reach a screen on its next reload, not after a cache's lifetime.
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await displays.setup(query);
  });

  router.get('/', auth('admin'), async (ctx) => {
    const body: { displays: DisplayProfileView[] } = { displays: (await displays.list()).map(presentDisplayProfile) };
    ctx.body = body;
  });

  router.post('/', auth('admin'), validate(CreateDisplaySchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof CreateDisplaySchema>;
    ctx.status = 201;
    ctx.body = presentDisplayProfile(await displays.create(body, ctx.state.user!));
  });

  router.patch('/:id', auth('admin'), validate(UpdateDisplaySchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof UpdateDisplaySchema>;
    ctx.body = presentDisplayProfile(await displays.update(params.id, body, ctx.state.user!));
  });

  router.delete('/:id', auth('admin'), validate(DisplayIdSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof DisplayIdSchema>;
    await displays.remove(params.id, ctx.state.user!);
    ctx.status = 204;
  });

  return router;
}
