import type { ErrorId } from '../errors';
import {
  CHANNEL_PATTERN,
  type Channel,
  type ClientMessage,
  type HelloMessage,
  type ServerMessage,
} from '../protocol';
import { backoffDelay, defaultSocketUrl, type ConnectionStatus, type RealtimeClientEvents, type RealtimeClientOptions } from './realtime-options';

export { backoffDelay, defaultSocketUrl, type ConnectionStatus, type RealtimeClientEvents, type RealtimeClientOptions };

/** False for channel refusals that asking again cannot fix; true for those that may pass (a database hiccup). */
function refusalMayPass(id: ErrorId): boolean {
  switch (id) {
    case 'not_signed_in':
    case 'session_expired':
    case 'forbidden':
    case 'not_found':
    case 'unknown_channel':
      return false;
    default:
      return true;
  }
}

/** Mean wait before asking again for a channel the server could not serve. */
const CHANNEL_RETRY_MS = 4000;

type Listener<T> = (payload: T) => void;

/** What the client remembers about one subscribed channel. */
interface ChannelState {
  /** False between sending `subscribe` and receiving `subscribed`: stray events from before are dropped. */
  subscribed: boolean;
  epoch: string | null;
  seq: number;
  /**
   * True from `subscribed` until the first newer event: snapshot messages carry the same seq as `subscribed`,
   * so equal numbers are accepted only in this window and duplicates are dropped afterwards.
   */
  inSnapshot: boolean;
}

/** Reads `seq`/`epoch`/`channel` if the message is a sequenced channel message. */
function sequencing(msg: ServerMessage): { channel: Channel; seq: number; epoch: string } | null {
  const m = msg as Partial<{ channel: unknown; seq: unknown; epoch: unknown }>;
  return typeof m.channel === 'string' && typeof m.seq === 'number' && typeof m.epoch === 'string'
    ? { channel: m.channel as Channel, seq: m.seq, epoch: m.epoch }
    : null;
}

/**
 * A WebSocket client for the MediQueue `/ws` endpoint, framework-free so every screen can share it.
 *
 * It keeps itself connected for as long as it lives: reconnects with capped full-jitter backoff, treats
 * silence (no message for ~2.5 heartbeats) as a dead connection because browsers cannot see ping frames,
 * re-subscribes every channel after each reconnect, and watches each channel's `seq` and `epoch` so that a
 * missed event or a server restart leads to a fresh snapshot instead of a stale screen.
 *
 * Screens run for weeks, so `dispose()` removes every timer and listener it ever added.
 */
export class RealtimeClient {
  private readonly url: string;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly silenceFactor: number;
  private readonly helloTimeoutMs: number;
  private readonly stableAfterMs: number;
  private readonly random: () => number;
  private readonly WebSocketImpl: typeof WebSocket;

  private socket: WebSocket | null = null;
  private readonly channels = new Map<Channel, ChannelState>();
  private readonly listeners: { [K in keyof RealtimeClientEvents]: Set<Listener<RealtimeClientEvents[K]>> } = {
    status: new Set(),
    message: new Set(),
    hello: new Set(),
    resync: new Set(),
  };
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Channels whose subscription the server refused for a passing reason, waiting to be asked for again. */
  private readonly channelRetries = new Map<Channel, ReturnType<typeof setTimeout>>();
  private silenceTimer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private openedAt = 0;
  private heartbeatMs = 0;
  private started = false;
  private disposed = false;
  private currentStatus: ConnectionStatus = 'connecting';
  private currentHello: HelloMessage | null = null;

  constructor(options: RealtimeClientOptions = {}) {
    this.url = options.url ?? defaultSocketUrl();
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 4000;
    this.silenceFactor = options.silenceFactor ?? 2.5;
    this.helloTimeoutMs = options.helloTimeoutMs ?? 10_000;
    this.stableAfterMs = options.stableAfterMs ?? 10_000;
    this.random = options.random ?? Math.random;
    this.WebSocketImpl = options.WebSocketImpl ?? WebSocket;
  }

  /** The connection status right now. */
  get status(): ConnectionStatus {
    return this.currentStatus;
  }

  /** The last `hello` received on the current connection (null while not open). */
  get hello(): HelloMessage | null {
    return this.currentHello;
  }

  /** Channels this client keeps subscribed, across reconnects. */
  get subscriptions(): Channel[] {
    return [...this.channels.keys()];
  }

