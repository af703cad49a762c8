import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Transaction } from 'sequelize';
import { WebSocketServer, type WebSocket } from 'ws';
import { sendFrame, textFrame } from './frame';
import {
  CLOSE_CODES,
  PROTOCOL_VERSION,
  type Channel,
  type ChannelKind,
  type ChannelMessage,
  type ServerMessage,
  type Sequenced,
  type StaffAction,
  STAFF_CHANNEL_KINDS,
} from '../../common/protocol';
import type { ErrorId } from '../../common/errors';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import type { User } from '../models';
import { ClientMessageSchema } from './schema';
import { AddressCounter, DEFAULT_FLOOD_LIMITS, MessageBucket } from './flood-limits';
import { SnapshotCache } from './snapshot-cache';
import type { ActionHandler, ChannelProvider, HubAuth, HubOptions, Unsequenced } from './hub-types';
import { systemNow } from '../clock';

export type { ActionHandler, ChannelProvider, HubAuth, HubOptions, Unsequenced } from './hub-types';

/** Send options for a message encoded once as UTF-8: still a text frame for the browser. */
const TEXT = { binary: false } as const;

const DEFAULTS: HubOptions = { heartbeatMs: 15_000, pingMs: 30_000, maxSubscriptions: 50, now: systemNow, ...DEFAULT_FLOOD_LIMITS };

interface Client {
  ws: WebSocket;
  user: User | null;
  sessionId: string | null;
  alive: boolean;
  address: string;
  bucket: MessageBucket;
  /** Per channel: null once live, or the events that arrived while its snapshot was being read. */
  channels: Map<Channel, Buffer[] | null>;
}

/**
 * The WebSocket hub at `/ws`: authenticates the upgrade from the session cookie, keeps connections alive,
 * validates every incoming message, and fans channel events out with per-channel sequence numbers.
 */
export class RealtimeHub {
  /** Changes on every start (and renewEpoch), so clients know their sequence numbers no longer apply. */
  epoch = randomUUID();
  private readonly options: HubOptions;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  private readonly clients = new Set<Client>();
  private readonly providers = new Map<ChannelKind, ChannelProvider>();
  private readonly seqs = new Map<Channel, number>();
  private readonly subscribers = new Map<Channel, Set<Client>>();
  private readonly timers: NodeJS.Timeout[] = [];
  private actionHandler?: ActionHandler;
  private readonly snapshots = new SnapshotCache();
  private readonly addresses: AddressCounter;

  constructor(
    private readonly auth: HubAuth,
    private readonly logger: Logger,
    options: Partial<HubOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.addresses = new AddressCounter(this.options.connectionsPerAddress);
    this.timers.push(
      setInterval(() => {
        this.pingAll();
        void this.recheckSessions();
      }, this.options.pingMs),
      setInterval(() => this.broadcastAll({ type: 'heartbeat', serverTime: this.options.now().toISOString() }), this.options.heartbeatMs),
    );
  }

