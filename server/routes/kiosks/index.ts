import Router from '@koa/router';
import type { KioskProfileView, KioskSetup } from '../../../common/kiosk-profile';
import { auth } from '../../middleware/auth';
import { validate, type InputOf } from '../../middleware/validate';
import { presentKioskProfile, presentKioskSetup } from '../../presenters/kiosk-profile';
import type { KioskProfileService } from '../../services/kiosk-profiles';
import type { AppRouter } from '../../state';
import { CreateKioskSchema, KioskIdSchema, UpdateKioskSchema } from './schema';

/**
 * Kiosk profiles: admins list, create, change and delete them; a kiosk reads its own settings without signing in
 * (a kiosk at the entrance has nobody to sign it in, and nothing it reads is secret).
 */
export function kioskProfileRoutes(kiosks: KioskProfileService): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/kiosks' });

  router.get('/:id/setup', validate(KioskIdSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof KioskIdSchema>;
    // A changed profile must reach the kiosk on its next reload, not after a cache's lifetime.
    ctx.set('Cache-Control', 'no-store');
    const body: KioskSetup = presentKioskSetup(await kiosks.get(params.id));
    ctx.body = body;
  });

  router.get('/', auth('admin'), async (ctx) => {
    const body: { kiosks: KioskProfileView[] } = { kiosks: (await kiosks.list()).map(presentKioskProfile) };
    ctx.body = body;
  });

  router.post('/', auth('admin'), validate(CreateKioskSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof CreateKioskSchema>;
    ctx.status = 201;
    ctx.body = presentKioskProfile(await kiosks.create(body, ctx.state.user!));
  });

  router.patch('/:id', auth('admin'), validate(UpdateKioskSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof UpdateKioskSchema>;
    ctx.body = presentKioskProfile(await kiosks.update(params.id, body, ctx.state.user!));
  });

  router.delete('/:id', auth('admin'), validate(KioskIdSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof KioskIdSchema>;
    await kiosks.remove(params.id, ctx.state.user!);
    ctx.status = 204;
  });

  return router;
}
