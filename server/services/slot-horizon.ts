import type { Logger } from '../logger';
import { soleLease, type Lease } from '../scale/lease';
import type { ScheduleService } from './schedules';

/** How often the horizon is pushed forward. Any period under a day keeps it whole; a few hours survives restarts. */
export const HORIZON_INTERVAL_MS = 6 * 60 * 60 * 1000;

/** Timings of the keeper: runs, the first one after start, and how often a server checks who holds the lease. */
export interface HorizonTimings {
  intervalMs: number;
  firstRunAfterMs: number;
  /** A server that takes the lease over runs at once; a dead holder's lease expires first (scale/lease.ts). */
  leaseCheckMs: number;
}

const DEFAULT_TIMINGS: HorizonTimings = { intervalMs: HORIZON_INTERVAL_MS, firstRunAfterMs: 5_000, leaseCheckMs: 10_000 };

/**
 * Keeps bookable slots reaching the configured horizon (four weeks by default) without anyone pressing "Generate":
 * every few hours, and once shortly after start, it runs the same repeatable generation an admin runs
 * (`ScheduleService.generateAll`) for every active doctor. Generation only adds what is missing and removes free
 * slots that no longer fit, so running it often is harmless. Audited with no user, as the server's own step.
 * With several servers (REDIS_URL) only the holder of the lease runs it; another takes over if the holder dies.
 */
export class SlotHorizonKeeper {
  private timer: ReturnType<typeof setInterval> | undefined;
  private first: ReturnType<typeof setTimeout> | undefined;
  private leaseTimer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<void> | null = null;
  private held = false;
  private readonly timings: HorizonTimings;

  constructor(
    private readonly schedules: ScheduleService,
    private readonly logger: Logger,
    private readonly lease: Lease = soleLease,
    timings: Partial<HorizonTimings> = {},
  ) {
    this.timings = { ...DEFAULT_TIMINGS, ...timings };
  }

  /** Starts the periodic runs; the timers never keep the process alive on their own. */
  start(): void {
    this.clearTimers();
    this.first = setTimeout(() => void this.runOnce(), this.timings.firstRunAfterMs);
    this.timer = setInterval(() => void this.runOnce(), this.timings.intervalMs);
    this.leaseTimer = setInterval(() => void this.checkLease(), this.timings.leaseCheckMs);
    for (const timer of [this.first, this.timer, this.leaseTimer]) timer.unref();
  }

  /** Stops the runs, waits for one in progress and gives the lease up, so another server takes over at once. */
  async stop(): Promise<void> {
    this.clearTimers();
    await this.running;
    if (this.held) await this.lease.release();
    this.held = false;
  }

  private clearTimers(): void {
    clearTimeout(this.first);
    clearInterval(this.timer);
    clearInterval(this.leaseTimer);
    this.first = this.timer = this.leaseTimer = undefined;
  }

  /** Keeps the lease while held; a server that has just taken it over (its holder died or stopped) runs at once. */
  private async checkLease(): Promise<void> {
    const was = this.held;
    this.held = await this.lease.hold();
    if (this.held && !was) {
      this.logger.info('slot horizon lease taken; this server keeps the horizon now');
      await this.runOnce();
    }
  }

  /**
   * One run for every active doctor, if this server holds the lease. Failures are logged, never thrown: a doctor whose
   * week cannot be generated today (a lock held by an admin's edit, a database hiccup) is tried again at the next run.
   */
  runOnce(): Promise<void> {
    this.running ??= (async () => {
      try {
        this.held = await this.lease.hold();
        if (!this.held) return;
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
