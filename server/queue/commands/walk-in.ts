import type { KioskWalkInRequest } from '../../../common/kiosk';
import { conflict } from '../../errors';
import { Department, QueueEntry } from '../../models';
import type { ReceptionAlerts } from '../channels/reception';
import { departmentState } from '../read-model/figures';
import type { QueueService } from './steps';
import { worksNow } from '../../services/kiosk/schedule';

/** What a kiosk walk-in runs with. */
export interface KioskWalkInContext {
  queue: QueueService;
  alerts: ReceptionAlerts;
  timeZone: string;
  now: () => Date;
}

/**
 * A walk-in from the kiosk, through the queue engine's check-in (which issues the token and makes a retry with the
 * same key return the same ticket). Around it: a closed department or an absent doctor is refused (409) unless it is
 * an emergency; an emergency is announced to reception once, when the ticket is first issued (a retry finds the
 * earlier entry and announces nothing). The optional first name and phone are written with the entry, in the
 * check-in's transaction, so a failed check-in keeps neither.
 */
export async function kioskWalkIn(ctx: KioskWalkInContext, input: KioskWalkInRequest): Promise<QueueEntry> {
  const earlier = await QueueEntry.findOne({ attributes: ['id'], where: { idempotencyKey: input.idempotencyKey } });
  if (!earlier && !input.emergency) await assertWorkingNow(ctx, input.departmentId, input.doctorId);

  const entry = await ctx.queue.checkInWalkIn(
    {
      departmentId: input.departmentId,
      doctorId: input.doctorId,
      priority: input.emergency ? 'emergency' : input.priorityReason ? 'priority' : 'normal',
      priorityReason: input.emergency ? undefined : input.priorityReason,
      idempotencyKey: input.idempotencyKey,
    },
    null,
    { firstName: input.firstName ?? null, contactPhone: input.phone ?? null },
  );
  if (!earlier && entry.priority === 'emergency') ctx.alerts.emergency(entry, entry.department!);
  return entry;
}

/** 409 unless a doctor of the department (or the named doctor) is working now. */
async function assertWorkingNow(ctx: KioskWalkInContext, departmentId: number, doctorId: number | undefined): Promise<void> {
  // Unknown or inactive departments and doctors are left to the engine, which refuses them in its own words.
  const department = await Department.findByPk(departmentId);
  if (!department?.active) return;
  const now = ctx.now();
  const state = await departmentState(departmentId, { timeZone: ctx.timeZone, now });
  const own = [...state.doctors.values()].filter((d) => d.doctor.departmentId === departmentId);
  if (doctorId !== undefined) {
    const doctor = own.find((d) => d.doctor.id === doctorId);
    if (doctor && !worksNow(doctor, now, ctx.timeZone)) {
      throw conflict('doctor_unavailable', 'This doctor is not seeing patients right now. Please choose "Any doctor" or another doctor.');
    }
    return;
  }
  if (!own.some((d) => worksNow(d, now, ctx.timeZone))) {
    throw conflict('department_closed', `${department.name} is closed right now. Please choose another department, or ask at the reception desk.`);
  }
}
