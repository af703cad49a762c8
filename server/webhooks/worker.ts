import { Op } from 'sequelize';
import type { Logger } from '../logger';
import { Webhook, WebhookDelivery } from '../models';
import { EVENT_HEADER, SIGNATURE_HEADER, signDelivery, TIMESTAMP_HEADER } from './signature';
import { systemNow } from '../clock';

/** How the worker paces itself. */
export interface WorkerOptions {
  pollMs: number;
  /** The first retry's delay; the n-th waits base * 2^(n-1), at most an hour. */
  retryBaseMs: number;
  /** Attempts before a delivery is given up (about a day and a half with a 30 s base). */
  maxAttempts?: number;
  /** How long a receiver may take to answer. */
  timeoutMs?: number;
  logger: Logger;
  now?: () => Date;
}

const MAX_DELAY_MS = 60 * 60 * 1000;
/** A claimed row is not due again for this long, so a second server (or a slow attempt) cannot send it twice. */
const LEASE_MS = 2 * 60 * 1000;
const BATCH = 20;

/**
 * Sends the outbox (issue 16): every `pollMs` it takes the due, undelivered rows (oldest first), claims each by
 * moving its next attempt forward, POSTs it signed, and records the outcome: delivered on a 2xx, otherwise retried
 * with exponential backoff until `maxAttempts`. The rows are the state, so a restarted server simply carries on.
 */
export class DeliveryWorker {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<void> | null = null;
  private readonly now: () => Date;

  constructor(private readonly options: WorkerOptions) {
    this.now = options.now ?? (systemNow);
  }

  /** Starts polling (and looks at once: rows left by a previous run are due). */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.options.pollMs);
    this.timer.unref();
    void this.tick();
  }

  /** Stops polling and waits for the attempts under way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass over the due rows; a pass still running is not overlapped. */
  tick(): Promise<void> {
    if (!this.running) {
      this.running = this.pass()
        .catch((error) => this.options.logger.error({ err: error }, 'webhook delivery pass failed'))
        .finally(() => (this.running = null));
    }
    return this.running;
  }

  private async pass(): Promise<void> {
    const due = await WebhookDelivery.findAll({
      where: { deliveredAt: null, failedAt: null, nextAttemptAt: { [Op.lte]: this.now() } },
      include: [{ model: Webhook, as: 'webhook', required: true }],
      order: [['id', 'ASC']],
      limit: BATCH,
    });
    for (const row of due) {
      const [claimed] = await WebhookDelivery.update(
        { nextAttemptAt: new Date(this.now().getTime() + LEASE_MS) },
        { where: { id: row.id, nextAttemptAt: row.nextAttemptAt, deliveredAt: null } },
      );
      if (claimed) await this.attempt(row);
    }
  }

  private async attempt(row: WebhookDelivery): Promise<void> {
    const hook = row.webhook!;
    const timestamp = Math.floor(this.now().getTime() / 1000);
    let outcome: string;
    let delivered = false;
    try {
      const response = await fetch(hook.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'MediQueue-Webhooks',
          [EVENT_HEADER]: row.event,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signDelivery(hook.secret, timestamp, row.body),
        },
        body: row.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      await response.body?.cancel();
      delivered = response.status >= 200 && response.status < 300;
      outcome = delivered ? String(response.status) : `HTTP ${response.status}`;
    } catch (error) {
      outcome = (error as Error).name === 'TimeoutError' ? 'timeout' : `unreachable: ${(error as Error).message}`.slice(0, 120);
    }
    const attempts = row.attempts + 1;
    const at = this.now();
    if (delivered) {
      await row.update({ attempts, deliveredAt: at, lastError: null });
    } else {
      const delay = Math.min(MAX_DELAY_MS, this.options.retryBaseMs * 2 ** (attempts - 1));
      const giveUp = attempts >= (this.options.maxAttempts ?? 12);
      await row.update({ attempts, lastError: outcome, ...(giveUp ? { failedAt: at } : { nextAttemptAt: new Date(at.getTime() + delay) }) });
    }
    await Webhook.update({ lastStatus: outcome, lastAttemptAt: at }, { where: { id: hook.id } });
  }
}
