import type { Sequelize } from 'sequelize';
import { ApiToken } from './api-token';
import { Appointment } from './appointment';
import { AuditLog } from './audit-log';
import { AvailabilityException } from './availability-exception';
import { CheckInPoster } from './check-in-poster';
import { ClinicSetting } from './clinic-setting';
import { Department } from './department';
import { DisplayProfile } from './display-profile';
import { DisplayProfileDepartment } from './display-profile-department';
import { DoctorAvailability } from './doctor-availability';
import { DoctorProfile } from './doctor-profile';
import { KioskProfile } from './kiosk-profile';
import { KioskProfileDepartment } from './kiosk-profile-department';
import { MedicalRecord } from './medical-record';
import { Medicine, MedicineFavourite } from './medicine';
import { Patient } from './patient';
import { PatientAccount } from './patient-account';
import { PatientAccountLink } from './patient-account-link';
import { PatientReport } from './patient-report';
import { PatientSession } from './patient-session';
import { PatientSignInCode } from './patient-sign-in-code';
import { PrescriptionItem } from './prescription-item';
import { QueueCounter } from './queue-counter';
import { QueueEntry } from './queue-entry';
import { RecordAddendum } from './record-addendum';
import { ServerSecret } from './server-secret';
import { Session } from './session';
import { TicketLanguage } from './ticket-language';
import { TicketNotice } from './ticket-notice';
import { TimeSlot } from './time-slot';
import { User } from './user';
import { WaitEstimate } from './wait-estimate';
import { Webhook, WebhookDelivery } from './webhook';

export {
  ApiToken,
  Appointment,
  AuditLog,
  AvailabilityException,
  CheckInPoster,
  ClinicSetting,
  Department,
  DisplayProfile,
  DisplayProfileDepartment,
  DoctorAvailability,
  DoctorProfile,
  KioskProfile,
  KioskProfileDepartment,
  MedicalRecord,
  Medicine,
  MedicineFavourite,
  Patient,
  PatientAccount,
  PatientAccountLink,
  PatientReport,
  PatientSession,
  PatientSignInCode,
  PrescriptionItem,
  QueueCounter,
  QueueEntry,
  RecordAddendum,
  ServerSecret,
  Session,
  TicketLanguage,
  TicketNotice,
  TimeSlot,
  User,
  WaitEstimate,
  Webhook,
  WebhookDelivery,
};

