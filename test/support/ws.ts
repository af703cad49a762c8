import WebSocket from 'ws';
import type { ClientMessage, ServerMessage } from '../../common/protocol';

/** A real `ws` client that queues what it receives, so tests can wait for typed messages. */
export class TestSocket {
  readonly ws: WebSocket;
  private readonly received: ServerMessage[] = [];
  private waiters: Array<() => void> = [];
  closed: Promise<{ code: number; reason: string }>;

  constructor(url: string, cookie?: string, origin?: string) {
    this.ws = new WebSocket(url, { headers: { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) } });
    this.ws.on('message', (data) => {
      this.received.push(JSON.parse(data.toString()) as ServerMessage);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => this.ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  /** Sends a protocol message (or raw text, to test violations). */
  send(message: ClientMessage | string): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Resolves with the next message of `type` (skipping others), or fails after `timeoutMs`. */
  async next<T extends ServerMessage['type']>(type: T, timeoutMs = 3000): Promise<Extract<ServerMessage, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.received.findIndex((m) => m.type === type);
      if (index >= 0) return this.received.splice(index, 1)[0] as Extract<ServerMessage, { type: T }>;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no "${type}" message within ${timeoutMs} ms; got ${JSON.stringify(this.received)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** All messages received and not yet taken by next(). */
  get unread(): ServerMessage[] {
    return [...this.received];
  }

  close(): void {
    this.ws.close();
  }
}