  /** Takes over HTTP upgrades to `/ws` on `server`; other upgrade paths are refused. */
  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (new URL(req.url ?? '/', 'http://x').pathname !== '/ws') {
        socket.destroy();
        return;
      }
      this.auth
        .resolve(req)
        .catch((error) => {
          this.logger.warn({ err: error }, 'websocket session lookup failed; continuing as a public screen');
          return null;
        })
        .then((found) => this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, found, this.auth.address(req))));
    });
  }

  /** Sets the handler for staff actions (call next and the other steps). */
  onAction(handler: ActionHandler): void {
    this.actionHandler = handler;
  }

  /** The channels of one kind that someone is subscribed to now (only those need an update built). */
  subscribedChannels(kind: ChannelKind): Channel[] {
    return [...this.subscribers.keys()].filter((channel) => channel.startsWith(`${kind}:`));
  }

  /** Ends staff access on every connection of a signed-out session at once. */
  revokeSession(sessionId: string): void {
    for (const client of this.clients) if (client.sessionId === sessionId) this.revoke(client);
  }

  /** Registers the provider for one kind of channel. */
  registerChannel(kind: ChannelKind, provider: ChannelProvider): void {
    this.providers.set(kind, provider);
  }

  /** True when someone is subscribed to `channel` now. */
  hasSubscribers(channel: Channel): boolean {
    return (this.subscribers.get(channel)?.size ?? 0) > 0;
  }

  /**
   * Counts an event on `channel` without building or sending it (nobody is subscribed): the sequence number moves as
   * if it had been published, so a client subscribing later compares against the same numbers.
   */
  skip(channel: Channel): void {
    this.seqs.set(channel, (this.seqs.get(channel) ?? 0) + 1);
  }

  /** Sends an event to a channel's subscribers, stamped with the channel's next sequence number. */
  publish(message: Unsequenced<ChannelMessage>): void {
    const seq = (this.seqs.get(message.channel) ?? 0) + 1;
    this.seqs.set(message.channel, seq);
    const subscribers = this.subscribers.get(message.channel);
    if (!subscribers?.size) return;
    // Serialised, encoded and framed once for every subscriber (frame.ts): ws would otherwise do all three again
    // per socket.
    const data = Buffer.from(JSON.stringify({ ...message, seq, epoch: this.epoch }));
    const frame = textFrame(data);
    for (const client of subscribers) {
      const pending = client.channels.get(message.channel);
      if (pending) pending.push(data);
      else sendFrame(client.ws, frame, data);
    }
  }

  /**
   * Starts a new epoch: every connection gets each of its channels again (`subscribed` and a fresh snapshot), as after
   * a restart. For when this server may have missed changes (another server's, while Redis was away).
   */
  renewEpoch(): void {
    this.epoch = randomUUID();
    this.seqs.clear();
    this.snapshots.invalidate();
    for (const client of this.clients) for (const channel of client.channels.keys()) void this.subscribe(client, channel);
  }

  /**
   * Marks every cached snapshot stale: the next subscriber reads fresh. For when an event could not be published,
   * and for tests that empty the database under a running server.
   */
  invalidateSnapshots(): void {
    this.snapshots.invalidate();
  }

  /** Publishes once `transaction` commits, so no screen ever shows a change that was rolled back. */
  publishAfterCommit(transaction: Transaction, message: Unsequenced<ChannelMessage>): void {
    transaction.afterCommit(() => this.publish(message));
  }

  /** How many connections are open (for health and tests). */
  get connectionCount(): number {
    return this.clients.size;
  }

  /** Stops the timers and closes every connection with 1001 (going away). */
  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    for (const client of this.clients) client.ws.close(CLOSE_CODES.goingAway, 'server shutting down');
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket, found: { user: User; sessionId: string } | null, address: string): void {
    if (!this.addresses.open(address)) {
      this.expel(ws, 'too many connections from this address');
      return;
    }
    const user = found?.user ?? null;
    const client: Client = {
      ws,
      user,
      sessionId: found?.sessionId ?? null,
      alive: true,
      address,
      bucket: new MessageBucket(this.options),
      channels: new Map(),
    };
    this.clients.add(client);
    ws.on('pong', () => (client.alive = true));
    ws.on('message', (data, isBinary) => this.receive(client, data.toString(), isBinary));
    ws.on('error', (error) => this.logger.debug({ err: error }, 'websocket error'));
    ws.on('close', () => this.drop(client));
    this.send(client, {
      type: 'hello',
      protocol: PROTOCOL_VERSION,
      epoch: this.epoch,
      serverTime: this.options.now().toISOString(),
      heartbeatMs: this.options.heartbeatMs,
      user: user ? { id: user.id, role: user.role } : null,
    });
  }

  private receive(client: Client, text: string, isBinary: boolean): void {
    // Before parsing: a flood must cost as little as possible, and stop at once.
    if (!client.bucket.take()) {
      if (client.ws.readyState === client.ws.OPEN) this.expel(client.ws, 'too many messages');
      return;
    }
    let parsed: unknown;
    try {
      parsed = isBinary ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const result = ClientMessageSchema.safeParse(parsed);
    if (!result.success) {
      client.ws.close(CLOSE_CODES.policyViolation, 'message does not follow the protocol');
      return;
    }
    const message = result.data;
    switch (message.type) {
      case 'ping':
        this.send(client, { type: 'pong', id: message.id });
        break;
      case 'subscribe':
        void this.subscribe(client, message.channel);
        break;
      case 'unsubscribe':
        this.unsubscribe(client, message.channel);
        this.send(client, { type: 'unsubscribed', channel: message.channel });
        break;
      default:
        void this.act(client, message);
    }
  }

  private async act(client: Client, action: StaffAction): Promise<void> {
    const refuse = (id: ErrorId, message: string) =>
      this.send(client, { type: 'error', requestId: action.requestId, error: { id, message } });
    if (!client.sessionId || !this.actionHandler) {
      refuse('not_signed_in', 'Please sign in to continue.');
      return;
    }
    try {
      const user = await this.auth.check(client.sessionId, true);
      if (!user) {
        this.revoke(client);
        refuse('session_expired', 'Your session ended after a period of inactivity. Please sign in again.');
        return;
      }
      client.user = user;
      this.send(client, await this.actionHandler(user, action));
    } catch (error) {
      const known = error instanceof AppError;
      if (!known) this.logger.error({ err: error, action: action.type }, 'websocket action failed');
      if (known) refuse(error.id, error.message);
      else refuse('internal_error', 'Something went wrong on our side. Please try again.');
    }
  }

  /** Drops the staff side of a connection whose session ended: its user and its staff channels. */
  private revoke(client: Client): void {
    client.user = null;
    client.sessionId = null;
    for (const channel of [...client.channels.keys()]) {
      if (!STAFF_CHANNEL_KINDS.some((kind) => channel.startsWith(`${kind}:`))) continue;
      this.unsubscribe(client, channel);
      this.send(client, {
        type: 'error',
        channel,
        error: { id: 'session_expired', message: 'Your session has ended. Please sign in again to see this queue.' },
      });
    }
  }

  private async recheckSessions(): Promise<void> {
    for (const client of [...this.clients]) {
      if (!client.sessionId) continue;
      try {
        if (!(await this.auth.check(client.sessionId, false))) this.revoke(client);
      } catch (error) {
        this.logger.warn({ err: error }, 'websocket session re-check failed; will try again');
      }
    }
  }

  private async subscribe(client: Client, channel: Channel): Promise<void> {
    const provider = this.providers.get(channel.split(':')[0] as ChannelKind);
    if (!provider) {
      this.send(client, { type: 'error', channel, error: { id: 'unknown_channel', message: `There is no channel ${channel}.` } });
      return;
    }
    if (!client.channels.has(channel) && client.channels.size >= this.options.maxSubscriptions) {
      this.send(client, { type: 'error', channel, error: { id: 'too_many_channels', message: 'Too many channels on one connection.' } });
      return;
    }
    const alreadyRead = client.channels.get(channel) === null; // live here: audited when first read
    // Join first and hold back events until the snapshot is out: nothing published meanwhile is lost.
    const pending: Buffer[] = [];
    client.channels.set(channel, pending);
    let set = this.subscribers.get(channel);
    if (!set) this.subscribers.set(channel, (set = new Set()));
    set.add(client);
    try {
      await provider.authorize(channel, client.user);
      const meta: Sequenced = { channel, seq: this.seqs.get(channel) ?? 0, epoch: this.epoch };
      // One read per change for everyone (and a re-subscribe in a loop costs no read at all).
      const snapshot = await this.snapshots.get(channel, meta.seq, () => provider.snapshot(channel, meta));
      if (!alreadyRead && client.user && provider.audit) await provider.audit(channel, client.user, client.address);
      if (client.channels.get(channel) !== pending) return; // unsubscribed or re-subscribed meanwhile
      this.send(client, { type: 'subscribed', ...meta });
      for (const message of snapshot) this.send(client, message);
      for (const data of pending) client.ws.send(data, TEXT);
      client.channels.set(channel, null);
    } catch (error) {
      if (client.channels.get(channel) === pending) this.unsubscribe(client, channel);
      const known = error instanceof AppError;
      if (!known) this.logger.error({ err: error, channel }, 'channel snapshot failed');
      this.send(client, {
        type: 'error',
        channel,
        error: known
          ? { id: error.id, message: error.message }
          : { id: 'internal_error', message: 'This screen could not load its data. It will try again.' },
      });
    }
  }

  private unsubscribe(client: Client, channel: Channel): void {
    client.channels.delete(channel);
    const set = this.subscribers.get(channel);
    set?.delete(client);
    if (set && !set.size) {
      this.subscribers.delete(channel);
      this.snapshots.forget(channel);
    }
  }

  /**
   * Closes a violator with 1008 and a reason, then stops reading what it has still queued (thousands of frames, in a
   * flood) and cuts the connection shortly after, instead of waiting 30 s for its side of the close handshake.
   */
  private expel(ws: WebSocket, reason: string): void {
    ws.close(CLOSE_CODES.policyViolation, reason);
    ws.pause();
    setTimeout(() => ws.terminate(), 500).unref();
  }

  private drop(client: Client): void {
    for (const channel of [...client.channels.keys()]) this.unsubscribe(client, channel);
    if (this.clients.delete(client)) this.addresses.close(client.address);
  }

  private send(client: Client, message: ServerMessage): void {
    if (client.ws.readyState === client.ws.OPEN) client.ws.send(JSON.stringify(message));
  }

  private broadcastAll(message: ServerMessage): void {
    const data = Buffer.from(JSON.stringify(message));
    for (const client of this.clients) if (client.ws.readyState === client.ws.OPEN) client.ws.send(data, TEXT);
  }

  private pingAll(): void {
    for (const client of this.clients) {
      if (!client.alive) {
        client.ws.terminate();
        continue;
      }
      client.alive = false;
      client.ws.ping();
    }
  }
}
