import type { Channel, HelloMessage, ServerMessage } from '../protocol';

// The realtime client's public types and its two pure helpers, apart from the client (realtime-client.ts, which
// re-exports them) so that screens needing only the backoff or the status type read a short file.

/**
 * Where the connection stands:
 * - `connecting`: the first attempt since `connect()`, nothing heard yet;
 * - `open`: the server said `hello` and is still talking;
 * - `reconnecting`: the connection failed or went silent and a new attempt is scheduled or under way;
 * - `closed`: `dispose()` was called; nothing will happen any more.
 */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** Tuning knobs; the defaults suit a clinic LAN. Tests shorten them. */
export interface RealtimeClientOptions {
  /** Defaults to `/ws` on the page's own origin, so the session cookie goes with it. */
  url?: string;
  /** First retry waits up to this long (full jitter: a random delay between 0 and this). */
  baseDelayMs?: number;
  /**
   * No retry ever waits longer than this, however many attempts failed. Kept short (4 s by default) because a
   * display must be right again within 5 s of the server coming back; full jitter still spreads a clinic's
   * screens over the whole window.
   */
  maxDelayMs?: number;
  /** Silence longer than this many heartbeat intervals means the connection is dead. */
  silenceFactor?: number;
  /** How long to wait for `hello` after starting a connection before giving up on it. */
  helloTimeoutMs?: number;
  /** A connection must stay up this long before the backoff starts again from the first step. */
  stableAfterMs?: number;
  /** Random source in [0, 1); replaceable so tests can pin the jitter. */
  random?: () => number;
  /** WebSocket constructor; replaceable for tests outside a browser. */
  WebSocketImpl?: typeof WebSocket;
}

/** Payloads of the client's events. */
export interface RealtimeClientEvents {
  /** The connection status changed. */
  status: ConnectionStatus;
  /** Every message from the server that passed the sequence checks (heartbeats included). */
  message: ServerMessage;
  /** A connection was (re)established; channels are being re-subscribed. */
  hello: HelloMessage;
  /** A channel lost continuity (gap, new epoch) and a fresh snapshot was asked for. */
  resync: { channel: Channel; reason: 'gap' | 'epoch' };
}

/** The default endpoint: `/ws` on the page's origin (http -> ws, https -> wss). */
export function defaultSocketUrl(): string {
  return `${location.origin.replace(/^http/, 'ws')}/ws`;
}

/**
 * Full-jitter backoff: a random delay between 0 and min(cap, base * 2^attempt).
 * Spreading retries over the whole window keeps a server restart from being hit by every screen in the same second.
 */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
}
