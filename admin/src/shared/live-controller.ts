import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Channel, ClientMessage } from '../../../common/protocol';
import type { ConnectionStatus } from '../../../common/web/realtime-client';
import { liveContext, type LiveConnection, type LiveHandler, type LiveListener } from './live-connection';

/** Options for {@link LiveController}. */
export interface LiveControllerOptions {
  /** Channels to hold from the start (more can be added with `subscribe`). */
  channels?: Channel[];
  /** Gets the held channels' messages and the messages of no channel (step results, refusals). */
  onMessage: LiveHandler;
}

/**
 * A screen's share of the page's one WebSocket: asks the shell for the {@link LiveConnection} through `@lit/context`
 * when the host connects, holds the screen's channels on it while the host is connected, and lets them go with the
 * host. The host redraws when a message arrives or the connection's status changes. Channels subscribed before the
 * connection is found are held until it is.
 */
export class LiveController implements ReactiveController {
  private readonly consumer: ContextConsumer<typeof liveContext, ReactiveControllerHost & HTMLElement>;
  private readonly channels: Set<Channel>;
  private live: LiveConnection | null = null;
  private listener: LiveListener | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: LiveControllerOptions,
  ) {
    this.channels = new Set(options.channels ?? []);
    host.addController(this);
    // Added after this controller, so the context arrives in the consumer's hostConnected, after ours.
    this.consumer = new ContextConsumer(host, { context: liveContext, callback: (live) => this.attach(live) });
  }

  /** Connection status, `closed` until the shell's connection is found or while it is stopped. */
  get status(): ConnectionStatus {
    return this.live?.status ?? 'closed';
  }

  /** True once the connection has been down for a few seconds; the screen shows its "reconnecting" sign. */
  get offline(): boolean {
    return this.live?.offline ?? false;
  }

  hostConnected(): void {
    if (this.consumer?.value) this.attach(this.consumer.value);
  }

  hostDisconnected(): void {
    this.detach();
  }

  /** Keeps `channel` subscribed while the host is connected, across reconnects. */
  subscribe(channel: Channel): void {
    this.channels.add(channel);
    if (this.live && this.listener) this.live.subscribe(this.listener, channel);
  }

  /** Stops receiving `channel`. */
  unsubscribe(channel: Channel): void {
    this.channels.delete(channel);
    if (this.live && this.listener) this.live.unsubscribe(this.listener, channel);
  }

  /** Sends a message on the page's connection; false while it is not open. */
  send(message: ClientMessage): boolean {
    return this.live?.send(message) ?? false;
  }

  private attach(live: LiveConnection): void {
    if (this.live === live && this.listener) return;
    this.detach();
    this.live = live;
    this.listener = live.listen(
      (message) => {
        this.options.onMessage(message);
        this.host.requestUpdate();
      },
      () => this.host.requestUpdate(),
    );
    for (const channel of this.channels) live.subscribe(this.listener, channel);
    this.host.requestUpdate();
  }

  private detach(): void {
    if (this.live && this.listener) this.live.forget(this.listener);
    this.listener = null;
  }
}
