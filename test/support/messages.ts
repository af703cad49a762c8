import type { QueueStats } from '../../common/api';
import type { Channel } from '../../common/protocol';

/** Figures with `waiting` people waiting and nothing else yet. */
export function stats(waiting = 0): QueueStats {
  return { waiting_count: waiting, completed_today: 0, average_wait_minutes: null, average_consultation_minutes: null };
}

/** A `queue_update` for `channel` (before the hub stamps seq and epoch) with `waiting` people waiting. */
export function queueUpdate(channel: Channel, waiting = 0) {
  return { type: 'queue_update' as const, channel, queue: [], stats: stats(waiting) };
}
