import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A clock for screens that show ages ("waiting 12 min") and links that expire: `now` moves every `everyMs` and the
 * host redraws; `wakeAt` adds one tick at a given time, so something due then goes on time rather than at the next
 * tick. Both timers are cleared when the host goes.
 */
export class TickController implements ReactiveController {
  /** Now, as of the last tick (ms since the epoch). */
  now = Date.now();

  private ticker: ReturnType<typeof setInterval> | undefined;
  private wake: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly everyMs = 30_000,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.ticker = setInterval(() => this.tick(), this.everyMs);
  }

  hostDisconnected(): void {
    clearInterval(this.ticker);
    clearTimeout(this.wake);
  }

  /** Ticks once more just after `at` (ms since the epoch); a later call replaces an earlier one. */
  wakeAt(at: number): void {
    clearTimeout(this.wake);
    this.wake = setTimeout(() => this.tick(), Math.max(0, at - Date.now()) + 50);
  }

  private tick(): void {
    this.now = Date.now();
    this.host.requestUpdate();
  }
}
