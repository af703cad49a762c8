import { createContext } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Channel, ServerMessage } from '../../../common/protocol';
import { RealtimeClient, type ConnectionStatus, type RealtimeClientOptions } from '../../../common/web/realtime-client';

/** Gets every message of the channels it subscribed to, and every message that belongs to no channel (step results, refusals). */
export type LiveHandler = (message: ServerMessage) => void;

/** One consumer's hold on the connection: its channels and its handler. */
interface Listener {
  channels: Set<Channel>;
  onMessage: LiveHandler;
  onStatus: () => void;
}

/**
 * The staff page's one WebSocket, owned by the shell (`mq-admin-app`) and handed to the screens through
 * {@link liveContext}. A page used to hold a socket per screen (the header's and the console's or the desk's); now every
 * screen subscribes its channels here, with as many handlers as it likes, and the connection subscribes a channel once,
 * however many screens want it, and lets it go when the last one leaves.
 *
 * The {@link RealtimeClient} underneath reconnects with backoff, re-subscribes and resyncs from snapshots; this class
 * only fans its messages out. `start()` makes a new client (after a sign-in, so the upgrade carries the new cookie) and
 * subscribes every channel still held.
 */
export class LiveConnection implements ReactiveController {
  /** The live client, or null while stopped (signed out, or the session ended). */
  client: RealtimeClient | null = null;
  /** Connection status, `closed` while stopped. */
  status: ConnectionStatus = 'closed';
  /** True once the connection has been down for `offlineAfterMs`; screens show their "reconnecting" sign. */
  offline = false;

  private readonly listeners = new Set<Listener>();
  private hostIsConnected = false;
  private wanted = false;
  private offlineTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: RealtimeClientOptions & { offlineAfterMs?: number } = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.hostIsConnected = true;
    if (this.wanted) this.startClient();
  }

  hostDisconnected(): void {
    this.hostIsConnected = false;
    this.stopClient();
  }

  /** Connects (again), e.g. after a sign-in, so the new session cookie is used for the upgrade. */
  start(): void {
    this.wanted = true;
    this.stopClient();
    if (this.hostIsConnected) this.startClient();
  }

  /** Disconnects and stays disconnected until `start()`, e.g. after signing out. Screens keep their channels. */
  stop(): void {
    this.wanted = false;
    this.stopClient();
    this.changed();
  }

  /** Adds a consumer; returns its handle. Used through {@link LiveController}, which removes it with its host. */
  listen(onMessage: LiveHandler, onStatus: () => void): Listener {
    const listener: Listener = { channels: new Set(), onMessage, onStatus };
    this.listeners.add(listener);
    return listener;
  }

  /** Removes a consumer and lets go of the channels nobody else holds. */
  forget(listener: Listener): void {
    if (!this.listeners.delete(listener)) return;
    for (const channel of listener.channels) this.release(channel);
  }

  /** Keeps `channel` subscribed for `listener`, now and after every reconnect. */
  subscribe(listener: Listener, channel: Channel): void {
    if (listener.channels.has(channel)) return;
    listener.channels.add(channel);
    this.client?.subscribe(channel);
  }

  /** Stops delivering `channel` to `listener`; the socket unsubscribes once no consumer holds it. */
  unsubscribe(listener: Listener, channel: Channel): void {
    if (listener.channels.delete(channel)) this.release(channel);
  }

  /** Sends a message on the open connection; false when there is none. */
  send(...args: Parameters<RealtimeClient['send']>): boolean {
    return this.client?.send(...args) ?? false;
  }

  private release(channel: Channel): void {
    for (const other of this.listeners) if (other.channels.has(channel)) return;
    this.client?.unsubscribe(channel);
  }

  private startClient(): void {
    const client = new RealtimeClient(this.options);
    this.client = client;
    client.on('status', (status) => this.onStatus(status));
    client.on('message', (message) => this.dispatch(message));
    for (const listener of this.listeners) for (const channel of listener.channels) client.subscribe(channel);
    this.onStatus(client.status);
    client.connect();
  }

  private dispatch(message: ServerMessage): void {
    if (message.type === 'heartbeat' || message.type === 'pong' || message.type === 'hello') return;
    const channel = (message as { channel?: Channel }).channel;
    for (const listener of [...this.listeners]) {
      if (channel === undefined || listener.channels.has(channel)) listener.onMessage(message);
    }
  }

  private stopClient(): void {
    clearTimeout(this.offlineTimer);
    this.offlineTimer = undefined;
    this.client?.dispose();
    this.client = null;
    this.status = 'closed';
    this.offline = false;
  }

  private onStatus(status: ConnectionStatus): void {
    this.status = status;
    if (status === 'open') {
      clearTimeout(this.offlineTimer);
      this.offlineTimer = undefined;
      this.offline = false;
    } else if (status !== 'closed' && !this.offline && this.offlineTimer === undefined) {
      // Short drops happen (a server restart takes a second or two); a sign that flickers worries people more.
      this.offlineTimer = setTimeout(() => {
        this.offlineTimer = undefined;
        this.offline = true;
        this.changed();
      }, this.options.offlineAfterMs ?? 3000);
    }
    this.changed();
  }

  private changed(): void {
    this.host.requestUpdate();
    for (const listener of [...this.listeners]) listener.onStatus();
  }
}

/** The context key under which the shell provides the page's {@link LiveConnection}. */
export const liveContext = createContext<LiveConnection>(Symbol('mq-live-connection'));

export type { Listener as LiveListener };
