import type { AppDeps, Services } from '../app';
import { AppointmentService } from '../services/appointments';
import { DepartmentService } from '../services/departments';
import { DoctorService } from '../services/doctors';
import { ScheduleService } from '../services/schedules';
import { SettingsService } from '../services/settings';
import { StaffService } from '../services/staff';
import type { AppRouter } from '../state';
import { appointmentRoutes } from './appointments';
import { departmentRoutes } from './departments';
import { doctorRoutes } from './doctors';
import { patientRoutes } from './patients';
import { publicBookingRoutes } from './public-booking';
import { publicConfirmationRoutes } from './public-booking/confirmation';
import { reportRoutes } from './reports';
import { scheduleRoutes } from './schedules';
import { settingsRoutes } from './settings';
import { slotRoutes } from './slots';
import { userRoutes } from './users';
import { visitRoutes } from './visits';
import { formularyRoutes } from './formulary';
import { registerPatient } from '../patient-portal/sign-in';

/**
 * The routers behind the admin panel and booking (issue 7): staff, departments, doctors, patients, settings,
 * schedules and slots, appointments, public booking, reports and the audit log, visit timelines (issue 19), with
 * the services they share.
 */
export function administrationRoutes(deps: AppDeps, services: Pick<Services, 'auth'>): AppRouter[] {
  const { sequelize } = deps.db;
  const settings = new SettingsService(sequelize, deps.config);
  const schedules = new ScheduleService(sequelize, settings);
  const country = () => settings.phoneCountry();
  const appointments = new AppointmentService(sequelize, () => settings.activeTimeZone, undefined, undefined, country);
  return [
    userRoutes(new StaffService(sequelize, services.auth)),
    departmentRoutes(new DepartmentService(sequelize)),
    doctorRoutes(new DoctorService(sequelize)),
    scheduleRoutes(schedules),
    slotRoutes(sequelize, schedules, settings),
    patientRoutes(sequelize, country),
    settingsRoutes(settings),
    appointmentRoutes(appointments, settings),
    publicBookingRoutes(appointments, settings, undefined, (patientId) => registerPatient(sequelize, patientId)),
    publicConfirmationRoutes(settings),
    reportRoutes(settings),
    visitRoutes(),
    formularyRoutes(sequelize),
  ];
}
