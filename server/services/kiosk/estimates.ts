import { Op } from 'sequelize';
import { QueueEntry } from '../../models';
import { anyDoctorEta, consultationLength, namedDoctorEta, paceMinutes } from '../../queue/rules/eta';
import type { DepartmentState, DoctorState } from '../../queue/types';

/**
 * Today's consultation lengths per (department, doctor), oldest completion first, measured by eta.ts's
 * consultationLength, the same measure as each doctor's pace in figures.ts.
 */
export async function consultationLengths(departmentIds: number[], day: string): Promise<Map<string, number[]>> {
  const completed = await QueueEntry.findAll({
    attributes: ['departmentId', 'doctorId', 'calledAt', 'consultationStartedAt', 'completedAt'],
    where: { departmentId: { [Op.in]: departmentIds }, clinicDay: day, status: 'completed' },
    order: [['completedAt', 'ASC']],
  });
  const lengths = new Map<string, number[]>();
  for (const entry of completed) {
    const minutes = consultationLength(entry);
    if (minutes === null || entry.doctorId === null) continue;
    const key = paceKey(entry.departmentId, entry.doctorId);
    lengths.set(key, [...(lengths.get(key) ?? []), minutes]);
  }
  return lengths;
}

/** The key of one doctor's consultations within one department's day. */
export function paceKey(departmentId: number, doctorId: number): string {
  return `${departmentId}:${doctorId}`;
}

/**
 * What a walk-in checking in now would be told, computed with the engine's own estimate functions (eta.ts):
 * everyone waiting now is ahead of a new normal walk-in (it has the latest check-in time), shared among the
 * doctors serving now for "any doctor", or in the named doctor's calling order.
 */
export function newWalkInEstimates(
  state: DepartmentState,
  own: DoctorState[],
  serving: DoctorState[],
  lengths: Map<string, number[]>,
): { anyDoctor: number; byDoctor: Map<number, number> } {
  const pace = (d: DoctorState) =>
    paceMinutes(lengths.get(paceKey(state.departmentId, d.doctor.id)) ?? [], d.doctor.consultationMinutes);
  const servingPaces = (serving.length ? serving : own).map(pace);
  return {
    anyDoctor: anyDoctorEta(state.waiting.length, servingPaces),
    byDoctor: new Map(own.map((d) => [d.doctor.id, namedDoctorEta(d.waiting.length, pace(d))])),
  };
}
