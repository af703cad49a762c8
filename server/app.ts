import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import type { Container } from './container';
import { AppError } from './errors';
import { loadSession } from './middleware/auth';
import { errorHandler } from './middleware/error-handler';
import { errorBodyFor } from './fhir/outcome';
import { fhirRoutes } from './fhir';
import { apiTokenRoutes } from './routes/api-tokens';
import { webhookRoutes } from './routes/webhooks';
import { noticeRoutes } from './notices/routes';
import { patientPortalRoutes } from './patient-portal';
import { PATIENT_COOKIE } from './patient-portal/sessions';
import { refuseCrossSite } from './middleware/cross-site';
import { securityHeaders } from './middleware/security-headers';
import { originPolicy } from './security/origins';
import type { AppRouter, AppState } from './state';
import { appointmentRoutes } from './routes/appointments';
import { authRoutes } from './routes/auth';
import { checkInPosterRoutes } from './routes/check-in-posters';
import { clinicRoutes } from './routes/clinic';
import { departmentRoutes } from './routes/departments';
import { displayRoutes } from './routes/displays';
import { doctorRoutes } from './routes/doctors';
import { formularyRoutes } from './routes/formulary';
import { healthRoutes } from './routes/health';
import { icd10Routes } from './routes/icd10';
import { kioskRoutes } from './routes/kiosk';
import { kioskProfileRoutes } from './routes/kiosks';
import { pageRoutes } from './routes/pages';
import { patientLanguageRoutes } from './routes/patient-languages';
import { patientSummaryRoutes } from './routes/patient-summary';
import { patientRoutes } from './routes/patients';
import { phoneCheckInRoutes } from './routes/phone-check-in';
import { publicBookingRoutes } from './routes/public-booking';
import { publicConfirmationRoutes } from './routes/public-booking/confirmation';
import { queueRoutes } from './routes/queue';
import { recordRoutes } from './routes/records';
import { reportRoutes } from './routes/reports';
import { scheduleRoutes } from './routes/schedules';
import { settingsRoutes } from './routes/settings';
import { slotRoutes } from './routes/slots';
import { ticketPageRoutes } from './routes/tickets';
import { userRoutes } from './routes/users';
import { visitRoutes } from './routes/visits';

/** Every router, each given the services it needs from the container. */
function routers({ config, clock, services: s }: Container): AppRouter[] {
  // The name an admin saved applies at once wherever it is shown; the zone waits for a restart (services/settings).
  const clinicName = () => s.settings.clinicName();
  const timeZone = () => s.settings.activeTimeZone;
  return [
    healthRoutes(s.health, clock.now),
    clinicRoutes(config, clinicName, clock.now),
    authRoutes(s.auth, config),
    // The admin panel and booking: staff, departments, doctors, patients, settings, schedules and slots,
    // appointments, public booking, reports and the audit log, visit timelines, the formulary.
    userRoutes(s.staff),
    departmentRoutes(s.departments),
    doctorRoutes(s.doctors),
    scheduleRoutes(s.schedules),
    slotRoutes(s.schedules, s.settings, clock.now),
    patientRoutes(s.patients),
    settingsRoutes(s.settings),
    appointmentRoutes(s.appointments, s.settings),
    publicBookingRoutes(s.appointments, s.settings, clock.now, s.limiters, undefined, (patientId) => s.patientPortal.register(patientId)),
    publicConfirmationRoutes(s.settings, s.appointments, s.limiters),
    reportRoutes(s.settings),
    visitRoutes(s.patients),
    formularyRoutes(s.formulary),
    // Devices, the queue and the consultation.
    displayRoutes(s.displays),
    kioskProfileRoutes(s.kioskProfiles),
    queueRoutes(s.queue, s.kiosk),
    recordRoutes(config, s.records, s.queue, clinicName),
    icd10Routes(),
    patientSummaryRoutes(config, clock.now),
    // The patient's side: kiosk, ticket pages, phone check-in and posters.
    kioskRoutes(s.queue, s.kiosk),
    // Before the ticket pages: /t/sw.js would otherwise be taken for a ticket code.
    noticeRoutes(s.notices.subscriptions, s.limiters),
    ticketPageRoutes(config, s.queue.service, s.queue.reads, s.kiosk, clinicName, s.notices),
    patientLanguageRoutes(s.departments),
    phoneCheckInRoutes(config, s.queue, s.kiosk, clinicName, s.checkInCodes, s.kioskProfiles),
    checkInPosterRoutes(config, s.posters, s.checkInCodes, clinicName, { timeZone, now: clock.now, kioskProfiles: s.kioskProfiles }),
    // Integrations: API tokens, webhooks and the FHIR R4 read API.
    apiTokenRoutes(s.apiTokens),
    webhookRoutes(s.webhookHooks),
    fhirRoutes({ config, tokens: s.apiTokens, now: clock.now }),
    // The patient dashboard (/me): sign-in, appointments, visits, profile, family links.
    ...patientPortalRoutes(s.patientPortal, config, { zone: timeZone, clinicName }),
    pageRoutes(),
  ];
}

/** Builds the Koa app over a container without listening, so tests can start it on port 0. */
export function createApp(container: Container): Koa<AppState> {
  const { config, logger, services } = container;
  const app = new Koa<AppState>();
  // Behind a reverse proxy every request comes from the proxy; ctx.ip must then be the patient's or the desk's own
  // address, or one kiosk's rate limit and one person's sign-in throttle would hold for the whole clinic.
  app.proxy = config.trustProxy;
  // Koa would print every error to stderr itself; ours are logged once, with context, by errorHandler.
  app.silent = true;

  app.use(errorHandler(logger, errorBodyFor));
  app.use(securityHeaders(config));
  app.use(refuseCrossSite(originPolicy(config)));
  app.use(async (ctx, next) => {
    await next();
    if (ctx.status === 404 && ctx.body === undefined && (ctx.path.startsWith('/api/') || ctx.path.startsWith('/fhir/'))) {
      throw new AppError(404, 'not_found', `There is no ${ctx.method} ${ctx.path} in this API.`);
    }
  });
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '256kb', encoding: 'utf-8' }));
  // A patient signed in on the dashboard who opens a staff address is told it is not for them (403), not asked to sign in.
  app.use(
    loadSession(services.auth, async (ctx) =>
      // The dashboard's own routes read the patient session themselves (patient-portal/middleware.ts).
      ctx.path.startsWith('/api/me') ? false : Boolean(await services.patientPortal.sessions.lookup(ctx.cookies.get(PATIENT_COOKIE))),
    ),
  );

  for (const router of routers(container)) {
    app.use(router.routes());
    app.use(router.allowedMethods({ throw: true }));
  }
  return app;
}
