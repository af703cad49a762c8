import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The countdown shown before going back to the start. */
const WARN_SECONDS = 10;

/**
 * Brings a kiosk back to its start screen when a patient walks away half-way: while `active`, every touch, click or
 * key press restarts the wait; after `idleSeconds` without one, `onIdle` runs. The last WARN_SECONDS are counted down
 * in `remaining` (null before), so the screen can ask "Are you still there?"; its answer calls `restart`.
 */
export class IdleController implements ReactiveController {
  /** Seconds left while the warning is showing, else null. */
  remaining: number | null = null;

  private readonly host: ReactiveControllerHost;
  private activeNow = false;
  private deadline = 0;
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: { idleSeconds: number; onIdle: () => void },
  ) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of ['pointerdown', 'keydown'] as const) window.addEventListener(type, this.touched, { capture: true, passive: true });
  }

  hostDisconnected(): void {
    for (const type of ['pointerdown', 'keydown'] as const) window.removeEventListener(type, this.touched, { capture: true });
    this.stop();
  }

  /** Starts (or stops) watching; the start screen itself never times out. */
  set active(active: boolean) {
    if (active === this.activeNow) return;
    this.activeNow = active;
    if (active) this.restart();
    else this.stop();
  }

  /** Starts the wait again, as a touch does ("I need more time"). */
  restart(): void {
    if (!this.activeNow) return;
    this.deadline = Date.now() + this.options.idleSeconds * 1000;
    if (this.remaining !== null) {
      this.remaining = null;
      this.host.requestUpdate();
    }
    if (this.ticker === undefined) this.ticker = setInterval(() => this.tick(), 250);
  }

  // While "Are you still there?" is up, only a tap on the question itself answers it: a tap elsewhere must not
  // dismiss it and then land on whatever was underneath.
  private readonly touched = (): void => {
    if (this.remaining === null) this.restart();
  };

  private tick(): void {
    const left = Math.ceil((this.deadline - Date.now()) / 1000);
    if (left <= 0) {
      this.stop();
      this.activeNow = false;
      this.options.onIdle();
      return;
    }
    const remaining = left <= WARN_SECONDS ? left : null;
    if (remaining !== this.remaining) {
      this.remaining = remaining;
      this.host.requestUpdate();
    }
  }

  private stop(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
    if (this.remaining !== null) {
      this.remaining = null;
      this.host.requestUpdate();
    }
  }
}
