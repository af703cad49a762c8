import { anyDoctorEta, namedDoctorEta, paceMinutes } from '../../queue/rules/eta';
import type { DepartmentState, DoctorState } from '../../queue/types';

/**
 * What a walk-in checking in now would be told, computed with the engine's own estimate functions (eta.ts):
 * everyone waiting now is ahead of a new normal walk-in (it has the latest check-in time), shared among the
 * doctors serving now for "any doctor", or in the named doctor's calling order. `lengths` gives a doctor's
 * consultation lengths today (minutes, oldest first), as the live read model keeps them.
 */
export function newWalkInEstimates(
  state: DepartmentState,
  own: DoctorState[],
  serving: DoctorState[],
  lengths: (doctorId: number) => number[],
): { anyDoctor: number; byDoctor: Map<number, number> } {
  const pace = (d: DoctorState) => paceMinutes(lengths(d.doctor.id), d.doctor.consultationMinutes);
  const servingPaces = (serving.length ? serving : own).map(pace);
  return {
    anyDoctor: anyDoctorEta(state.stats.waiting_count, servingPaces),
    byDoctor: new Map(own.map((d) => [d.doctor.id, namedDoctorEta(d.stats.waiting_count, pace(d))])),
  };
}
