import Router from '@koa/router';
import type { ClinicInfo } from '../../../common/api';
import type { Config } from '../../config';
import type { ClinicNameSource } from '../../services/settings';
import type { AppRouter } from '../../state';

/**
 * Public facts every screen shows in its header: the clinic's name as last saved (a rename shows at once), the zone
 * the running server keeps the clinic's day in, the server's clock, and the address devices reach it at.
 */
export function clinicRoutes(config: Readonly<Config>, clinicName: ClinicNameSource, now: () => Date): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/clinic' });
  router.get('/', async (ctx) => {
    const body: ClinicInfo = {
      name: await clinicName(),
      timeZone: config.clinicTimeZone,
      serverTime: now().toISOString(),
      publicBaseUrl: config.publicBaseUrl,
    };
    ctx.body = body;
  });
  return router;
}
