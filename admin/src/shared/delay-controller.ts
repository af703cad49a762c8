import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A job run after a pause, e.g. a search after the user stops typing: `schedule` replaces a job still waiting, and the
 * timer is cleared when the host goes, so a closed screen never searches late.
 */
export class DelayController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly delayMs: number,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.cancel();
  }

  /** Runs `job` after the pause, instead of any job still waiting. */
  schedule(job: () => void): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(job, this.delayMs);
  }

  /** Drops the job still waiting, if any. */
  cancel(): void {
    clearTimeout(this.timer);
  }
}
