import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got. */
export interface ReceivedDelivery {
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The body's bytes (a web push's is encrypted, not text). */
  raw: Buffer;
}

/**
 * A webhook receiver started by a test (an external peer, not a mock of ours): records every POST and answers with
 * the next status of `statuses` (the last one repeats).
 */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  private readonly server: http.Server;
  private waiters: (() => void)[] = [];

  constructor(private statuses: number[] = [200]) {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        this.received.push({ headers: req.headers, body: raw.toString('utf8'), raw });
        const status = this.statuses.length > 1 ? this.statuses.shift()! : this.statuses[0];
        res.writeHead(status).end();
        this.waiters.splice(0).forEach((w) => w());
      });
    });
  }

  /** Listens on a free local port. */
  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  /** Resolves once `count` requests have arrived; fails loudly after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 10_000): Promise<ReceivedDelivery[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`webhook receiver: expected ${count} deliveries, got ${this.received.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.received;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
