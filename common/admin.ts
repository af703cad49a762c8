/**
 * Request and response shapes of the administration API (issue 7): staff, doctors' profiles, departments,
 * patients, clinic settings, weekly schedules and slots, and the audit log. Appointments are in booking.ts,
 * reports in reports.ts.
 */
import type { DepartmentSummary, Role, StaffUser } from './api';

/** Where one page of a paged list stands. Pages count from 1. */
export interface PageInfo {
  page: number;
  pageSize: number;
  total: number;
}

// ----- Staff -----

/** POST /api/users */
export interface CreateStaffRequest {
  email: string;
  fullName: string;
  role: Role;
  /** 10 to 200 characters. */
  password: string;
}

/** PATCH /api/users/:id (any of the three). */
export interface UpdateStaffRequest {
  email?: string;
  fullName?: string;
  role?: Role;
}

/** POST /api/users/:id/reset-password: the new password, which the admin hands over. */
export interface ResetPasswordRequest {
  password: string;
}

/** Every answer about one staff account. */
export interface StaffResponse {
  user: StaffUser;
}

// ----- Departments -----

/** POST /api/departments, PATCH /api/departments/:id (PATCH: any of them). */
export interface DepartmentRequest {
  name: string;
  /** 1 to 3 letters; stored in capitals. Starts every token the department issues. */
  prefix: string;
  /**
   * The name patients read in other languages, by language code (`{ es: 'Cardiología', ar: 'أمراض القلب' }`); a
   * language left out or empty shows `name`. Replaces the whole set when sent.
   */
  labels?: Partial<Record<string, string>>;
}

/** A department as admins see it: with its names in other languages. */
export interface DepartmentView extends DepartmentSummary {
  labels: Partial<Record<string, string>>;
}

/** Every answer about one department. */
export interface DepartmentResponse {
  department: DepartmentView;
}

// ----- Doctors -----

/** A doctor's profile as staff see it. */
export interface DoctorProfileView {
  id: number;
  userId: number;
  fullName: string;
  email: string;
  /** The staff account is active (a deactivated doctor keeps their profile and history). */
  active: boolean;
  licenseNumber: string;
  specialization: string;
  /** 0.0 to 5.0, or null when unrated. */
  rating: number | null;
  department: { id: number; name: string; prefix: string };
  room: string;
  consultationMinutes: number;
}

/** POST /api/doctors (all but rating and consultationMinutes required); PATCH /api/doctors/:id (any, not userId). */
export interface DoctorProfileRequest {
  userId: number;
  licenseNumber: string;
  specialization: string;
  rating?: number | null;
  departmentId: number;
  room: string;
  consultationMinutes?: number;
}

// ----- Patients -----

export type Sex = 'female' | 'male' | 'other' | 'unknown';
export type BloodGroup = 'A+' | 'A-' | 'B+' | 'B-' | 'AB+' | 'AB-' | 'O+' | 'O-';

