import Router from '@koa/router';
import type { ClinicInfo } from '../../../common/api';
import type { Config } from '../../config';
import type { AppRouter } from '../../state';

/** Public facts every screen shows in its header. */
export function clinicRoutes(config: Readonly<Config>): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/clinic' });
  router.get('/', (ctx) => {
    const body: ClinicInfo = {
      name: config.clinicName,
      timeZone: config.clinicTimeZone,
      serverTime: new Date().toISOString(),
    };
    ctx.body = body;
  });
  return router;
}
