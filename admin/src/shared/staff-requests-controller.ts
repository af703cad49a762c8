import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StaffQueueEntry } from '../../../common/api';
import type { ServerMessage, StaffAction } from '../../../common/protocol';

/** A request sent over the socket and not yet answered. */
interface Pending {
  resolve: (entry: StaffQueueEntry | null) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** How long a step may wait for the server's answer before the console says it got none. */
export const STAFF_REQUEST_TIMEOUT_MS = 15_000;

let requestCounter = 0;

/** A fresh id for one queue step sent over the socket. */
export function nextRequestId(): string {
  return `console-${Date.now()}-${++requestCounter}`;
}

/**
 * The doctor console's queue steps over the WebSocket as promises: `send` posts a step and resolves with the entry as
 * the server left it (`action_result`), or rejects with the server's refusal (`error` with the same request id), or
 * with a plain "no answer" after a time-out (a socket that dropped mid-request never answers). Requests still open
 * when the host goes are rejected and their timers cleared, so nothing waits on a console that was closed.
 */
export class StaffRequestsController implements ReactiveController {
  private readonly pending = new Map<string, Pending>();

  constructor(
    host: ReactiveControllerHost,
    /** Sends on the page's socket; false while it is not open. */
    private readonly post: (message: StaffAction) => boolean,
    private readonly timeoutMs = STAFF_REQUEST_TIMEOUT_MS,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(new Error('The console was closed.'));
  }

  /** Sends a step; resolves with the entry as the server left it, rejects with its refusal in words. */
  send(message: StaffAction): Promise<StaffQueueEntry | null> {
    if (!this.post(message)) {
      return Promise.reject(new Error('Not connected to the clinic server right now. Wait for the connection to come back and try again.'));
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.settle(message.requestId)?.reject(
          new Error('The clinic server did not answer in time. Check the queue above, then try again if nothing changed.'),
        );
      }, this.timeoutMs);
      this.pending.set(message.requestId, { resolve, reject, timer });
    });
  }

  /** Settles the request a server message answers, if it answers one of ours. */
  answer(message: ServerMessage): void {
    if (message.type === 'action_result') this.settle(message.requestId)?.resolve(message.entry);
    else if (message.type === 'error' && message.requestId) this.settle(message.requestId)?.reject(new Error(message.error.message));
  }

  /** Takes a request out of the map (clearing its timer) so it is settled once; undefined if it is not ours. */
  private settle(requestId: string): Pending | undefined {
    const request = this.pending.get(requestId);
    if (!request) return undefined;
    clearTimeout(request.timer);
    this.pending.delete(requestId);
    return request;
  }
}
