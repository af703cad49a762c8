import type { Logger } from '../logger';
import type { ScheduleService } from './schedules';

/** How often the horizon is pushed forward. Any period under a day keeps it whole; a few hours survives restarts. */
export const HORIZON_INTERVAL_MS = 6 * 60 * 60 * 1000;

/**
 * Keeps bookable slots reaching the configured horizon (four weeks by default) without anyone pressing "Generate":
 * every few hours, and once shortly after start, it runs the same repeatable generation an admin runs
 * (`ScheduleService.generateAll`) for every active doctor. Generation only adds what is missing and removes free
 * slots that no longer fit, so running it often is harmless. Audited with no user, as the server's own step.
 */
export class SlotHorizonKeeper {
  private timer: ReturnType<typeof setInterval> | undefined;
  private first: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;

  constructor(
    private readonly schedules: ScheduleService,
    private readonly logger: Logger,
    private readonly intervalMs = HORIZON_INTERVAL_MS,
    private readonly firstRunAfterMs = 5_000,
  ) {}

  /** Starts the periodic runs; the timers never keep the process alive on their own. */
  start(): void {
    this.stop();
    this.first = setTimeout(() => void this.runOnce(), this.firstRunAfterMs);
    this.timer = setInterval(() => void this.runOnce(), this.intervalMs);
    this.first.unref();
    this.timer.unref();
  }

  /** Stops the runs and waits for one in progress. */
  async stop(): Promise<void> {
    clearTimeout(this.first);
    clearInterval(this.timer);
    this.first = this.timer = undefined;
    await this.running;
  }

  /**
   * One run for every active doctor. Failures are logged, never thrown: a doctor whose week cannot be generated today
   * (a lock held by an admin's edit, a database hiccup) is tried again at the next run.
   */
  runOnce(): Promise<void> {
    this.running ??= (async () => {
      try {
        const results = await this.schedules.generateAll({}, { userId: null });
        const created = results.reduce((sum, r) => sum + r.created, 0);
        const removed = results.reduce((sum, r) => sum + r.removed, 0);
        this.logger.info({ doctors: results.length, created, removed }, 'slot horizon extended');
      } catch (error) {
        this.logger.error({ err: error }, 'slot horizon run failed; it will be tried again');
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }
}
