import { createContext } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import type { Channel, ClientMessage, ServerMessage } from '../../../common/protocol';
import type { ConnectionStatus } from '../../../common/web/realtime-client';
import { SocketController } from '../../../common/web/socket-controller';

/** Gets every message of the channels it subscribed to, and every message that belongs to no channel (step results, refusals). */
export type LiveHandler = (message: ServerMessage) => void;

/** One consumer's hold on the connection: its channels and its handlers. */
export interface LiveListener {
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
 * The socket is a {@link SocketController} of the shell (started on sign-in, so the upgrade carries the session
 * cookie; stopped on sign-out), whose RealtimeClient reconnects with backoff, re-subscribes the held channels and
 * resyncs from snapshots; this class only keeps count of the channels and fans the messages out.
 */
export class LiveConnection {
  private readonly socket: SocketController;
  private readonly listeners = new Set<LiveListener>();

  constructor(host: ReactiveControllerHost) {
    this.socket = new SocketController(host, {
      autoStart: false,
      onMessage: (message) => this.dispatch(message),
      onStatus: () => {
        for (const listener of [...this.listeners]) listener.onStatus();
      },
    });
  }

  /** Connection status, `closed` while stopped. */
  get status(): ConnectionStatus {
    return this.socket.status;
  }

  /** True once the connection has been down for a few seconds; screens show their "reconnecting" sign. */
  get offline(): boolean {
    return this.socket.offline;
  }

  /** Connects (again), e.g. after a sign-in, so the new session cookie is used for the upgrade. Channels held stay. */
  start(): void {
    this.socket.start();
  }

  /** Disconnects until `start()`, e.g. after signing out or while the session is renewed. Channels held stay. */
  stop(): void {
    this.socket.stop();
  }

  /** Adds a consumer; used through {@link LiveController}, which removes it with its host. */
  listen(onMessage: LiveHandler, onStatus: () => void): LiveListener {
    const listener: LiveListener = { channels: new Set(), onMessage, onStatus };
    this.listeners.add(listener);
    return listener;
  }

  /** Removes a consumer and lets go of the channels nobody else holds. */
  forget(listener: LiveListener): void {
    if (!this.listeners.delete(listener)) return;
    for (const channel of listener.channels) this.release(channel);
  }

  /** Keeps `channel` subscribed for `listener`, now and after every reconnect. */
  subscribe(listener: LiveListener, channel: Channel): void {
    if (listener.channels.has(channel)) return;
    listener.channels.add(channel);
    this.socket.subscribe(channel);
  }

  /** Stops delivering `channel` to `listener`; the socket unsubscribes once no consumer holds it. */
  unsubscribe(listener: LiveListener, channel: Channel): void {
    if (listener.channels.delete(channel)) this.release(channel);
  }

  /** Sends a message on the open connection; false when there is none. */
  send(message: ClientMessage): boolean {
    return this.socket.client?.send(message) ?? false;
  }

  private release(channel: Channel): void {
    for (const other of this.listeners) if (other.channels.has(channel)) return;
    this.socket.unsubscribe(channel);
  }

  private dispatch(message: ServerMessage): void {
    const channel = (message as { channel?: Channel }).channel;
    for (const listener of [...this.listeners]) {
      if (channel === undefined || listener.channels.has(channel)) listener.onMessage(message);
    }
  }
}

/** The context key under which the shell provides the page's {@link LiveConnection}. */
export const liveContext = createContext<LiveConnection>(Symbol('mq-live-connection'));
