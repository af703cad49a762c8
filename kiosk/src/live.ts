import type { Channel, HelloMessage, ServerMessage } from '../../common/protocol';
import type { SocketController } from '../../common/web/socket-controller';

/**
 * The kiosk's one live connection as its screens use it: keep channels subscribed, hear their messages and every
 * (re)connection. Listener functions return their own removal, so screens clean up when they leave.
 */
export class KioskLive {
  private readonly messageListeners = new Set<(message: ServerMessage) => void>();
  private readonly helloListeners = new Set<(hello: HelloMessage) => void>();
  socket: SocketController | undefined;

  /** Keeps `channel` subscribed, now and after every reconnect. */
  subscribe(channel: Channel): void {
    this.socket?.subscribe(channel);
  }

  unsubscribe(channel: Channel): void {
    this.socket?.unsubscribe(channel);
  }

  /** Calls `listener` for every channel message; returns the function that stops it. */
  onMessage(listener: (message: ServerMessage) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  /** Calls `listener` on every (re)connection; returns the function that stops it. */
  onHello(listener: (hello: HelloMessage) => void): () => void {
    this.helloListeners.add(listener);
    return () => this.helloListeners.delete(listener);
  }

  /** Fed by the app's SocketController. */
  message(message: ServerMessage): void {
    for (const listener of [...this.messageListeners]) listener(message);
  }

  /** Fed by the app's SocketController. */
  hello(hello: HelloMessage): void {
    for (const listener of [...this.helloListeners]) listener(hello);
  }
}
