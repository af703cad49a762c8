import { localToUtc } from '../../services/clinic-time';
import type { DirectoryDoctor } from './directory';

const cache = new WeakMap<DirectoryDoctor, { key: string; shifts: Array<{ start: number; end: number }> }>();

/**
 * A doctor's working intervals on `day` as epoch ms (none on leave), for the forecast. Kept with the directory's
 * doctor object: turning local times into instants takes a time-zone library call, and the hours only change with
 * the directory (which is then read again into new objects).
 */
export function shiftsOf(doctor: DirectoryDoctor, day: string, timeZone: string): ReadonlyArray<{ start: number; end: number }> {
  const key = `${day}|${timeZone}`;
  const held = cache.get(doctor);
  if (held?.key === key) return held.shifts;
  const shifts = doctor.onLeave
    ? []
    : doctor.hours.map((h) => ({ start: localToUtc(day, h.startTime, timeZone).getTime(), end: localToUtc(day, h.endTime, timeZone).getTime() }));
  cache.set(doctor, { key, shifts });
  return shifts;
}
