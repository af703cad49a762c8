import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ClinicInfo } from '../api';
import { ApiError, apiGet } from './api';
import { backoffDelay } from './realtime-client';

/** Options for {@link ClinicController}. */
export interface ClinicControllerOptions {
  /** Called once the clinic's details have arrived (to set the clock's zone, the page title...). */
  onLoad?: (clinic: ClinicInfo) => void;
}

/**
 * Loads the clinic's public details (GET /api/clinic) for a screen's header, and keeps retrying with backoff
 * if the server cannot be reached: a kiosk or display that booted before the server must still come right
 * by itself, with nobody there to press F5.
 */
export class ClinicController implements ReactiveController {
  /** The clinic, once loaded. */
  info: ClinicInfo | null = null;
  /** The last failure in plain words, while retrying. */
  error: string | null = null;

  private readonly host: ReactiveControllerHost;
  private readonly options: ClinicControllerOptions;
  private abort: AbortController | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;

  constructor(host: ReactiveControllerHost, options: ClinicControllerOptions = {}) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.info) void this.load();
  }

  hostDisconnected(): void {
    this.abort?.abort();
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private async load(): Promise<void> {
    this.abort = new AbortController();
    const { signal } = this.abort;
    try {
      this.info = await apiGet<ClinicInfo>('/api/clinic', { signal });
      this.error = null;
      this.options.onLoad?.(this.info);
    } catch (error) {
      if (signal.aborted) return;
      this.error = error instanceof ApiError ? error.message : String(error);
      this.retryTimer = setTimeout(() => void this.load(), 1000 + backoffDelay(this.attempt++, 1000, 30_000));
    }
    this.host.requestUpdate();
  }
}
