import type { QueueEntry } from '../../models';

/** The columns every wait and consultation figure needs: enough to read a whole day, or a year, without joins. */
export const TIMING_COLUMNS = [
  'id',
  'doctorId',
  'status',
  'checkedInAt',
  'firstCalledAt',
  'calledAt',
  'consultationStartedAt',
  'completedAt',
  'transferredFromId',
] as const;

/** An entry read with {@link TIMING_COLUMNS} only. */
export type EntryTimings = Pick<QueueEntry, (typeof TIMING_COLUMNS)[number]>;

const MINUTE = 60_000;

/**
 * From check-in to the first call, in minutes. Entries that came by transfer are left out: they carry the original
 * check-in time, so their wait would include the time spent in the other queue or consultation.
 */
export function waitLength(entry: EntryTimings): number | null {
  if (!entry.firstCalledAt || entry.transferredFromId !== null) return null;
  const minutes = (entry.firstCalledAt.getTime() - entry.checkedInAt.getTime()) / MINUTE;
  return minutes >= 0 ? minutes : null;
}

/** The mean of the known values, rounded to one decimal as every figure on screen is; null when there are none. */
export function roundedMean(values: ReadonlyArray<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null);
  if (!known.length) return null;
  return Math.round((known.reduce((sum, v) => sum + v, 0) / known.length) * 10) / 10;
}
