import Router from '@koa/router';
import type { HealthResponse } from '../../../common/api';
import type { HealthService } from '../../services/health';
import type { AppRouter } from '../../state';

/** `GET /healthz`: 200 when the database answers, 503 when it does not (for load balancers and monitors). */
export function healthRoutes(health: HealthService, now: () => Date): AppRouter {
  const router: AppRouter = new Router();
  router.get('/healthz', async (ctx) => {
    const ok = await health.databaseAnswers();
    const body: HealthResponse = {
      status: ok ? 'ok' : 'degraded',
      database: ok ? 'ok' : 'unavailable',
      time: now().toISOString(),
    };
    ctx.status = ok ? 200 : 503;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = body;
  });
  return router;
}
