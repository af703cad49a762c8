import type { Sequelize } from 'sequelize';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { AppointmentService } from '../services/appointments';
import type { PhoneCountrySource } from '../services/phone';
import type { ClinicNameSource } from '../services/settings';
import type { AppRouter } from '../state';
import { MyAppointments } from './appointments';
import { LogNotifier, type PatientNotifier } from './notifier';
import { patientDashboardRoutes } from './routes';
import { PatientSessions } from './sessions';
import { PatientSignIn, registerPatient } from './sign-in';
import type { LimiterFactory } from '../scale/limiters';
import { patientSignInRoutes } from './sign-in-routes';
import { familyRoutes } from './family';

/** The patient dashboard's services (issue 17): sign-in, sessions, and the notifier that carries the codes. */
export interface PatientPortal {
  signIn: PatientSignIn;
  sessions: PatientSessions;
  /** The development notifier until an SMS or email adapter is plugged in (issue 16); tests read its outbox. */
  notifier: PatientNotifier;
  /** Registers a patient who booked online for the dashboard; true when they can sign in with the booking's phone. */
  register(patientId: number): Promise<boolean>;
}

/** Builds the portal's services on the given clock (the kiosk's, which tests move). */
export function createPatientPortal(
  deps: { config: Readonly<Config>; db: { sequelize: Sequelize }; logger: Logger },
  options: { now: () => Date; country: PhoneCountrySource; notifier?: PatientNotifier; limiters?: LimiterFactory },
): PatientPortal {
  const sessions = new PatientSessions(options.now);
  const notifier = options.notifier ?? new LogNotifier(deps.logger, deps.config.env === 'test');
  const signIn = new PatientSignIn(deps.db.sequelize, sessions, notifier, options.country, options.now, undefined, options.limiters);
  return { sessions, notifier, signIn, register: (patientId) => registerPatient(deps.db.sequelize, patientId) };
}

/** The portal's routers; each reads the patient session in front of its own routes, and nowhere else. */
export function patientPortalRoutes(
  portal: PatientPortal,
  deps: { config: Readonly<Config>; db: { sequelize: Sequelize } },
  context: { zone: () => string; now: () => Date; country: PhoneCountrySource; clinicName: ClinicNameSource },
): AppRouter[] {
  const appointments = new AppointmentService(deps.db.sequelize, context.zone, context.now, undefined, context.country);
  const signInRoutes = patientSignInRoutes(deps.config, portal.signIn, portal.sessions, context.clinicName, context.zone);
  const dashboard = patientDashboardRoutes(deps.db.sequelize, portal.sessions, new MyAppointments(appointments, context.zone, context.now), context.zone, context.clinicName);
  return [signInRoutes, dashboard, familyRoutes(deps.db.sequelize)];
}