/** Binds every model to `sequelize` and declares the associations. Call once per Sequelize instance. */
export function initModels(sequelize: Sequelize): void {
  for (const model of [
    User,
    Session,
    Department,
    AuditLog,
    DoctorProfile,
    Patient,
    DoctorAvailability,
    AvailabilityException,
    TimeSlot,
    Appointment,
    QueueCounter,
    QueueEntry,
    MedicalRecord,
    RecordAddendum,
    PrescriptionItem,
    DisplayProfile,
    DisplayProfileDepartment,
    ClinicSetting,
    KioskProfile,
    KioskProfileDepartment,
    Medicine,
    MedicineFavourite,
    TicketLanguage,
    TicketNotice,
    ServerSecret,
    CheckInPoster,
    WaitEstimate,
    ApiToken,
    Webhook,
    WebhookDelivery,
    PatientAccount,
    PatientSignInCode,
    PatientSession,
    PatientReport,
    PatientAccountLink,
  ]) {
    model.initModel(sequelize);
  }

  User.hasMany(Session, { foreignKey: 'userId', as: 'sessions', onDelete: 'CASCADE' });
  Session.belongsTo(User, { foreignKey: 'userId', as: 'user' });

  DoctorProfile.belongsTo(User, { foreignKey: 'userId', as: 'user' });
  User.hasOne(DoctorProfile, { foreignKey: 'userId', as: 'doctorProfile' });
  DoctorProfile.belongsTo(Department, { foreignKey: 'departmentId', as: 'department' });
  Department.hasMany(DoctorProfile, { foreignKey: 'departmentId', as: 'doctors' });

  DoctorProfile.hasMany(DoctorAvailability, { foreignKey: 'doctorId', as: 'availabilities' });
  DoctorAvailability.belongsTo(DoctorProfile, { foreignKey: 'doctorId', as: 'doctor' });
  DoctorProfile.hasMany(AvailabilityException, { foreignKey: 'doctorId', as: 'exceptions' });
  AvailabilityException.belongsTo(DoctorProfile, { foreignKey: 'doctorId', as: 'doctor' });
  DoctorProfile.hasMany(TimeSlot, { foreignKey: 'doctorId', as: 'slots' });
  TimeSlot.belongsTo(DoctorProfile, { foreignKey: 'doctorId', as: 'doctor' });

  Appointment.belongsTo(Patient, { foreignKey: 'patientId', as: 'patient' });
  Patient.hasMany(Appointment, { foreignKey: 'patientId', as: 'appointments' });
  Appointment.belongsTo(DoctorProfile, { foreignKey: 'doctorId', as: 'doctor' });
  DoctorProfile.hasMany(Appointment, { foreignKey: 'doctorId', as: 'appointments' });
  Appointment.belongsTo(TimeSlot, { foreignKey: 'slotId', as: 'slot' });
  TimeSlot.hasMany(Appointment, { foreignKey: 'slotId', as: 'appointments' });

  QueueCounter.belongsTo(Department, { foreignKey: 'departmentId', as: 'department' });
  QueueEntry.belongsTo(Department, { foreignKey: 'departmentId', as: 'department' });
  QueueEntry.belongsTo(DoctorProfile, { foreignKey: 'doctorId', as: 'doctor' });
  QueueEntry.belongsTo(Patient, { foreignKey: 'patientId', as: 'patient' });
  Patient.hasMany(QueueEntry, { foreignKey: 'patientId', as: 'queueEntries' });
  QueueEntry.belongsTo(Appointment, { foreignKey: 'appointmentId', as: 'appointment' });
  Appointment.hasMany(QueueEntry, { foreignKey: 'appointmentId', as: 'queueEntries' });
  QueueEntry.belongsTo(QueueEntry, { foreignKey: 'transferredFromId', as: 'transferredFrom' });
  QueueEntry.hasOne(WaitEstimate, { foreignKey: 'queueEntryId', as: 'estimate' });

  DisplayProfile.belongsToMany(Department, {
    through: DisplayProfileDepartment,
    foreignKey: 'displayProfileId',
    otherKey: 'departmentId',
    as: 'departments',
  });

  KioskProfile.belongsToMany(Department, {
    through: KioskProfileDepartment,
    foreignKey: 'kioskProfileId',
    otherKey: 'departmentId',
    as: 'departments',
  });

  MedicalRecord.belongsTo(QueueEntry, { foreignKey: 'queueEntryId', as: 'queueEntry' });
  QueueEntry.hasOne(MedicalRecord, { foreignKey: 'queueEntryId', as: 'medicalRecord' });
  MedicalRecord.belongsTo(Patient, { foreignKey: 'patientId', as: 'patient' });
  Patient.hasMany(MedicalRecord, { foreignKey: 'patientId', as: 'medicalRecords' });
  MedicalRecord.belongsTo(DoctorProfile, { foreignKey: 'doctorId', as: 'doctor' });
  MedicalRecord.belongsTo(User, { foreignKey: 'signedBy', as: 'signer' });
  MedicalRecord.hasMany(PrescriptionItem, { foreignKey: 'medicalRecordId', as: 'prescriptionItems' });
  PrescriptionItem.belongsTo(MedicalRecord, { foreignKey: 'medicalRecordId', as: 'medicalRecord' });
  MedicalRecord.hasMany(RecordAddendum, { foreignKey: 'medicalRecordId', as: 'addenda' });
  RecordAddendum.belongsTo(MedicalRecord, { foreignKey: 'medicalRecordId', as: 'medicalRecord' });
  RecordAddendum.belongsTo(User, { foreignKey: 'authorId', as: 'author' });

  WebhookDelivery.belongsTo(Webhook, { foreignKey: 'webhookId', as: 'webhook' });
  PatientAccount.belongsTo(Patient, { foreignKey: 'patientId', as: 'patient' });
  PatientSession.belongsTo(PatientAccount, { foreignKey: 'accountId', as: 'account' });
}
