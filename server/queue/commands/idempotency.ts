import { UniqueConstraintError } from 'sequelize';
import { QueueEntry } from '../../models';
import type { QueueContext } from './context';
import { loadEntry } from './entries';

/** A check-in's entry, and whether this call created it (false: an earlier call with the same key did). */
export interface CheckedIn {
  entry: QueueEntry;
  created: boolean;
}

/** The entry an earlier check-in with `key` created, if any (read from the database). */
export async function earlierCheckIn(key: string): Promise<QueueEntry | null> {
  const earlier = await QueueEntry.findOne({ attributes: ['id'], where: { idempotencyKey: key } });
  return earlier ? loadEntry(earlier.id) : null;
}

/**
 * Runs a check-in at most once per idempotency key. A retry whose original already committed gets the original
 * entry back: the live model knows today's keys of the department, so a first attempt reads nothing before its
 * transaction (without the model, the database is asked). A retry racing the original, or one the model could not
 * know about (another server, another day), fails on the unique index over idempotency_key; its whole transaction
 * rolls back (so the token number it took is given back) and it returns the entry the winner created.
 */
export async function once(
  ctx: QueueContext,
  key: string,
  departmentId: number,
  checkIn: () => Promise<CheckedIn>,
): Promise<CheckedIn> {
  const known = ctx.live ? (await ctx.live.day(departmentId, ctx.now())).idOfKey(key) : undefined;
  const earlier = known !== undefined ? await loadEntry(known) : ctx.live ? null : await earlierCheckIn(key);
  if (earlier) return { entry: earlier, created: false };
  try {
    return await checkIn();
  } catch (error) {
    if (error instanceof UniqueConstraintError && mentionsIdempotencyKey(error)) {
      const winner = await earlierCheckIn(key);
      if (winner) return { entry: winner, created: false };
    }
    throw error;
  }
}

// The drivers name the clash differently (SQLite the column, MySQL the index), but both mention the column.
function mentionsIdempotencyKey(error: UniqueConstraintError): boolean {
  const parent = error.parent as { message?: string; sqlMessage?: string } | undefined;
  return [JSON.stringify(error.fields ?? {}), error.message, parent?.message, parent?.sqlMessage].some((text) =>
    text?.includes('idempotency_key'),
  );
}