  /** Starts connecting (once; later calls do nothing). */
  connect(): void {
    if (this.started || this.disposed) return;
    this.started = true;
    // A network that comes back should not have to wait out a long backoff delay.
    globalThis.addEventListener?.('online', this.onOnline);
    this.open();
  }

  /** Listens to one kind of event; returns the function that stops listening. */
  on<K extends keyof RealtimeClientEvents>(type: K, listener: Listener<RealtimeClientEvents[K]>): () => void {
    const set = this.listeners[type] as Set<Listener<RealtimeClientEvents[K]>>;
    set.add(listener);
    return () => set.delete(listener);
  }

  /**
   * Keeps `channel` subscribed from now on (also after every reconnect). The server answers `subscribed`,
   * then the channel's snapshot, then its events, all delivered through `message`.
   */
  subscribe(channel: Channel): void {
    if (!CHANNEL_PATTERN.test(channel)) throw new Error(`Not a channel name: ${channel}`);
    if (this.channels.has(channel)) return;
    this.channels.set(channel, { subscribed: false, epoch: null, seq: 0, inSnapshot: false });
    if (this.currentStatus === 'open') this.send({ type: 'subscribe', channel });
  }

  /** Stops receiving `channel`. */
  unsubscribe(channel: Channel): void {
    if (!this.channels.delete(channel)) return;
    if (this.currentStatus === 'open') this.send({ type: 'unsubscribe', channel });
  }

