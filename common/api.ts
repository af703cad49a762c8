import type { KioskWalkInRequest } from './kiosk';
/**
 * Request and response shapes of the REST API, shared by the server's presenters and the front ends.
 */

/** Staff roles. Patients never sign in. */
export const ROLES = ['admin', 'doctor', 'reception'] as const;
export type Role = (typeof ROLES)[number];

/** A signed-in staff member as the API presents them. */
export interface StaffUser {
  id: number;
  email: string;
  fullName: string;
  role: Role;
  active: boolean;
}

/** POST /api/auth/sign-in */
export interface SignInRequest {
  email: string;
  password: string;
}

/** POST /api/auth/sign-in and GET /api/auth/me */
export interface SessionResponse {
  user: StaffUser;
  /** When the session ends if the user does nothing more (ISO 8601, UTC). */
  expiresAt: string;
}

/** GET /healthz */
export interface HealthResponse {
  status: 'ok' | 'degraded';
  database: 'ok' | 'unavailable';
  time: string;
}

/** A department as every screen may see it (public: no patient data). */
export interface DepartmentSummary {
  id: number;
  name: string;
  prefix: string;
  active: boolean;
}

/** GET /api/clinic: what every screen shows in its header (public). */
export interface ClinicInfo {
  name: string;
  timeZone: string;
  /** The server's clock, so screens with a wrong clock still show the right time (ISO 8601, UTC). */
  serverTime: string;
  /** The address screens and phones reach the server at (PUBLIC_BASE_URL), e.g. for a display's address to copy. */
  publicBaseUrl: string;
}

// ----- Queue -----

/** Priority classes, most urgent first. */
export type QueuePriority = 'emergency' | 'priority' | 'normal';

/** Why a patient has the `priority` class. */
export type PriorityReason = 'elderly' | 'pregnant' | 'disability';

/** Where a token is in its visit. */
export type QueueStatus = 'waiting' | 'called' | 'in_consultation' | 'completed' | 'skipped' | 'cancelled' | 'transferred';

/** The figures shown for a doctor or a department (snake_case, as in the original design's message). */
export interface QueueStats {
  waiting_count: number;
  completed_today: number;
  /** Minutes from check-in to call, over today's called entries; null before the first call. */
  average_wait_minutes: number | null;
  /** Minutes from start (or call) to completion, over today's completed visits; null before the first. */
  average_consultation_minutes: number | null;
}

/**
 * POST /api/queue/check-in (and its alias /api/kiosk/check-in): a walk-in at the kiosk or the desk, one set of rules.
 * The kiosk sends a priority reason or the emergency flag; only staff may set `priority` or name a patient.
 */
export interface WalkInCheckInRequest extends KioskWalkInRequest {
  /** Staff only: the class itself (the kiosk says `priorityReason` or `emergency` instead). */
  priority?: QueuePriority;
  /** Staff only: a registered patient, or absent for an anonymous walk-in. */
  patientId?: number;
}

/** POST /api/queue/check-in/appointment: by booking code, or by phone number and date of birth. */
export type AppointmentCheckInRequest =
  | { bookingCode: string; idempotencyKey: string }
  | { phone: string; dateOfBirth: string; idempotencyKey: string };

/** A ticket as the patient (kiosk, phone) sees it: no name, no clinical data. */
export interface TicketView {
  publicCode: string;
  token: string;
  status: QueueStatus;
  department: { id: number; name: string; prefix: string };
  doctor: { id: number; name: string; room: string } | null;
  /** 1 = next; null when not waiting. */
  position: number | null;
  /** Estimated minutes until called; null when not waiting. */
  etaMinutes: number | null;
  /** Where to go once called (the calling doctor's room). */
  room: string | null;
  checkedInAt: string;
  calledAt: string | null;
  /** Set when the entry was transferred: the ticket that now stands for this visit. */
  transferredTo: string | null;
}

/** A queue entry as staff see it (doctor console, reception). */
export interface StaffQueueEntry {
  id: number;
  /** Echo it back with the next step on this entry: a step on a stale view is refused (409). */
  version: number;
  token: string;
  status: QueueStatus;
  priority: QueuePriority;
  priorityReason: PriorityReason | null;
  departmentId: number;
  doctorId: number | null;
  patient: { id: number; fullName: string; age: number | null; sex: string } | null;
  /** True when the patient came for a booked appointment. */
  appointment: { id: number; startsAt: string } | null;
  checkedInAt: string;
  calledAt: string | null;
  consultationStartedAt: string | null;
  recallCount: number;
  position: number | null;
  etaMinutes: number | null;
}

/** GET /api/queue/doctors/:id and the doctor channel's snapshot. */
export interface DoctorQueueView {
  doctor: { id: number; name: string; room: string; departmentId: number };
  /** The patient called or in consultation with this doctor now. */
  current: StaffQueueEntry | null;
  waiting: StaffQueueEntry[];
  /** Today's no-shows of this doctor (skipped, not yet returned to the queue), latest first: they can be returned. */
  missed: StaffQueueEntry[];
  stats: QueueStats;
}

/** Body of every step on an entry; `expectedVersion` is the version the screen showed. */
export interface QueueStepRequest {
  expectedVersion: number;
}

/** POST /api/queue/entries/:id/transfer */
export interface TransferRequest extends QueueStepRequest {
  toDepartmentId?: number;
  toDoctorId?: number;
  reason: string;
}
