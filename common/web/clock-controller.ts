import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatClockTime, formatWeekdayDate } from '../clinic-format';

/** Options for {@link ClockController}. */
export interface ClockOptions {
  /** Re-render every second instead of every minute (for screens that show seconds). */
  seconds?: boolean;
}

/**
 * A clock for the screens' headers: re-renders its host on every minute (or second) boundary and reads the
 * time from the server's clock, because cheap TV sticks and kiosks often have their own clock set wrong.
 * The time zone is the clinic's (from /api/clinic), not the device's.
 */
export class ClockController implements ReactiveController {
  /** IANA time zone used by `time()` and `date()`; undefined means the device's own. */
  timeZone: string | undefined;

  private readonly host: ReactiveControllerHost;
  private readonly stepMs: number;
  private offsetMs = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, options: ClockOptions = {}) {
    this.host = host;
    this.stepMs = options.seconds ? 1000 : 60_000;
    host.addController(this);
  }

  hostConnected(): void {
    this.schedule();
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Corrects the clock from a server timestamp (ISO 8601) received just now. */
  syncWith(serverTime: string): void {
    const server = Date.parse(serverTime);
    if (Number.isNaN(server)) return;
    this.offsetMs = server - Date.now();
    if (this.timer !== undefined) this.schedule();
    this.host.requestUpdate();
  }

  /** Sets the clinic's time zone and re-renders. */
  setTimeZone(timeZone: string): void {
    if (timeZone === this.timeZone) return;
    this.timeZone = timeZone;
    this.host.requestUpdate();
  }

  /** The current time by the server's clock. */
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** The time of day, e.g. "14:05" (or "2:05 PM" where the locale says so). */
  time(locale?: string): string {
    return formatClockTime(this.now(), this.timeZone, locale, this.stepMs === 1000);
  }

  /** The date in words, e.g. "Monday 30 November". */
  date(locale?: string): string {
    return formatWeekdayDate(this.now(), this.timeZone, locale);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const now = Date.now() + this.offsetMs;
    // Wake just after the boundary so the display changes when a wall clock would, not up to a minute late.
    const wait = this.stepMs - (now % this.stepMs) + 20;
    this.timer = setTimeout(() => {
      this.host.requestUpdate();
      this.schedule();
    }, wait);
  }
}
