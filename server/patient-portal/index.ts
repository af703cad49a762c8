import type { Sequelize } from 'sequelize';
import type { ReportRequest } from '../../common/me';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { LimiterFactory } from '../scale/limiters';
import type { AppointmentService } from '../services/appointments';
import type { PhoneCountrySource } from '../services/phone';
import type { ClinicNameSource } from '../services/settings';
import type { AppRouter } from '../state';
import type { PatientActor } from './actor';
import { MyAppointments } from './appointments';
import { familyRoutes } from './family';
import { FamilyLinks } from './family-links';
import type { SmsGateway } from '../notices/sms';
import { PatientEmail } from './email';
import { LogNotifier, type PatientNotifier } from './notifier';
import { SmsNotifier } from './sms-notifier';
import { SmtpNotifier } from './smtp-notifier';
import { reportChange } from './profile';
import { PatientReportReview } from './report-review';
import { patientReportRoutes } from './report-routes';
import { patientDashboardRoutes } from './routes';
import { PatientSessions } from './sessions';
import { PatientSignIn, registerPatient } from './sign-in';
import { patientSignInRoutes } from './sign-in-routes';

/** The patient dashboard's services (issue 17): sign-in, sessions, appointments, reports, family links. */
export interface PatientPortal {
  signIn: PatientSignIn;
  sessions: PatientSessions;
  /** SMS to phones and email to addresses when the clinic set them up (SmsNotifier, SmtpNotifier), else the development notifier; tests read its outbox. */
  notifier: PatientNotifier;
  /** The patient's own appointments, through the desk's AppointmentService and its rules. */
  appointments: MyAppointments;
  family: FamilyLinks;
  /** The patient adds or changes their email address, checked by a code sent to it. */
  email: PatientEmail;
  /** Staff confirm or dismiss what patients report. */
  reports: PatientReportReview;
  /** Registers a patient who booked online for the dashboard; true when they can sign in with the booking's phone. */
  register(patientId: number): Promise<boolean>;
  /** Stores a patient's change to allergies or insurance as "patient-reported", for staff to confirm. */
  report(actor: PatientActor, input: ReportRequest): Promise<void>;
}

/** Builds the portal's services over the server's database, clock and appointment service (server/container.ts). */
export function createPatientPortal(
  deps: { config: Readonly<Config>; sequelize: Sequelize; logger: Logger; appointments: AppointmentService },
  options: { zone: () => string; now: () => Date; country: PhoneCountrySource; notifier?: PatientNotifier; limiters?: LimiterFactory; sms?: SmsGateway | null },
): PatientPortal {
  const { sequelize } = deps;
  const sessions = new PatientSessions(options.now);
  const log = new LogNotifier(deps.logger, deps.config.env === 'test');
  // Codes to phones go by SMS once the clinic has a gateway (SMS_GATEWAY_URL), codes to email addresses by email
  // once it has a mail server (SMTP_URL); whatever neither takes is printed to the log.
  const { smtpUrl, smtpFrom } = deps.config;
  const email = smtpUrl && smtpFrom ? new SmtpNotifier(smtpUrl, smtpFrom, log, deps.logger) : log;
  const notifier = options.notifier ?? (options.sms ? new SmsNotifier(options.sms, email, deps.logger) : email);
  return {
    sessions,
    notifier,
    signIn: new PatientSignIn(sequelize, sessions, notifier, options.country, options.now, undefined, options.limiters),
    appointments: new MyAppointments(deps.appointments, options.zone, options.now),
    family: new FamilyLinks(sequelize),
    reports: new PatientReportReview(sequelize, options.now),
    email: new PatientEmail(sequelize, notifier, options.now, options.limiters),
    register: (patientId) => registerPatient(sequelize, patientId),
    report: (actor, input) => reportChange(sequelize, actor, input),
  };
}

/** The portal's routers; each reads the patient session in front of its own routes, and nowhere else. */
export function patientPortalRoutes(
  portal: PatientPortal,
  config: Pick<Config, 'publicBaseUrl'>,
  context: { zone: () => string; clinicName: ClinicNameSource },
): AppRouter[] {
  return [
    patientSignInRoutes(config, portal.signIn, portal.sessions, context.clinicName, context.zone),
    patientDashboardRoutes(portal, context.zone, context.clinicName),
    familyRoutes(portal.family),
    patientReportRoutes(portal.reports),
  ];
}
