/**
 * The composition root: everything the server is made of, built once here in dependency order and handed down.
 * Routes and socket handlers receive services from it, never the database handle or models; nothing is bound late.
 *
 *   config, logger, database, clock
 *   -> settings -> auth -> hub (asks auth about sessions)
 *   -> queue (engine, live read model, channels on the hub) -> records (sign-off calls the next patient through it)
 *   -> the other services, each over the same database and clock
 */
import type { Config } from './config';
import { Clock } from './clock';
import type { Database } from './db';
import type { Logger } from './logger';
import { createQueue, type Queue } from './queue';
import { RealtimeHub, type HubOptions } from './realtime/hub';
import type { Redis } from 'ioredis';
import { RedisLease, soleLease } from './scale/lease';
import { memoryLimiters, redisLimiters, type LimiterFactory } from './scale/limiters';
import { connectRedis } from './scale/redis';
import { createPatientPortal, type PatientPortal } from './patient-portal';
import { createNotices, type Notices, type NoticeTestOptions } from './notices';
import { ChangeRelay } from './scale/relay';
import { socketSessions } from './security/socket-sessions';
import { ApiTokenService } from './services/api-tokens';
import { AppointmentService } from './services/appointments';
import { AuthService } from './services/auth';
import { CheckInCodes } from './services/check-in-codes';
import { CheckInPosterService } from './services/check-in-posters';
import { DepartmentService } from './services/departments';
import { DisplayProfileService } from './services/displays';
import { DoctorService } from './services/doctors';
import { FormularyService } from './services/formulary';
import { HealthService } from './services/health';
import { createKioskServices, type KioskServices } from './services/kiosk';
import { KioskProfileService } from './services/kiosk-profiles';
import { PatientService } from './services/patient-service';
import { RecordsService } from './services/records';
import { ScheduleService } from './services/schedules';
import { SettingsService } from './services/settings';
import { SignInThrottle, type ThrottleLimits } from './services/sign-in-throttle';
import { SlotHorizonKeeper } from './services/slot-horizon';
import { StaffService } from './services/staff';
import { WebhookService } from './webhooks/service';
import { DeliveryWorker } from './webhooks/worker';

/** What the server is built from; tests pass their own (a test database, tighter limits, shorter hub timings). */
export interface ContainerDeps {
  config: Readonly<Config>;
  db: Database;
  logger: Logger;
  /** Sign-in limits (tests loosen or tighten them); the defaults otherwise. */
  throttleLimits?: ThrottleLimits;
  hubOptions?: Partial<HubOptions>;
  /** The one clock (tests pass one they move); a running one by default. */
  clock?: Clock;
  /** Tests' own push endpoint and retry timings for notices to waiting patients. */
  notices?: NoticeTestOptions;
}

/** Every service of one server, built once. */
export interface Services {
  settings: SettingsService;
  auth: AuthService;
  /** The queue: engine, live read model, reads and channels (server/queue). */
  queue: Queue;
  kiosk: KioskServices;
  /** Phone check-in's signed codes (the display's rotating ones and posters'). */
  checkInCodes: CheckInCodes;
  staff: StaffService;
  departments: DepartmentService;
  doctors: DoctorService;
  patients: PatientService;
  schedules: ScheduleService;
  appointments: AppointmentService;
  records: RecordsService;
  formulary: FormularyService;
  displays: DisplayProfileService;
  kioskProfiles: KioskProfileService;
  posters: CheckInPosterService;
  health: HealthService;
  /** Keeps bookable slots reaching the horizon; started by `npm start` only (server/index.ts). */
  slotHorizon: SlotHorizonKeeper;
  /** API clients' tokens (FHIR). */
  apiTokens: ApiTokenService;
  /** The webhooks admins register. */
  webhookHooks: WebhookService;
  /** Sends the webhook outbox; the server starts it once listening and stops it on close. */
  webhooks: DeliveryWorker;
  /** Rate limiters: shared through Redis with REDIS_URL, else this process's own. */
  limiters: LimiterFactory;
  /** Patient sign-in and sessions for the dashboard (/me), apart from staff's. */
  patientPortal: PatientPortal;
  /** Notices to waiting patients (web push, SMS), sent as the queue moves. */
  notices: Notices;
  /** With REDIS_URL: carries committed queue changes to and from the other servers; null for a server on its own. */
  relay: ChangeRelay | null;
}