/** A patient's whole profile. */
export interface PatientView {
  id: number;
  fullName: string;
  /** 'YYYY-MM-DD' */
  dateOfBirth: string;
  sex: Sex;
  phone: string | null;
  medicalRecordNumber: string;
  bloodGroup: BloodGroup | null;
  allergies: string | null;
  insuranceProvider: string | null;
  insuranceNumber: string | null;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/patients (fullName and dateOfBirth required) and PATCH /api/patients/:id (any). */
export interface PatientRequest {
  fullName: string;
  dateOfBirth: string;
  sex?: Sex;
  phone?: string | null;
  bloodGroup?: BloodGroup | null;
  allergies?: string | null;
  insuranceProvider?: string | null;
  insuranceNumber?: string | null;
  /** Create even though patients with the same name and date of birth, or the same phone, exist. */
  confirmDuplicate?: boolean;
}

/** Why a patient may be the same person as the one being entered. */
export type DuplicateReason = 'name_and_birth_date' | 'phone';

/** A registered patient who may be the same person. */
export interface PossibleDuplicate {
  patient: PatientView;
  reasons: DuplicateReason[];
}

/**
 * 409 from POST /api/patients when possible duplicates exist and `confirmDuplicate` was not sent: the usual error
 * body plus the patients, so the screen can offer "use this one" or "create anyway".
 */
export interface PossibleDuplicateBody {
  error: { id: 'possible_duplicate'; message: string };
  duplicates: PossibleDuplicate[];
}

/** GET /api/patients?q=&page=&pageSize= */
export interface PatientSearchResponse extends PageInfo {
  patients: PatientView[];
}

// ----- Clinic settings -----

/** One weekday's opening hours (ISO weekday, 1 = Monday; local 'HH:MM'). */
export interface OpeningInterval {
  weekday: number;
  opens: string;
  closes: string;
}

/** Opening hours as free text, per weekday, or both. */
export interface OpeningHours {
  text: string | null;
  weekly: OpeningInterval[];
}

/** GET /api/settings: what any screen may read. */
export interface PublicSettings {
  name: string;
  /** The saved IANA zone (see ClinicSettings.activeTimeZone). */
  timeZone: string;
  openingHours: OpeningHours;
  /** Language codes such as 'en', 'ar', 'pt-BR'; the first is the default. */
  kioskLanguages: string[];
  displayLanguages: string[];
  publicBooking: boolean;
}

/** GET /api/settings/all (admin) and the answer to PUT /api/settings. */
export interface ClinicSettings extends PublicSettings {
  /** Days of slots generation creates from today: 1 to 366 (default 28). */
  slotHorizonDays: number;
  /** The country set here for phone numbers (ISO 3166, e.g. GB); null: CLINIC_COUNTRY, else the time zone's. */
  country: string | null;
  /** The country phone numbers typed without a country code are read as now (null: none, e.g. for UTC). */
  phoneCountry: string | null;
  /** The zone the running server uses. A changed time zone takes effect when the server restarts. */
  activeTimeZone: string;
  restartRequired: boolean;
  /** When an admin last saved; null while the environment's defaults apply. */
  savedAt: string | null;
}

/** PUT /api/settings: the whole settings object. */
export type ClinicSettingsRequest = PublicSettings & {
  slotHorizonDays: number;
  /** Absent: left as it is. Null: CLINIC_COUNTRY, else the time zone's country. */
  country?: string | null;
};

// ----- Schedules and slots -----

/** One working interval of a doctor's week, local time in the clinic's zone. */
export interface AvailabilityInterval {
  id: number;
  doctorId: number;
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  weekday: number;
  startTime: string;
  endTime: string;
  slotMinutes: number;
}

/** POST /api/doctors/:id/availability, PATCH .../availability/:intervalId (any). */
export interface AvailabilityRequest {
  weekday: number;
  startTime: string;
  endTime: string;
  slotMinutes: number;
}

/** PUT /api/doctors/:id/availability: the whole week, replacing what was there. */
export interface WeekRequest {
  intervals: AvailabilityRequest[];
}

/** GET/PUT /api/doctors/:id/availability */
export interface WeekResponse {
  intervals: AvailabilityInterval[];
}

/** Days a doctor does not work (both dates included). */
export interface ExceptionView {
  id: number;
  doctorId: number;
  startDate: string;
  endDate: string;
  reason: string | null;
}

/** POST /api/doctors/:id/exceptions, PATCH .../exceptions/:exceptionId (any). */
export interface ExceptionRequest {
  startDate: string;
  endDate: string;
  reason?: string | null;
}

/** A booked appointment that falls outside the schedule (leave, a removed interval) and should be moved. */
export interface AppointmentToMove {
  id: number;
  bookingCode: string;
  startsAt: string;
  patient: { id: number; fullName: string; phone: string | null };
}

/** What one slot generation run did. */
export interface GenerationResult {
  doctorId: number;
  fromDay: string;
  toDay: string;
  created: number;
  alreadyPresent: number;
  /** Wanted slots left out because they would overlap a booked slot. */
  overlapping: number;
  /** Free slots deleted because the schedule no longer has them. */
  removed: number;
  /** Free slots the schedule no longer has but cancelled or no-show appointments refer to: kept, never offered. */
  withdrawn: number;
  appointmentsToMove: AppointmentToMove[];
}

/** POST /api/doctors/:id/slots/generate (body optional). */
export interface GenerateRequest {
  /** First clinic day, today or later; default today. */
  fromDay?: string;
  /** How many days; default the settings' horizon. */
  days?: number;
}

/** POST/PATCH/DELETE of an exception: the exception and the regeneration over its days. */
export interface ExceptionResponse {
  exception: ExceptionView;
  slots: GenerationResult | null;
}

/** free: bookable; booked: an active appointment holds it; blocked: taken out by staff or on a day off. */
export type SlotStatus = 'free' | 'booked' | 'blocked';

/** One slot in the week calendar. */
export interface CalendarSlot {
  id: number;
  startsAt: string;
  endsAt: string;
  /** Local 'HH:MM' in the clinic's zone. */
  start: string;
  end: string;
  status: SlotStatus;
  past: boolean;
  appointment: {
    id: number;
    bookingCode: string;
    status: string;
    patient: { id: number; fullName: string };
  } | null;
}

/** One day of the week calendar. */
export interface CalendarDay {
  date: string;
  weekday: number;
  exception: { id: number; reason: string | null } | null;
  slots: CalendarSlot[];
}

/** GET /api/doctors/:id/calendar?week=YYYY-MM-DD (any day of the week; weeks start on Monday). */
export interface WeekCalendar {
  doctor: { id: number; name: string; room: string };
  timeZone: string;
  weekStart: string;
  days: CalendarDay[];
}

// ----- Audit log -----

/** One audit entry. */
export interface AuditEntryView {
  id: number;
  at: string;
  user: { id: number; fullName: string } | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  patientId: number | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

/** GET /api/audit?userId=&patientId=&action=&from=&to=&page=&pageSize= (newest first). */
export interface AuditSearchResponse extends PageInfo {
  entries: AuditEntryView[];
}
