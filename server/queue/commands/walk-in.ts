import type { WalkInCheckInRequest } from '../../../common/api';
import { conflict, forbidden } from '../../errors';
import type { QueueEntry } from '../../models';
import type { Actor } from '../types';
import type { ReceptionAlerts } from '../channels/reception';
import type { LiveQueue } from '../read-model/live-queue';
import { worksNow } from '../read-model/state';
import { earlierCheckIn } from './idempotency';
import type { QueueService } from './steps';

/** What a walk-in runs with. */
export interface WalkInContext {
  queue: QueueService;
  live: LiveQueue;
  alerts: ReceptionAlerts;
  now: () => Date;
  timeZone: string;
}

/**
 * THE WALK-IN RULES, for every walk-in path (the kiosk, a phone, the desk), around the engine's check-in (which
 * issues the token and makes a retry with the same key return the same ticket):
 * - Only staff may name a registered patient or set the class directly; the public says a priority reason (the
 *   `priority` class) or emergency (the `emergency` class).
 * - A public walk-in to a department where no doctor works now, or to a named doctor who does not, is refused (409)
 *   unless it is an emergency; staff may check anyone in at any time. A retry of a ticket issued before closing
 *   still gets its ticket.
 * - A new emergency ticket is announced to reception once (a retry announces nothing).
 * - The optional first name and phone are written with the entry, in the check-in's transaction.
 */
export async function walkIn(ctx: WalkInContext, input: WalkInCheckInRequest, actor: Actor): Promise<QueueEntry> {
  if (!actor && input.patientId !== undefined) throw forbidden('Only staff can check in a registered patient.');
  if (!actor && (input.priority ?? 'normal') !== 'normal') {
    throw forbidden('Only staff can give a ticket priority directly. Choose a priority reason instead.');
  }
  const priority = input.emergency ? 'emergency' : (input.priority ?? (input.priorityReason ? 'priority' : 'normal'));
  if (!actor && priority !== 'emergency') {
    const closed = await closedNow(ctx, input.departmentId, input.doctorId);
    if (closed) {
      const earlier = await earlierCheckIn(input.idempotencyKey);
      if (earlier) return earlier;
      throw closed;
    }
  }
  const { entry, created } = await ctx.queue.issueWalkIn(
    {
      departmentId: input.departmentId,
      doctorId: input.doctorId,
      priority,
      priorityReason: priority === 'priority' ? input.priorityReason : undefined,
      patientId: input.patientId,
      idempotencyKey: input.idempotencyKey,
    },
    actor,
    { firstName: input.firstName ?? null, contactPhone: input.phone ?? null },
  );
  if (created && entry.priority === 'emergency') ctx.alerts.emergency(entry, entry.department!);
  return entry;
}

/** The 409 for a department nobody works in now (or a named doctor who does not), else null. From the directory. */
async function closedNow(ctx: WalkInContext, departmentId: number, doctorId: number | undefined): Promise<Error | null> {
  const now = ctx.now();
  const directory = await ctx.live.directory(now);
  const department = directory.departments.get(departmentId);
  // Unknown or inactive departments and doctors are left to the engine, which refuses them in its own words.
  if (!department?.active) return null;
  const own = [...directory.doctors.values()].filter((d) => d.doctor.departmentId === departmentId);
  if (doctorId !== undefined) {
    const doctor = own.find((d) => d.doctor.id === doctorId);
    return doctor && !worksNow(doctor, now, ctx.timeZone)
      ? conflict('doctor_unavailable', 'This doctor is not seeing patients right now. Please choose "Any doctor" or another doctor.')
      : null;
  }
  return own.some((d) => worksNow(d, now, ctx.timeZone))
    ? null
    : conflict('department_closed', `${department.name} is closed right now. Please choose another department, or ask at the reception desk.`);
}
