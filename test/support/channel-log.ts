import WebSocket from 'ws';
import type { Channel, ChannelMessage, ServerMessage, TokenCalledMessage } from '../../common/protocol';

/** What one connection has seen of one channel. */
export interface ChannelRecord {
  epoch: string | null;
  /** The last sequence number seen in this epoch (the snapshot's, then every event's). */
  seq: number;
  /** Every message of the channel, in the order received (snapshots included). */
  messages: ChannelMessage[];
  /** The newest message of each type, e.g. the board a display shows now. */
  latest: Map<string, ChannelMessage>;
  /** Epochs this connection has been subscribed under. */
  epochs: string[];
  /** True from `subscribed` until the first event: messages at the subscribed seq are the snapshot. */
  snapshot: boolean;
}

/**
 * A real WebSocket client that checks, as it receives them, the rule every screen relies on: within an epoch each
 * channel's sequence numbers go up by exactly one (a snapshot carries the number it is current to). Every break of
 * the rule is kept in `violations`, so a test can assert none happened after hundreds of steps, and say where.
 */
export class ChannelLog {
  readonly ws: WebSocket;
  readonly channels = new Map<Channel, ChannelRecord>();
  readonly violations: string[] = [];
  readonly opened: Promise<void>;
  private readonly waiters = new Set<() => void>();
  private pings = 0;
  private readonly pongs = new Set<string>();

  constructor(
    url: string,
    readonly name: string,
    cookie?: string,
  ) {
    this.ws = new WebSocket(url, { headers: cookie ? { cookie } : {} });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    // A server that dies resets the socket: that shows as `close`, which the test watches.
    this.ws.on('error', () => undefined);
    this.ws.on('message', (data) => {
      this.receive(JSON.parse(data.toString()) as ServerMessage);
      for (const wake of [...this.waiters]) wake();
    });
  }

  /** Subscribes and resolves once the server has confirmed (its snapshot follows on the same socket at once). */
  async subscribe(channel: Channel, timeoutMs = 5000): Promise<void> {
    await this.opened;
    const before = this.channels.get(channel)?.epochs.length ?? 0;
    this.ws.send(JSON.stringify({ type: 'subscribe', channel }));
    await this.until(() => (this.channels.get(channel)?.epochs.length ?? 0) > before, timeoutMs, `subscribed to ${channel}`);
  }

  /**
   * Resolves once everything the server sent before it read this ping has arrived: the server answers pings in order
   * on the same socket, so the pong comes after every message already written to it.
   */
  async sync(timeoutMs = 5000): Promise<void> {
    const id = `${this.name}-${++this.pings}`;
    this.ws.send(JSON.stringify({ type: 'ping', id }));
    await this.until(() => this.pongs.delete(id), timeoutMs, `pong ${id}`);
  }

  /** Every `token_called` this connection received on `channel`. */
  calls(channel: Channel): TokenCalledMessage[] {
    return (this.channels.get(channel)?.messages ?? []).filter((m): m is TokenCalledMessage => m.type === 'token_called');
  }

  /** The newest message of `type` on `channel`. */
  latest<T extends ChannelMessage['type']>(channel: Channel, type: T): Extract<ChannelMessage, { type: T }> | undefined {
    return this.channels.get(channel)?.latest.get(type) as Extract<ChannelMessage, { type: T }> | undefined;
  }

  /** Resolves once `check` holds after some message; fails loudly after `timeoutMs`. */
  async until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (check()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        reject(new Error(`${this.name}: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const wake = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      this.waiters.add(wake);
    });
  }

  close(): void {
    this.ws.close();
  }

  private receive(message: ServerMessage): void {
    if (message.type === 'pong' && message.id) this.pongs.add(message.id);
    if (message.type === 'error') this.violations.push(`${this.name}: error ${JSON.stringify(message)}`);
    if (message.type === 'subscribed') {
      const record: ChannelRecord = this.channels.get(message.channel) ?? { epoch: null, seq: 0, messages: [], latest: new Map(), epochs: [], snapshot: true };
      // A repeat subscription in the same epoch may not go back in time either.
      if (record.epoch === message.epoch && message.seq < record.seq) {
        this.violations.push(`${this.name} ${message.channel}: resubscribed at ${message.seq} after ${record.seq}`);
      }
      Object.assign(record, { epoch: message.epoch, seq: message.seq, snapshot: true });
      record.epochs.push(message.epoch);
      this.channels.set(message.channel, record);
      return;
    }
    if (!('seq' in message)) return;
    const record = this.channels.get(message.channel);
    if (!record) {
      this.violations.push(`${this.name} ${message.channel}: ${message.type} before subscribed`);
      return;
    }
    const inSnapshot = record.snapshot && message.seq === record.seq;
    if (message.epoch !== record.epoch) {
      this.violations.push(`${this.name} ${message.channel}: ${message.type} of epoch ${message.epoch} under ${record.epoch}`);
    } else if (!inSnapshot && message.seq !== record.seq + 1) {
      this.violations.push(`${this.name} ${message.channel}: ${message.type} seq ${message.seq} after ${record.seq} (a ${message.seq > record.seq ? 'gap' : 'repeat'})`);
    }
    record.snapshot = inSnapshot;
    record.seq = message.seq;
    record.messages.push(message);
    record.latest.set(message.type, message);
  }
}
