import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import type { Config } from './config';
import type { Database } from './db';
import { AppError } from './errors';
import type { Logger } from './logger';
import { loadSession } from './middleware/auth';
import { errorHandler } from './middleware/error-handler';
import { refuseCrossSite } from './middleware/cross-site';
import { securityHeaders } from './middleware/security-headers';
import { originPolicy } from './security/origins';
import { authRoutes } from './routes/auth';
import { clinicRoutes } from './routes/clinic';
import { healthRoutes } from './routes/health';
import { pageRoutes } from './routes/pages';
import { patientLanguageRoutes } from './routes/patient-languages';
import { phoneCheckInRoutes } from './routes/phone-check-in';
import { checkInPosterRoutes } from './routes/check-in-posters';
import { CheckInCodes } from './services/check-in-codes';
import { CheckInPosterService } from './services/check-in-posters';
import { administrationRoutes } from './routes/administration';
import { displayRoutes } from './routes/displays';
import { DisplayProfileService } from './services/displays';
import { kioskProfileRoutes } from './routes/kiosks';
import { KioskProfileService } from './services/kiosk-profiles';
import type { AppState } from './state';
import { queueRoutes } from './routes/queue';
import { icd10Routes } from './routes/icd10';
import { patientSummaryRoutes } from './routes/patient-summary';
import { recordRoutes } from './routes/records';
import { kioskRoutes } from './routes/kiosk';
import { ticketPageRoutes } from './routes/tickets';
import { createKioskServices, type KioskServices } from './services/kiosk';
import type { RealtimeHub } from './realtime/hub';
import { AuthService } from './services/auth';
import { createQueue, type Queue } from './queue';
import { SettingsService } from './services/settings';
import { DepartmentService } from './services/departments';
import { SignInThrottle } from './services/sign-in-throttle';
import { createPatientPortal, patientPortalRoutes, type PatientPortal } from './patient-portal';

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
  /** The queue: engine, live read model, reads and channels (server/queue). */
  queue: Queue;
  kiosk: KioskServices;
  /** Phone check-in's signed codes (the display's rotating ones and posters'), one instance for every route. */
  checkInCodes: CheckInCodes;
  /** Patient sign-in and sessions for the dashboard (/me), apart from staff's. */
  patientPortal: PatientPortal;
}

/** Builds the services for one app instance and connects the queue to the hub (its channels and staff actions). */
export function createServices(deps: AppDeps, hub: RealtimeHub): Services {
  // Read on each use: an admin may change the clinic's country while the server runs.
  const settings = new SettingsService(deps.db.sequelize, deps.config);
  const country = () => settings.phoneCountry();
  const kiosk = createKioskServices(deps.config.clinicTimeZone, { country });
  return {
    auth: new AuthService(deps.db.sequelize, deps.throttle ?? new SignInThrottle(), deps.config.sessionLifetimeMinutes, deps.config.passwordHashCost),
    queue: createQueue({ sequelize: deps.db.sequelize, timeZone: deps.config.clinicTimeZone, country, hub, logger: deps.logger }),
    kiosk,
    // Read through `kiosk`, whose clock tests move.
    checkInCodes: new CheckInCodes(() => kiosk.now()),
    patientPortal: createPatientPortal(deps, { now: () => kiosk.now(), country }),
  };
}

/** Builds the Koa app without listening, so tests can start it on port 0. */
export function createApp(deps: AppDeps, services: Services): Koa<AppState> {
  const app = new Koa<AppState>();
  // Behind a reverse proxy every request comes from the proxy; ctx.ip must then be the patient's or the desk's own
  // address, or one kiosk's rate limit and one person's sign-in throttle would hold for the whole clinic.
  app.proxy = deps.config.trustProxy;
  // Koa would print every error to stderr itself; ours are logged once, with context, by errorHandler.
  app.silent = true;

  app.use(errorHandler(deps.logger));
  app.use(securityHeaders(deps.config));
  app.use(refuseCrossSite(originPolicy(deps.config)));
  app.use(async (ctx, next) => {
    await next();
    if (ctx.status === 404 && ctx.body === undefined && ctx.path.startsWith('/api/')) {
      throw new AppError(404, 'not_found', `There is no ${ctx.method} ${ctx.path} in this API.`);
    }
  });
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '256kb', encoding: 'utf-8' }));
  app.use(loadSession(services.auth));

  // The name an admin saved applies at once wherever it is shown; the zone waits for a restart (services/settings).
  const settings = new SettingsService(deps.db.sequelize, deps.config);
  const clinicName = () => settings.clinicName();

  for (const router of [
    healthRoutes(deps.db.sequelize),
    clinicRoutes(deps.config, clinicName),
    authRoutes(services.auth, deps.config),
    ...administrationRoutes(deps, services),
    displayRoutes(new DisplayProfileService(deps.db.sequelize)),
    kioskProfileRoutes(new KioskProfileService(deps.db.sequelize)),
    queueRoutes(services.queue, services.kiosk),
    recordRoutes(deps.config, deps.db.sequelize, services.queue.service, services.queue.reads, clinicName),
    icd10Routes(),
    patientSummaryRoutes(deps.config),
    kioskRoutes(services.queue, services.kiosk),
    ticketPageRoutes(deps.config, services.queue.service, services.queue.reads, services.kiosk, clinicName),
    patientLanguageRoutes(new DepartmentService(deps.db.sequelize)),
    phoneCheckInRoutes(deps.config, services.queue, services.kiosk, clinicName, services.checkInCodes),
    checkInPosterRoutes(
      deps.config,
      new CheckInPosterService(deps.db.sequelize, () => settings.activeTimeZone, () => services.kiosk.now()),
      services.checkInCodes,
      clinicName,
      { timeZone: () => settings.activeTimeZone, now: () => services.kiosk.now() },
    ),
    ...patientPortalRoutes(services.patientPortal, deps, {
      zone: () => settings.activeTimeZone,
      now: () => services.kiosk.now(),
      country: () => settings.phoneCountry(),
      clinicName,
    }),
    pageRoutes(),
  ]) {
    app.use(router.routes());
    app.use(router.allowedMethods({ throw: true }));
  }
  return app;
}