/** The whole server's parts: its inputs, the hub, and the services. */
export interface Container {
  config: Readonly<Config>;
  logger: Logger;
  db: Database;
  clock: Clock;
  /** The connection to REDIS_URL (several servers behind one balancer), or null for a server on its own. */
  redis: Redis | null;
  hub: RealtimeHub;
  services: Services;
}

/** How long the slot-horizon lease lasts without renewal: a dead holder's job moves to another server within a minute. */
const HORIZON_LEASE_MS = 30_000;

/** Builds every part once, in dependency order, and connects the queue to the hub. */
export function buildContainer(deps: ContainerDeps): Container {
  const { config, db, logger } = deps;
  const { sequelize } = db;
  const clock = deps.clock ?? new Clock();
  const now = clock.now;
  const settings = new SettingsService(sequelize, config);
  // Read on each use: an admin may change the clinic's country while the server runs.
  const country = () => settings.phoneCountry();
  const zone = () => settings.activeTimeZone;
  const timeZone = config.clinicTimeZone;

  const redis = config.redisUrl ? connectRedis(config.redisUrl, logger) : null;
  const limiters = redis ? redisLimiters(redis, `${config.redisPrefix}:limit`) : memoryLimiters;

  const auth = new AuthService(sequelize, new SignInThrottle(deps.throttleLimits, limiters), config.sessionLifetimeMinutes, config.passwordHashCost);
  const hub = new RealtimeHub(socketSessions(config, auth), logger, { now, ...deps.hubOptions });
  auth.onSessionEnded((sessionId) => hub.revokeSession(sessionId));

  const queue = createQueue({ sequelize, timeZone, country, hub, logger, now });
  const relay = redis
    ? new ChangeRelay(redis, redis.duplicate(), config.redisPrefix, { live: queue.live, broadcaster: queue.broadcaster, hub, logger })
    : null;
  if (relay) queue.live.onChange((change) => relay.publish(change));
  const notices = createNotices({ config, queue, logger, now, clinicName: () => settings.clinicName() }, deps.notices);
  const schedules = new ScheduleService(sequelize, settings, now);
  const appointments = new AppointmentService(sequelize, zone, now, undefined, country);
  const services: Services = {
    settings,
    auth,
    queue,
    kiosk: createKioskServices(timeZone, { country, now, limiters }),
    checkInCodes: new CheckInCodes(now),
    staff: new StaffService(sequelize, auth),
    departments: new DepartmentService(sequelize),
    doctors: new DoctorService(sequelize),
    patients: new PatientService(sequelize, country),
    schedules,
    appointments,
    records: new RecordsService({ sequelize, queue: queue.service, timeZone, now }),
    formulary: new FormularyService(sequelize),
    displays: new DisplayProfileService(sequelize),
    kioskProfiles: new KioskProfileService(sequelize),
    posters: new CheckInPosterService(sequelize, zone, now),
    health: new HealthService(sequelize),
    slotHorizon: new SlotHorizonKeeper(schedules, logger, redis ? new RedisLease(redis, `${config.redisPrefix}:lease:slot-horizon`, HORIZON_LEASE_MS) : soleLease),
    apiTokens: new ApiTokenService(sequelize, now),
    webhookHooks: new WebhookService(sequelize),
    webhooks: new DeliveryWorker({ pollMs: config.webhookPollSeconds * 1000, retryBaseMs: config.webhookRetryBaseSeconds * 1000, logger, now }),
    limiters,
    relay,
    notices,
    patientPortal: createPatientPortal({ config, sequelize, logger, appointments }, { zone, now, country, limiters, sms: notices.sms }),
  };
  return { config, logger, db, clock, redis, hub, services };
}
