import Router from '@koa/router';
import type { Sequelize } from 'sequelize';
import type { HealthResponse } from '../../../common/api';
import type { AppRouter } from '../../state';

const DATABASE_TIMEOUT_MS = 3_000;

/** Asks the database for a trivial answer, giving up after a few seconds so a hung database still gets reported. */
async function databaseAnswers(sequelize: Sequelize): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('database timeout')), DATABASE_TIMEOUT_MS);
    });
    await Promise.race([sequelize.query('SELECT 1'), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** `GET /healthz`: 200 when the database answers, 503 when it does not (for load balancers and monitors). */
export function healthRoutes(sequelize: Sequelize): AppRouter {
  const router: AppRouter = new Router();
  router.get('/healthz', async (ctx) => {
    const ok = await databaseAnswers(sequelize);
    const body: HealthResponse = {
      status: ok ? 'ok' : 'degraded',
      database: ok ? 'ok' : 'unavailable',
      time: new Date().toISOString(),
    };
    ctx.status = ok ? 200 : 503;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = body;
  });
  return router;
}
