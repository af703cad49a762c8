import type { Channel, ChannelMessage } from '../../common/protocol';

interface Cached {
  seq: number;
  loadedAt: number;
  messages: Promise<ChannelMessage[]>;
  /** The last snapshot that loaded, kept to serve while the database is away. */
  settled?: ChannelMessage[];
}

/**
 * Each channel's snapshot, read at most once per change however many clients ask (a wall of displays reconnecting
 * after a restart, or one socket re-subscribing in a loop): keyed by the channel's sequence number, so any event on
 * the channel makes the next subscriber read fresh. Changes that are not queue events (a renamed department) reach
 * snapshots within `maxAgeMs`. A channel's entry goes when its last subscriber leaves (events for a channel nobody
 * watches are not all published, so its sequence number would not tell a stale snapshot from a fresh one).
 */
export class SnapshotCache {
  private readonly entries = new Map<Channel, Cached>();

  constructor(private readonly maxAgeMs = 15_000) {}

  /**
   * The snapshot at `seq`: shared with every concurrent and later subscriber until the channel moves on. When a
   * fresh read fails (the database is away) and an older snapshot of the same sequence number loaded before, that
   * one is served.
   */
  get(channel: Channel, seq: number, load: () => Promise<ChannelMessage[]>): Promise<ChannelMessage[]> {
    const now = performance.now();
    const cached = this.entries.get(channel);
    if (cached && cached.seq === seq && now - cached.loadedAt < this.maxAgeMs) return cached.messages;
    const fallback = cached?.seq === seq ? cached.settled : undefined;
    const entry: Cached = { seq, loadedAt: now, messages: load() };
    entry.messages = entry.messages.then(
      (messages) => {
        entry.settled = messages;
        return messages;
      },
      (error: unknown) => {
        if (this.entries.get(channel) === entry) {
          if (fallback) this.entries.set(channel, { seq, loadedAt: 0, messages: Promise.resolve(fallback), settled: fallback });
          else this.entries.delete(channel);
        }
        if (fallback) return fallback;
        throw error;
      },
    );
    this.entries.set(channel, entry);
    return entry.messages;
  }

  /**
   * Marks every snapshot stale: the next subscriber reads fresh. The old one is kept only as the answer when that read
   * fails (the database is away), which is still better than a blank screen.
   */
  invalidate(): void {
    for (const entry of this.entries.values()) entry.loadedAt = -Infinity;
  }

  /** Forgets a channel's snapshot (its last subscriber left). */
  forget(channel: Channel): void {
    this.entries.delete(channel);
  }
}
