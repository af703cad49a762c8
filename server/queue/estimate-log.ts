import type { Logger } from '../logger';
import { WaitEstimate } from '../models';
import type { LiveQueue } from './read-model/live-queue';
import { etaRange } from './rules/eta';
import type { QueueChange } from './types';

/** How often the estimates shown at check-in are written, in one insert. */
const FLUSH_MS = 5_000;

/**
 * Keeps the wait each patient was shown at check-in (wait_estimates), so reports can set it against the wait that
 * followed. It listens to the live read model after commit and reads the estimate from the state the broadcast has
 * just computed (the same cached view), then writes the batch on a timer: the check-in itself does nothing more.
 */
export class EstimateLog {
  private readonly pending = new Map<number, { estimatedMinutes: number; lowMinutes: number; highMinutes: number }>();
  private readonly reading = new Set<Promise<void>>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly live: LiveQueue,
    private readonly logger: Logger,
  ) {
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
    this.timer.unref();
  }

  /** A change has been applied: notes the estimate of each entry it created (a new entry has version 0). */
  changed(change: QueueChange): void {
    const fresh = change.entries.filter((e) => e.version === 0 && e.status === 'waiting');
    for (const entry of fresh) {
      const read = this.live
        .state(entry.departmentId)
        .then((state) => {
          const rank = state.rankOf.get(entry.id);
          if (!rank) return;
          const [lowMinutes, highMinutes] = etaRange(rank.etaMinutes);
          this.pending.set(entry.id, { estimatedMinutes: rank.etaMinutes, lowMinutes, highMinutes });
        })
        .catch((error) => this.logger.warn({ err: error }, 'reading a new ticket\'s estimate failed'))
        .finally(() => this.reading.delete(read));
      this.reading.add(read);
    }
  }

  /** Writes what has been noted, in one insert (a batch the database refuses, say for an entry deleted meanwhile, is dropped with a warning). */
  async flush(): Promise<void> {
    await Promise.all(this.reading);
    if (!this.pending.size) return;
    const rows = [...this.pending].map(([queueEntryId, e]) => ({ queueEntryId, ...e }));
    this.pending.clear();
    try {
      await WaitEstimate.bulkCreate(rows, { ignoreDuplicates: true });
    } catch (error) {
      this.logger.warn({ err: error, count: rows.length }, 'writing check-in estimates failed; they are left out of reports');
    }
  }

  /** Stops the timer and writes what is left. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
