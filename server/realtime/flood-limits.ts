/** How much one connection, and one address, may ask of the hub. */
export interface FloodLimits {
  /** Messages a connection may send per second, on average. */
  messagesPerSecond: number;
  /** Messages a connection may send at once before the average applies (start-up subscribes, a reconnect). */
  messageBurst: number;
  /** Open connections from one client address. */
  connectionsPerAddress: number;
}

/**
 * Generous for every real screen (a staff panel sends a handful of subscribes at start and a ping every few
 * seconds; a clinic behind one NAT may run a few dozen screens), far below a script's 4,000 messages in 0.15 s.
 */
export const DEFAULT_FLOOD_LIMITS: FloodLimits = { messagesPerSecond: 20, messageBurst: 60, connectionsPerAddress: 64 };

/**
 * A token bucket for one connection's incoming messages: plain numbers on the connection, no timer and no
 * allocation per message, so it can run before a message is even parsed.
 */
export class MessageBucket {
  private tokens: number;
  private last = performance.now();

  constructor(private readonly limits: Pick<FloodLimits, 'messagesPerSecond' | 'messageBurst'>) {
    this.tokens = limits.messageBurst;
  }

  /** Takes one message's token; false when the connection is over its rate and must be closed. */
  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.limits.messageBurst, this.tokens + ((now - this.last) / 1000) * this.limits.messagesPerSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Open connections per client address, so one machine cannot hold thousands of sockets. */
export class AddressCounter {
  private readonly counts = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /** Counts a new connection from `address`; false (and not counted) when the address is at its limit. */
  open(address: string): boolean {
    const count = this.counts.get(address) ?? 0;
    if (count >= this.limit) return false;
    this.counts.set(address, count + 1);
    return true;
  }

  /** Forgets one closed connection from `address`. */
  close(address: string): void {
    const count = (this.counts.get(address) ?? 1) - 1;
    if (count <= 0) this.counts.delete(address);
    else this.counts.set(address, count);
  }
}
