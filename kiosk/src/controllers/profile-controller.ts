import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { KioskSetup } from '../../../common/kiosk-profile';
import { ApiError, apiGet } from '../../../common/web/api';
import { backoffDelay } from '../../../common/web/realtime-client';

/**
 * The kiosk profile named by the address (`/kiosk?kiosk=<id>`), read from GET /api/kiosks/:id/setup (public).
 * No `kiosk` in the address: no profile, every department. A profile that does not exist (deleted, or a typing
 * mistake in the address) also falls back to every department, with `missing` set so the kiosk can say so: a
 * setup mistake must never stop patients checking in. Retries by itself while the server cannot be reached.
 */
export class KioskProfileController implements ReactiveController {
  /** The profile; undefined while loading, null when there is none to follow. */
  setup: KioskSetup | null | undefined;
  /** The `kiosk` value of the address when no such profile exists. */
  missing: string | null = null;

  private readonly host: ReactiveControllerHost;
  private readonly ref: string | null;
  private readonly onLoad: (setup: KioskSetup) => void;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private abort: AbortController | undefined;
  private failures = 0;

  constructor(host: ReactiveControllerHost, ref: string | null, onLoad: (setup: KioskSetup) => void = () => {}) {
    this.host = host;
    this.ref = ref;
    this.onLoad = onLoad;
    this.setup = ref === null ? null : undefined;
    host.addController(this);
  }

  /** Departments to offer: undefined while the profile loads, null for every department, or the profile's ids. */
  get offered(): readonly number[] | null | undefined {
    if (this.setup === undefined) return undefined;
    return this.setup?.departmentIds.length ? this.setup.departmentIds : null;
  }

  /** Whether to offer "Print ticket" (on unless a profile turns it off). */
  get printing(): boolean {
    return this.setup?.printing ?? true;
  }

  hostConnected(): void {
    if (this.setup === undefined) void this.load();
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.abort?.abort();
  }

  private async load(): Promise<void> {
    this.abort = new AbortController();
    const { signal } = this.abort;
    try {
      const ref = this.ref!;
      if (!/^\d{1,9}$/.test(ref)) throw new ApiError('not_found', 'not a profile id', 404);
      this.setup = await apiGet<KioskSetup>(`/api/kiosks/${ref}/setup`, { signal, timeoutMs: 10_000 });
      this.onLoad(this.setup);
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof ApiError && (error.status === 404 || error.status === 422)) {
        this.setup = null;
        this.missing = this.ref;
      } else {
        this.timer = setTimeout(() => void this.load(), 1000 + backoffDelay(this.failures++, 1000, 15_000));
        return;
      }
    }
    this.host.requestUpdate();
  }
}
