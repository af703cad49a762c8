import type { Channel } from '../../../common/protocol';
import type { Logger } from '../../logger';
import type { RealtimeHub } from '../../realtime/hub';
import type { QueueChange } from '../types';
import type { QueueReads } from '../reads';
import { displayDepartments } from '../reads';
import { boardMessage, callAnnouncement, departmentQueueMessage, doctorQueueMessage, ticketMessage, type CallAnnouncement } from './messages';
import { RECEPTION_CHANNEL } from './reception';

const idOf = (channel: Channel) => channel.slice(channel.indexOf(':') + 1);

/**
 * The shortest time between two refreshes of one department's boards and lines. Calls are announced at once
 * (token_called) whatever this is; only the lists wait, by at most this long, and only in a burst.
 */
export const REFRESH_GAP_MS = 25;

/** Waits before re-running a failed refresh: doubling from the first, up to the last (the database may be away). */
export const RETRY_DELAYS_MS = { first: 250, max: 10_000 } as const;

/** A watched ticket: the department its visit is in now, and the code of the visit's newest entry there. */
interface TicketWatch {
  departmentId: number;
  currentCode: string;
  /** The ticket as last sent, to send only changes. */
  lastSent: string | null;
}

/**
 * Turns changes the live read model has taken in into channel messages. A call is announced (`token_called`) at
 * once, from the entry the engine handed over; then each changed department's state (from memory) is turned into one
 * message per affected channel, serialised once whatever the number of subscribers (hub.publish). Refreshes of one
 * department run one after another and coalesce: changes arriving while a refresh waits to start are covered by it,
 * and in a burst a refresh starts at most every REFRESH_GAP_MS, so a rush of check-ins costs a few refreshes a
 * second, not one each.
 * A ticket gets `ticket_update` only when what its patient sees (place, estimate, status, room) changed.
 */
export class QueueBroadcaster {
  private readonly running = new Map<number, Promise<void>>();
  /** Departments with a refresh queued but not yet started. */
  private readonly queued = new Set<number>();
  private readonly tickets = new Map<string, TicketWatch>();
  /** When each department's last refresh started (performance.now()). */
  private readonly lastRefresh = new Map<number, number>();
  /** Failed refreshes in a row per department, and the timer of its retry. */
  private readonly failures = new Map<number, { count: number; timer: NodeJS.Timeout }>();
  private closed = false;

  constructor(
    private readonly hub: RealtimeHub,
    private readonly reads: QueueReads,
    private readonly logger: Logger,
  ) {}

  /** Called once a change is committed and in the read model. */
  changed(change: QueueChange): void {
    if (change.called) {
      const call = callAnnouncement(change.called);
      if (call) this.announce(call);
      else this.logger.warn({ entryId: change.called.id }, 'a called entry came without its doctor or department; not announced');
    }
    for (const departmentId of new Set(change.departmentIds)) this.schedule(departmentId);
  }

  /**
   * Publishes a call to its department and the displays showing it, without waiting for any read (another server's
   * call arrives this way through the relay, already in this shape).
   */
  announce(call: CallAnnouncement): void {
    const displays = this.hub.subscribedChannels('display').filter((c) => this.displayCovers(c, call.department_id));
    for (const channel of [`department:${call.department_id}` as Channel, ...displays]) this.hub.publish({ ...call, channel });
    // The announcement counts as the department's refresh for pacing: the lists follow REFRESH_GAP_MS later, so
    // the sockets (and the displays' own processors) carry the call alone first, as fast as a bare broadcast.
    this.lastRefresh.set(call.department_id, performance.now());
  }

  /** Stops retrying failed refreshes (shutdown). */
  close(): void {
    this.closed = true;
    for (const { timer } of this.failures.values()) clearTimeout(timer);
    this.failures.clear();
  }

  /** Resolves once every broadcast scheduled so far has gone out (for orderly shutdown and tests). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running.values()]);
  }

  private schedule(departmentId: number): void {
    if (this.queued.has(departmentId)) return;
    this.queued.add(departmentId);
    const run = (this.running.get(departmentId) ?? Promise.resolve())
      .then(async () => {
        // A lone change goes out at once; in a burst, refreshes of one department start at most every
        // REFRESH_GAP_MS, and everything that commits meanwhile rides on the next one.
        const wait = (this.lastRefresh.get(departmentId) ?? -Infinity) + REFRESH_GAP_MS - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        // From here on, a new change needs a new refresh: this one may already have read past it.
        this.queued.delete(departmentId);
        this.lastRefresh.set(departmentId, performance.now());
        await this.refresh(departmentId);
        this.recovered(departmentId);
      })
      .catch((error) => this.failed(departmentId, error));
    this.running.set(departmentId, run);
    void run.then(() => {
      if (this.running.get(departmentId) === run) this.running.delete(departmentId);
    });
  }

  /**
   * A refresh failed after its change was committed (the database went away mid-read): screens would keep an old
   * line until the next change. So every cached snapshot is dropped (a screen that reconnects reads fresh), and the
   * refresh runs again, backing off, until it goes out.
   */
  private failed(departmentId: number, error: unknown): void {
    const previous = this.failures.get(departmentId);
    const count = (previous?.count ?? 0) + 1;
    this.logger.error({ err: error, departmentId, attempt: count }, 'queue broadcast failed; will retry');
    this.hub.invalidateSnapshots();
    if (this.closed) return;
    if (previous) clearTimeout(previous.timer);
    const delay = Math.min(RETRY_DELAYS_MS.max, RETRY_DELAYS_MS.first * 2 ** (count - 1));
    const timer = setTimeout(() => this.schedule(departmentId), delay);
    timer.unref();
    this.failures.set(departmentId, { count, timer });
  }

