import type {
  AuditEntryView,
  AvailabilityInterval,
  DepartmentView,
  DoctorProfileView,
  ExceptionView,
  PatientView,
} from '../../common/admin';
import type { DepartmentSummary } from '../../common/api';
import type { AuditLog, AvailabilityException, Department, DoctorAvailability, DoctorProfile, Patient, User } from '../models';

/** A department as the API shows it. */
export function presentDepartment(department: Department): DepartmentView {
  return { id: department.id, name: department.name, prefix: department.prefix, active: Boolean(department.active), labels: department.labels ?? {} };
}

/** A doctor's profile; expects `user` and `department` loaded. */
export function presentDoctor(doctor: DoctorProfile): DoctorProfileView {
  return {
    id: doctor.id,
    userId: doctor.userId,
    fullName: doctor.user?.fullName ?? '',
    email: doctor.user?.email ?? '',
    active: Boolean(doctor.user?.active),
    licenseNumber: doctor.licenseNumber,
    specialization: doctor.specialization,
    rating: doctor.rating ?? null,
    department: {
      id: doctor.departmentId,
      name: doctor.department?.name ?? '',
      prefix: doctor.department?.prefix ?? '',
    },
    room: doctor.room,
    consultationMinutes: doctor.consultationMinutes,
  };
}

/** A patient's whole profile (staff only). */
export function presentPatient(patient: Patient): PatientView {
  return {
    id: patient.id,
    fullName: patient.fullName,
    dateOfBirth: patient.dateOfBirth,
    sex: patient.sex,
    phone: patient.phone ?? null,
    medicalRecordNumber: patient.medicalRecordNumber,
    bloodGroup: patient.bloodGroup ?? null,
    allergies: patient.allergies ?? null,
    insuranceProvider: patient.insuranceProvider ?? null,
    insuranceNumber: patient.insuranceNumber ?? null,
    createdAt: patient.createdAt.toISOString(),
    updatedAt: patient.updatedAt.toISOString(),
  };
}

/** One interval of a doctor's week. */
export function presentInterval(interval: DoctorAvailability): AvailabilityInterval {
  return {
    id: interval.id,
    doctorId: interval.doctorId,
    weekday: interval.weekday,
    startTime: interval.startTime,
    endTime: interval.endTime,
    slotMinutes: interval.slotMinutes,
  };
}

/** One exception (days off). */
export function presentException(exception: AvailabilityException): ExceptionView {
  return {
    id: exception.id,
    doctorId: exception.doctorId,
    startDate: exception.startDate,
    endDate: exception.endDate,
    reason: exception.reason ?? null,
  };
}

/** One audit entry; `users` names the staff who appear. */
export function presentAuditEntry(entry: AuditLog, users: Map<number, User>): AuditEntryView {
  const user = entry.userId ? users.get(entry.userId) : undefined;
  return {
    id: entry.id,
    at: entry.createdAt.toISOString(),
    user: entry.userId ? { id: entry.userId, fullName: user?.fullName ?? `User ${entry.userId}` } : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    patientId: entry.patientId,
    ip: entry.ip,
    details: entry.details,
  };
}
