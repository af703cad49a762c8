/**
 * Shapes of the kiosk's API (department choice, walk-in, appointment look-up) and of the reception alerts an
 * emergency check-in raises. Shared by the server's routes and the kiosk; no patient data crosses to public screens.
 */

import type { PriorityReason, QueueStatus } from './api';

/** One doctor as the kiosk offers them: working now or not, how many are ahead, how long a new walk-in waits. */
export interface KioskDoctor {
  id: number;
  name: string;
  room: string;
  /** Working now (weekly availability covers this moment in the clinic's zone, no leave today). */
  available: boolean;
  /** Patients a new walk-in asking for this doctor would have ahead of them (their own line and the shared one). */
  waitingCount: number;
  /** Minutes a new walk-in asking for this doctor would wait now (the queue engine's estimate). */
  estimateMinutes: number;
  /** When the doctor next starts work (ISO 8601, UTC) while not available; null when available or not scheduled soon. */
  nextAvailableAt: string | null;
}

/** One department on the kiosk's walk-in screen. */
export interface KioskDepartment {
  id: number;
  name: string;
  prefix: string;
  /** True when at least one of its doctors is working now. */
  open: boolean;
  /** While closed: when the first of its doctors next starts (ISO 8601, UTC); null when open or nothing in two weeks. */
  opensAt: string | null;
  /** Patients waiting in the department now. */
  waitingCount: number;
  /** Minutes a new walk-in for "any doctor" would wait now (the queue engine's estimate). */
  estimateMinutes: number;
  doctors: KioskDoctor[];
}

/** GET /api/kiosk/departments */
export interface KioskDepartmentsResponse {
  departments: KioskDepartment[];
  serverTime: string;
}

/** Longest first name the kiosk stores; the on-screen keyboard stops there. */
export const FIRST_NAME_MAX = 40;

/** POST /api/kiosk/check-in: a walk-in at the kiosk. */
export interface KioskWalkInRequest {
  departmentId: number;
  /** A named doctor, or absent for "any doctor". */
  doctorId?: number;
  /** Gives the ticket the `priority` class. */
  priorityReason?: PriorityReason;
  /** The patient needs help now: the ticket gets the `emergency` class and reception is alerted. */
  emergency?: boolean;
  /** Optional, for reception only; never shown on a public screen. */
  firstName?: string;
  /** Optional, for reception only; never shown on a public screen. */
  phone?: string;
  /** One per check-in attempt, reused on every retry of it. */
  idempotencyKey: string;
}

/** POST /api/kiosk/appointments/find: by booking code, or by phone number and date of birth ('YYYY-MM-DD'). */
export type KioskAppointmentLookup = { bookingCode: string } | { phone: string; dateOfBirth: string };

/**
 * Whether the appointment can be checked in now, as far as the kiosk can tell before trying:
 * `ready`, `too_early` (come back from `checkInFrom`), `other_day` (not today), `closed` (cancelled or finished).
 * The check-in itself still decides.
 */
export type KioskAppointmentState = 'ready' | 'too_early' | 'other_day' | 'closed';

/** The appointment found, as the kiosk may show it: doctor and time, nothing else about the patient. */
export interface KioskAppointment {
  /** Checks in exactly this appointment once the patient confirms it. */
  bookingCode: string;
  startsAt: string;
  /** The earliest moment the check-in accepts (ISO 8601, UTC). */
  checkInFrom: string;
  doctor: { name: string; room: string };
  department: { id: number; name: string };
  state: KioskAppointmentState;
}

/** What reception is told about an emergency check-in (staff channel `reception:all` only). */
export interface ReceptionAlert {
  kind: 'emergency';
  entryId: number;
  token: string;
  status: QueueStatus;
  department: { id: number; name: string };
  /** What the patient typed at the kiosk, if anything. */
  firstName: string | null;
  phone: string | null;
  checkedInAt: string;
}
