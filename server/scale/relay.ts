import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { redisReady } from './redis';
import type { Logger } from '../logger';
import type { QueueEntry } from '../models';
import type { RealtimeHub } from '../realtime/hub';
import type { QueueBroadcaster } from '../queue/channels/broadcaster';
import { callAnnouncement, type CallAnnouncement } from '../queue/channels/messages';
import { loadEntry } from '../queue/commands/entries';
import type { LiveQueue } from '../queue/read-model/live-queue';
import type { QueueChange } from '../queue/types';

/** What one server tells the others of a committed queue change: which departments, and whom it called. */
export interface RelayedChange {
  origin: string;
  departmentIds: number[];
  calledId?: number;
  /** The call as displays announce it, so the other servers announce it at once, without a read of the entry. */
  call?: CallAnnouncement;
}

/**
 * Carries committed queue changes between servers through Redis pub/sub (REDIS_URL), so a display connected to one
 * server announces a call made on another, and every server answers places and estimates the same.
 *
 * The server that made a change publishes who changed and whom it called, after commit. Every other server drops
 * those departments' days from its live read model (the next read takes them from the database, the source of truth),
 * announces the call to its own displays and refreshes their lists, as its own broadcaster does for its own changes.
 *
 * Sequence numbers stay per server, and so does the epoch: a screen that reconnects to another server sees another
 * epoch and takes a fresh snapshot, never a silent gap or a repeat. While Redis is away, other servers' changes are
 * missed; when it is back this server reads its whole model again and starts a new epoch, so every screen resyncs.
 */
export class ChangeRelay {
  readonly origin = randomUUID();
  /**
   * Changes this server told the others of, and changes of other servers it has handed to its broadcaster: with two
   * servers, each one's `published` equal to the other's `handled` means the relay has nothing in flight (tests wait on it).
   */
  readonly counts = { published: 0, handled: 0 };
  private readonly topic: string;
  private lost = false;

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    prefix: string,
    private readonly parts: { live: LiveQueue; broadcaster: QueueBroadcaster; hub: RealtimeHub; logger: Logger },
  ) {
    this.topic = `${prefix}:queue-changes`;
    subscriber.on('message', (topic: string, text: string) => {
      if (topic !== this.topic) return;
      // A message that is not a change (another program on the topic, a bug) is logged and dropped: an unhandled
      // rejection here would end the process.
      this.received(text).catch((error) => this.parts.logger.error({ err: error }, 'a message on the queue-changes topic could not be handled; dropped'));
    });
    // Any break of the connection may have lost messages (pub/sub keeps none for an absent listener).
    for (const event of ['error', 'close']) {
      subscriber.on(event, () => {
        this.lost = true;
      });
    }
    subscriber.on('ready', () => void this.ready());
  }

  /** Subscribes to the other servers' changes; resolves once listening (or at once if Redis is away). */
  async start(): Promise<void> {
    await redisReady(this.subscriber);
    await this.subscriber.subscribe(this.topic).catch(() => {
      this.lost = true;
    });
  }

  /** Tells the other servers of a change this server committed (its own model and screens have it already). */
  publish(change: QueueChange): void {
    const call = change.called ? callAnnouncement(change.called) : null;
    const message: RelayedChange = { origin: this.origin, departmentIds: change.departmentIds, calledId: change.called?.id, ...(call ? { call } : {}) };
    this.counts.published++;
    // A lost message is made good when Redis returns (the reload and new epoch below); never fail the request.
    this.publisher.publish(this.topic, JSON.stringify(message)).catch(() => {
      this.lost = true;
    });
  }

  /** Stops listening. */
  async close(): Promise<void> {
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }

  private async received(text: string): Promise<void> {
    const change = JSON.parse(text) as RelayedChange;
    if (!Array.isArray(change?.departmentIds)) throw new Error(`not a queue change: ${text.slice(0, 80)}`);
    if (change.origin === this.origin) return;
    const { live, broadcaster, logger } = this.parts;
    for (const departmentId of change.departmentIds) live.invalidate(departmentId);
    if (change.call) {
      broadcaster.announce(change.call);
      broadcaster.changed({ departmentIds: change.departmentIds, entries: [] });
      this.counts.handled++;
      return;
    }
    // A server of an older version (during a rolling deploy) sends only the entry's id: read it.
    let called: QueueEntry | undefined;
    try {
      if (change.calledId) called = await loadEntry(change.calledId);
    } catch (error) {
      logger.error({ err: error, entryId: change.calledId }, 'a call made on another server could not be read; lists still refresh');
    }
    broadcaster.changed({ departmentIds: change.departmentIds, called, entries: [] });
    this.counts.handled++;
  }

  /** Redis (re)connected: after an outage, every change missed meanwhile is read again and every screen resyncs. */
  private async ready(): Promise<void> {
    if (!this.lost) return;
    this.lost = false;
    await this.subscriber.subscribe(this.topic).catch(() => undefined);
    this.parts.live.invalidate();
    this.parts.hub.renewEpoch();
    this.parts.logger.warn('redis is back: the live queue is read again and every screen resyncs (new epoch)');
  }
}