  /**
   * Sends a message if the connection is open; returns false if it is not (the caller decides whether to
   * retry: subscriptions do not need to, they are replayed after the next `hello`).
   */
  send(message: ClientMessage): boolean {
    if (!this.socket || this.socket.readyState !== this.WebSocketImpl.OPEN) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  /** Skips the rest of the backoff wait and tries at once (for a "Try again" button, or the network coming back). */
  retryNow(): void {
    if (this.retryTimer !== undefined && !this.socket && !this.disposed) this.open();
  }

  /** Closes the connection for good and removes every timer and listener, its own and its subscribers'. */
  dispose(): void {
    if (this.disposed) return;
    this.setStatus('closed');
    this.disposed = true;
    globalThis.removeEventListener?.('online', this.onOnline);
    clearTimeout(this.retryTimer);
    for (const timer of this.channelRetries.values()) clearTimeout(timer);
    this.channelRetries.clear();
    this.dropSocket(1000, 'client closed');
    this.channels.clear();
    for (const set of Object.values(this.listeners)) set.clear();
  }

  // ----- connection lifecycle -----

  private open(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    let socket: WebSocket;
    try {
      socket = new this.WebSocketImpl(this.url);
    } catch {
      // A malformed URL or a blocked port throws synchronously; treat it like any failed attempt.
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onmessage = (event) => this.onMessage(socket, event);
    socket.onclose = () => {
      if (socket === this.socket) this.connectionLost();
    };
    // `close` always follows `error`, so there is nothing to do here; the handler stays for good because some
    // implementations (the `ws` package) throw when an error has no listener.
    socket.onerror = () => {};
    // Until `hello` arrives the silence timer is the hello timeout: an upgrade that hangs must not hang us.
    this.armSilenceTimer(this.helloTimeoutMs);
  }

  private onMessage(socket: WebSocket, event: MessageEvent): void {
    if (socket !== this.socket || typeof event.data !== 'string') return;
    let msg: ServerMessage;
    try {
      msg = JSON.parse(event.data) as ServerMessage;
    } catch {
      return;
    }
    if (!msg || typeof msg !== 'object' || typeof msg.type !== 'string') return;

    if (msg.type === 'hello') {
      this.onHello(msg);
    } else if (this.heartbeatMs > 0) {
      this.armSilenceTimer(this.heartbeatMs * this.silenceFactor);
    }

    if (msg.type === 'error' && msg.channel) this.retryRefusedChannel(msg.channel, msg.error.id);
    if (!this.passesSequenceCheck(msg)) return;
    this.emit('message', msg);
  }

  /**
   * The server drops a subscription it could not serve. When the reason may pass (its database hiccupped), ask
   * again after a few seconds, or a healthy connection would show nothing for that channel until it breaks.
   * Refusals that will not pass by waiting (not signed in, not allowed, no such channel) are left to the screen.
   */
  private retryRefusedChannel(channel: Channel, errorId: ErrorId): void {
    const state = this.channels.get(channel);
    if (!state || state.subscribed || this.channelRetries.has(channel) || !refusalMayPass(errorId)) return;
    const delay = CHANNEL_RETRY_MS / 2 + this.random() * CHANNEL_RETRY_MS;
    this.channelRetries.set(
      channel,
      setTimeout(() => {
        this.channelRetries.delete(channel);
        if (this.channels.has(channel)) this.send({ type: 'subscribe', channel });
      }, delay),
    );
  }

  private onHello(hello: HelloMessage): void {
    this.currentHello = hello;
    this.heartbeatMs = hello.heartbeatMs > 0 ? hello.heartbeatMs : 30_000;
    this.armSilenceTimer(this.heartbeatMs * this.silenceFactor);
    this.openedAt = Date.now();
    this.setStatus('open');
    this.emit('hello', hello);
    // Every connection starts with no subscriptions on the server's side: ask again for each snapshot.
    for (const [channel, state] of this.channels) {
      this.resetChannel(state);
      this.send({ type: 'subscribe', channel });
    }
  }

  /** Applies the seq/epoch rules; returns false for a message that must not reach the screen. */
  private passesSequenceCheck(msg: ServerMessage): boolean {
    const seqd = sequencing(msg);
    if (!seqd) return true;
    const state = this.channels.get(seqd.channel);
    // A channel we have left, or events still in flight from before our (re)subscribe: not ours to show.
    if (!state) return false;
    if (msg.type === 'subscribed') {
      state.subscribed = true;
      state.epoch = seqd.epoch;
      state.seq = seqd.seq;
      state.inSnapshot = true;
      return true;
    }
    if (!state.subscribed) return false;
    if (seqd.epoch !== state.epoch) {
      this.resync(seqd.channel, state, 'epoch');
      return false;
    }
    if (seqd.seq === state.seq) return state.inSnapshot;
    if (seqd.seq < state.seq) return false;
    if (seqd.seq > state.seq + 1) {
      this.resync(seqd.channel, state, 'gap');
      return false;
    }
    state.seq = seqd.seq;
    state.inSnapshot = false;
    return true;
  }

  private resync(channel: Channel, state: ChannelState, reason: 'gap' | 'epoch'): void {
    this.resetChannel(state);
    this.send({ type: 'subscribe', channel });
    this.emit('resync', { channel, reason });
  }

  private resetChannel(state: ChannelState): void {
    state.subscribed = false;
    state.epoch = null;
    state.seq = 0;
    state.inSnapshot = false;
  }

  private connectionLost(): void {
    this.dropSocket(4000, 'connection lost');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.disposed) return;
    // Only a connection that lasted resets the backoff; one that dies at once (a crash-looping server)
    // must not turn every screen into a tight reconnect loop.
    if (this.openedAt && Date.now() - this.openedAt >= this.stableAfterMs) this.attempt = 0;
    this.openedAt = 0;
    const delay = backoffDelay(this.attempt, this.baseDelayMs, this.maxDelayMs, this.random);
    this.attempt += 1;
    this.setStatus('reconnecting');
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  private readonly onOnline = (): void => this.retryNow();

  private armSilenceTimer(ms: number): void {
    clearTimeout(this.silenceTimer);
    // A half-open TCP connection may never report `close`: drop it ourselves instead of waiting.
    this.silenceTimer = setTimeout(() => this.connectionLost(), ms);
  }

  /** Forgets the current socket without waiting for its close handshake, which a dead link never completes. */
  private dropSocket(code: number, reason: string): void {
    clearTimeout(this.silenceTimer);
    this.silenceTimer = undefined;
    this.currentHello = null;
    this.heartbeatMs = 0;
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    socket.onmessage = null;
    socket.onclose = null;
    try {
      socket.close(code, reason);
    } catch {
      // Closing a socket that is still connecting can throw in some engines; it is abandoned either way.
    }
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.disposed || status === this.currentStatus) return;
    this.currentStatus = status;
    this.emit('status', status);
  }

  private emit<K extends keyof RealtimeClientEvents>(type: K, payload: RealtimeClientEvents[K]): void {
    for (const listener of [...this.listeners[type]]) {
      try {
        (listener as Listener<RealtimeClientEvents[K]>)(payload);
      } catch (error) {
        // One broken screen component must not stop the others from hearing about the queue.
        console.error(error);
      }
    }
  }
}
