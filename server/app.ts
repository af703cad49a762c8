import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import type { Config } from './config';
import type { Database } from './db';
import { AppError } from './errors';
import type { Logger } from './logger';
import { loadSession } from './middleware/auth';
import { errorHandler } from './middleware/error-handler';
import { authRoutes } from './routes/auth';
import { clinicRoutes } from './routes/clinic';
import { healthRoutes } from './routes/health';
import { pageRoutes } from './routes/pages';
import { userRoutes } from './routes/users';
import type { AppState } from './state';
import { AuthService } from './services/auth';
import { SignInThrottle } from './services/sign-in-throttle';

/** Everything the app is built from; tests pass their own (a test database, tighter limits). */
export interface AppDeps {
  config: Readonly<Config>;
  db: Database;
  logger: Logger;
  throttle?: SignInThrottle;
}

/** The services routes and the WebSocket hub share. */
export interface Services {
  auth: AuthService;
}

/** Builds the services for one app instance. */
export function createServices(deps: AppDeps): Services {
  return {
    auth: new AuthService(deps.db.sequelize, deps.throttle ?? new SignInThrottle(), deps.config.sessionLifetimeMinutes),
  };
}

/** Builds the Koa app without listening, so tests can start it on port 0. */
export function createApp(deps: AppDeps, services: Services = createServices(deps)): Koa<AppState> {
  const app = new Koa<AppState>();
  // Koa would print every error to stderr itself; ours are logged once, with context, by errorHandler.
  app.silent = true;

  app.use(errorHandler(deps.logger));
  app.use(async (ctx, next) => {
    await next();
    if (ctx.status === 404 && ctx.body === undefined && ctx.path.startsWith('/api/')) {
      throw new AppError(404, 'not_found', `There is no ${ctx.method} ${ctx.path} in this API.`);
    }
  });
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '256kb', encoding: 'utf-8' }));
  app.use(loadSession(services.auth));

  for (const router of [
    healthRoutes(deps.db.sequelize),
    clinicRoutes(deps.config),
    authRoutes(services.auth),
    userRoutes(),
    pageRoutes(),
  ]) {
    app.use(router.routes());
    app.use(router.allowedMethods({ throw: true }));
  }
  return app;
}
