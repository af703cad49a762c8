/**
 * Shapes of the reception desk's API and live feed: today's arrivals across every department (with names, for
 * staff only) and attaching a registered patient to an anonymous walk-in. Public screens never see these.
 */

import type { PriorityReason, QueuePriority, QueueStatus } from './api';

/** One queue entry of today as the reception desk sees it: who, where, how urgent, and how far along. */
export interface ReceptionArrival {
  id: number;
  /** The entry's version (it moves with every step). */
  version: number;
  token: string;
  /** The ticket's code: its printable page is `/t/<publicCode>/print`. */
  publicCode: string;
  status: QueueStatus;
  priority: QueuePriority;
  priorityReason: PriorityReason | null;
  department: { id: number; name: string; prefix: string };
  /** The named doctor (or the one who called the patient); null while any doctor of the department may call it. */
  doctor: { id: number; name: string; room: string } | null;
  /** The registered patient; null for an anonymous walk-in. No clinical data. */
  patient: { id: number; fullName: string; medicalRecordNumber: string; age: number | null } | null;
  /** What an anonymous walk-in typed at the kiosk, if anything. */
  kioskFirstName: string | null;
  kioskPhone: string | null;
  /** Set when the patient came for a booked appointment. */
  appointment: { id: number; bookingCode: string; startsAt: string } | null;
  checkedInAt: string;
  /** The latest call, if called. */
  calledAt: string | null;
  completedAt: string | null;
}

/** GET /api/queue/today (and the `reception_arrivals` snapshot): the clinic day and its entries, oldest first. */
export interface ReceptionArrivalsResponse {
  /** The clinic's day ('YYYY-MM-DD', in the clinic's time zone). */
  day: string;
  arrivals: ReceptionArrival[];
}

/** POST /api/queue/entries/:id/patient: the registered patient an anonymous walk-in turned out to be. */
export interface AttachPatientRequest {
  patientId: number;
}