  private recovered(departmentId: number): void {
    const failure = this.failures.get(departmentId);
    if (!failure) return;
    clearTimeout(failure.timer);
    this.failures.delete(departmentId);
  }

  private async refresh(departmentId: number): Promise<void> {
    const state = await this.reads.state(departmentId);
    const channel: Channel = `department:${departmentId}`;
    // A message nobody receives is not built (a department's line can be a thousand tokens long).
    if (this.hub.hasSubscribers(channel)) this.hub.publish(departmentQueueMessage(channel, state));
    else this.hub.skip(channel);
    for (const channel of this.hub.subscribedChannels('doctor')) {
      const doctor = state.doctors.get(Number(idOf(channel)))?.doctor;
      if (doctor) this.hub.publish(doctorQueueMessage(channel, state, doctor));
    }
    this.reads.forgetBoards(departmentId);
    await this.publishBoards(departmentId);
    await this.publishTickets(departmentId);
    // Last: the desk can wait a few milliseconds more than a waiting-room display.
    await this.publishArrivals(departmentId);
  }

  /** The reception desk's rows for the department (names: staff channel only), when a desk is watching. */
  private async publishArrivals(departmentId: number): Promise<void> {
    if (!this.hub.subscribedChannels('reception').includes(RECEPTION_CHANNEL)) return;
    const { day, arrivals } = await this.reads.arrivals(departmentId);
    this.hub.publish({ type: 'arrivals_update', channel: RECEPTION_CHANNEL, day, departmentId, arrivals });
  }

  private displayCovers(channel: Channel, departmentId: number): boolean {
    const ids = displayDepartments(idOf(channel));
    return ids === 'all' || (ids?.includes(departmentId) ?? false);
  }

  private async publishBoards(departmentId: number): Promise<void> {
    for (const channel of this.hub.subscribedChannels('display')) {
      if (!this.displayCovers(channel, departmentId)) continue;
      const departments = await this.reads.departments(displayDepartments(idOf(channel))!);
      const board = boardMessage(channel, departments, await Promise.all(departments.map((d) => this.reads.state(d.id))));
      this.reads.rememberBoard(board);
      this.hub.publish(board);
    }
  }

  /** Sends each watched ticket of the department its new view, if it changed. */
  private async publishTickets(departmentId: number): Promise<void> {
    const channels = this.hub.subscribedChannels('ticket');
    const watched = new Set(channels.map(idOf));
    // Forget tickets nobody watches any more, so the map does not grow for weeks.
    for (const code of this.tickets.keys()) if (!watched.has(code)) this.tickets.delete(code);
    const state = await this.reads.state(departmentId);
    for (const channel of channels) {
      const code = idOf(channel);
      let watch = this.tickets.get(code) ?? (await this.resolve(code));
      if (!watch || watch.departmentId !== departmentId) continue;
      let entry = await this.reads.liveEntry(departmentId, watch.currentCode);
      if (entry?.status === 'transferred') {
        // The visit went on elsewhere: find where once, then follow it there.
        watch = await this.resolve(code, watch.lastSent);
        if (!watch) continue;
        entry = await this.reads.liveEntry(watch.departmentId, watch.currentCode);
      }
      if (!entry) continue;
      const [department] = await this.reads.departments([watch.departmentId]);
      const here = watch.departmentId === departmentId ? state : await this.reads.state(watch.departmentId);
      const message = ticketMessage(channel, entry, here, department, watch.currentCode === code ? null : watch.currentCode);
      const view = JSON.stringify(message.ticket);
      if (view === watch.lastSent) continue;
      watch.lastSent = view;
      this.hub.publish(message);
    }
  }

  /** Finds where a ticket's visit is now (one read), and remembers it. */
  private async resolve(code: string, lastSent: string | null = null): Promise<TicketWatch | null> {
    const found = await this.reads.ticket(code);
    if (!found) return null;
    const watch: TicketWatch = { departmentId: found.entry.departmentId, currentCode: found.entry.publicCode, lastSent };
    this.tickets.set(code, watch);
    return watch;
  }
}

