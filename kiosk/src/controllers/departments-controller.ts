import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { KioskDepartment, KioskDepartmentsResponse } from '../../../common/kiosk';
import type { Channel } from '../../../common/protocol';
import { ApiError, apiGet } from '../../../common/web/api';
import { backoffDelay } from '../../../common/web/realtime-client';
import type { KioskLive } from '../live';

/** Opening and closing follow the clock, not queue events: look again this often. */
const REFRESH_MS = 60_000;
/** A burst of check-ins and calls arrives as a burst of events: one reload after it settles. */
const SETTLE_MS = 300;

/**
 * The departments the walk-in screens offer, kept live while the host is on screen: loaded from
 * /api/kiosk/departments, reloaded when any department's public queue channel reports a change (waiting counts,
 * estimates), after every reconnection, and every minute for opening and closing times. Retries by itself when the
 * server cannot be reached.
 */
export class DepartmentsController implements ReactiveController {
  departments: KioskDepartment[] | null = null;
  /** The last failure, while retrying. */
  error: ApiError | null = null;

  private readonly host: ReactiveControllerHost;
  private readonly live: KioskLive;
  private channels: Channel[] = [];
  private stops: Array<() => void> = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private abort: AbortController | undefined;
  private failures = 0;
  private readonly offered: () => readonly number[] | null | undefined;

  /**
   * `offered` says which departments this kiosk offers: null for every one, undefined while that is not known yet
   * (its profile is loading; nothing is shown rather than departments the kiosk should not offer).
   */
  constructor(host: ReactiveControllerHost, live: KioskLive, offered: () => readonly number[] | null | undefined = () => null) {
    this.host = host;
    this.live = live;
    this.offered = offered;
    host.addController(this);
  }

  hostConnected(): void {
    this.stops = [
      this.live.onMessage((message) => {
        if (message.type === 'queue_update' && message.channel.startsWith('department:')) this.reload(SETTLE_MS);
      }),
      this.live.onHello(() => this.reload(0)),
    ];
    this.reload(0);
  }

  hostDisconnected(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
    for (const channel of this.channels) this.live.unsubscribe(channel);
    this.channels = [];
    clearTimeout(this.timer);
    this.abort?.abort();
  }

  /** The department with `id`, as last loaded. */
  find(id: number): KioskDepartment | undefined {
    return this.departments?.find((d) => d.id === id);
  }

  /** Loads again after `delayMs` (replacing any load already scheduled). */
  reload(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(), delayMs);
  }

  private async load(): Promise<void> {
    this.abort?.abort();
    this.abort = new AbortController();
    const { signal } = this.abort;
    const offered = this.offered();
    if (offered === undefined) return;
    try {
      const all = (await apiGet<KioskDepartmentsResponse>('/api/kiosk/departments', { signal, timeoutMs: 10_000 })).departments;
      const departments = offered ? all.filter((d) => offered.includes(d.id)) : all;
      this.departments = departments;
      this.error = null;
      this.failures = 0;
      this.follow(departments.map((d) => `department:${d.id}` as Channel));
      this.reload(REFRESH_MS);
    } catch (error) {
      if (signal.aborted) return;
      this.error = error instanceof ApiError ? error : new ApiError('network_error', String(error), 0);
      this.reload(1000 + backoffDelay(this.failures++, 1000, 15_000));
    }
    this.host.requestUpdate();
  }

  /** Subscribes to the departments' public queue channels (and leaves those no longer listed). */
  private follow(channels: Channel[]): void {
    for (const channel of this.channels) if (!channels.includes(channel)) this.live.unsubscribe(channel);
    for (const channel of channels) if (!this.channels.includes(channel)) this.live.subscribe(channel);
    this.channels = channels;
  }
}
