import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A visible countdown that ends in `onDone` (a ticket screen going back to the start by itself). `start` (re)starts
 * it; it stops when the host leaves the page.
 */
export class CountdownController implements ReactiveController {
  /** Whole seconds left. */
  remaining = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private deadline = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onDone: () => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Counts `seconds` down from now. */
  start(seconds: number): void {
    this.stop();
    this.deadline = Date.now() + seconds * 1000;
    this.remaining = seconds;
    this.timer = setInterval(() => {
      const left = Math.max(0, Math.ceil((this.deadline - Date.now()) / 1000));
      if (left !== this.remaining) {
        this.remaining = left;
        this.host.requestUpdate();
      }
      if (left === 0) {
        this.stop();
        this.onDone();
      }
    }, 200);
    this.host.requestUpdate();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
