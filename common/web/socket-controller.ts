import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Channel, HelloMessage, ServerMessage } from '../protocol';
import { RealtimeClient, type ConnectionStatus, type RealtimeClientOptions } from './realtime-client';

/** Options for {@link SocketController}. */
export interface SocketControllerOptions extends RealtimeClientOptions {
  /** Channels to keep subscribed while connected. */
  channels?: Channel[];
  /** Called for every channel message and error (not for heartbeats and pongs, which only keep the link alive). */
  onMessage?: (message: ServerMessage) => void;
  /** Called on every (re)connection, e.g. to correct the screen's clock from `serverTime`. */
  onHello?: (hello: HelloMessage) => void;
  /** Called when `status` or `offline` changed (after the host was asked to redraw). */
  onStatus?: () => void;
  /**
   * How long the connection may be down before `offline` turns true. Short drops happen (a server restart takes
   * a second or two) and a sign that flickers on and off worries people more than a short delay.
   */
  offlineAfterMs?: number;
  /** Start connecting as soon as the host is connected (default). The staff panel waits for a sign-in. */
  autoStart?: boolean;
}

/**
 * A Lit reactive controller that gives an element a live connection to the server: it creates a
 * {@link RealtimeClient} when started (by default when the host connects), disposes of it when the host
 * disconnects, and asks the host to re-render when the connection status changes or a message arrives.
 */
export class SocketController implements ReactiveController {
  /** The live client, or null while stopped. */
  client: RealtimeClient | null = null;
  /** Connection status, `closed` while stopped. */
  status: ConnectionStatus = 'closed';
  /** True once the connection has been down for `offlineAfterMs`; the screens show their "reconnecting" sign. */
  offline = false;

  private readonly host: ReactiveControllerHost;
  private readonly options: SocketControllerOptions;
  private readonly channels: Set<Channel>;
  private wanted: boolean;
  private hostIsConnected = false;
  private offlineTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, options: SocketControllerOptions = {}) {
    this.host = host;
    this.options = options;
    this.channels = new Set(options.channels ?? []);
    this.wanted = options.autoStart ?? true;
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

  /** Disconnects and stays disconnected until `start()`, e.g. after signing out. */
  stop(): void {
    this.wanted = false;
    this.stopClient();
    this.changed();
  }

  /** Keeps `channel` subscribed, now and after every reconnect. */
  subscribe(channel: Channel): void {
    this.channels.add(channel);
    this.client?.subscribe(channel);
  }

  /** Stops receiving `channel`. */
  unsubscribe(channel: Channel): void {
    this.channels.delete(channel);
    this.client?.unsubscribe(channel);
  }

  private startClient(): void {
    const { onMessage, onHello } = this.options;
    const client = new RealtimeClient(this.options);
    this.client = client;
    client.on('status', (status) => this.onStatus(status));
    client.on('hello', (hello) => onHello?.(hello));
    client.on('message', (message) => {
      if (message.type === 'heartbeat' || message.type === 'pong' || message.type === 'hello') return;
      onMessage?.(message);
      this.host.requestUpdate();
    });
    for (const channel of this.channels) client.subscribe(channel);
    this.onStatus(client.status);
    client.connect();
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
    this.options.onStatus?.();
  }
}
