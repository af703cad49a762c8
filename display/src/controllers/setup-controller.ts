import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DisplaySetup } from '../../../common/display';
import { ApiError, apiGet } from '../../../common/web/api';
import { backoffDelay } from '../../../common/web/realtime-client';

/** Options for {@link SetupController}. */
export interface SetupControllerOptions {
  /** The display's own query string (`?profile=lobby`, `?departments=C,D`), passed on to the server as it is. */
  search: string;
  /** Called with every setup loaded (the first, and after each reload). */
  onLoad: (setup: DisplaySetup) => void;
}

/** A wrong address (unknown profile or prefix) is retried slowly: an admin may be creating the profile right now. */
const MISCONFIGURED_RETRY_MS = 30_000;

/**
 * Loads what the display shows (GET /api/displays/setup with the page's own query) and keeps retrying with
 * backoff until it succeeds, so a screen that boots before the server comes right by itself. `reload()` picks up
 * a changed profile, e.g. after a reconnect.
 */
export class SetupController implements ReactiveController {
  /** The setup, once loaded. */
  setup: DisplaySetup | null = null;
  /** The last failure in plain words (from the server when it answered), while retrying. */
  error: string | null = null;

  private readonly host: ReactiveControllerHost;
  private readonly options: SetupControllerOptions;
  private abort: AbortController | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;

  constructor(host: ReactiveControllerHost, options: SetupControllerOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    void this.load();
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.abort = undefined;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  /** Loads the setup again (unless a load is already under way). */
  reload(): void {
    if (!this.abort) void this.load();
  }

  private async load(): Promise<void> {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const abort = (this.abort = new AbortController());
    try {
      const setup = await apiGet<DisplaySetup>(`/api/displays/setup${this.options.search}`, { signal: abort.signal });
      this.setup = setup;
      this.error = null;
      this.attempt = 0;
      this.options.onLoad(setup);
    } catch (error) {
      if (abort.signal.aborted) return;
      const misconfigured = error instanceof ApiError && (error.status === 404 || error.status === 422);
      this.error = error instanceof ApiError ? error.message : String(error);
      const delay = misconfigured ? MISCONFIGURED_RETRY_MS : 1000 + backoffDelay(this.attempt++, 1000, 30_000);
      this.retryTimer = setTimeout(() => void this.load(), delay);
    } finally {
      if (this.abort === abort) this.abort = undefined;
    }
    this.host.requestUpdate();
  }
}
