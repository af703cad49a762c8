import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StaffQueueEntry } from '../../../common/api';
import type { ServerMessage, StaffAction } from '../../../common/protocol';

/** A request sent over the socket and not yet answered. */
interface Pending {
  resolve: (entry: StaffQueueEntry | null) => void;
  reject: (error: Error) => void;
}

let requestCounter = 0;

/** A fresh id for one queue step sent over the socket. */
export function nextRequestId(): string {
  return `console-${Date.now()}-${++requestCounter}`;
}

/**
 * The doctor console's queue steps over the WebSocket as promises: `send` posts a step and resolves with the entry as
 * the server left it (`action_result`), or rejects with the server's refusal (`error` with the same request id).
 * Requests still open when the host goes are rejected, so nothing waits on a console that was closed.
 */
export class StaffRequestsController implements ReactiveController {
  private readonly pending = new Map<string, Pending>();

  constructor(
    host: ReactiveControllerHost,
    /** Sends on the page's socket; false while it is not open. */
    private readonly post: (message: StaffAction) => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    for (const request of this.pending.values()) request.reject(new Error('The console was closed.'));
    this.pending.clear();
  }

  /** Sends a step; resolves with the entry as the server left it, rejects with its refusal in words. */
  send(message: StaffAction): Promise<StaffQueueEntry | null> {
    if (!this.post(message)) {
      return Promise.reject(new Error('Not connected to the clinic server right now. Wait for the connection to come back and try again.'));
    }
    return new Promise((resolve, reject) => this.pending.set(message.requestId, { resolve, reject }));
  }

  /** Settles the request a server message answers, if it answers one of ours. */
  answer(message: ServerMessage): void {
    if (message.type === 'action_result') {
      this.pending.get(message.requestId)?.resolve(message.entry);
      this.pending.delete(message.requestId);
    } else if (message.type === 'error' && message.requestId) {
      this.pending.get(message.requestId)?.reject(new Error(message.error.message));
      this.pending.delete(message.requestId);
    }
  }
}
