import type { Slot } from 'fhir/r4';
import type { TimeSlot } from '../models';
import { instant, meta, ref } from './codes';

/**
 * A time slot (its `appointments` loaded) as a FHIR Slot in its doctor's Schedule: `busy` while an appointment
 * holds it, `busy-unavailable` when staff blocked it, else `free`.
 */
export function toFhirSlot(slot: TimeSlot): Slot {
  const booked = (slot.appointments ?? []).some((a) => a.active);
  return {
    resourceType: 'Slot',
    id: String(slot.id),
    meta: meta(slot.updatedAt),
    schedule: ref('Schedule', slot.doctorId),
    status: booked ? 'busy' : slot.blocked ? 'busy-unavailable' : 'free',
    start: instant(slot.startsAt),
    end: instant(slot.endsAt),
  };
}
