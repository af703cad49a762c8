/**
 * The main process's handle on the display client processes (bench/display-clients.ts): one or two processes that
 * together hold N display sockets. The same processes serve every run of a bench session (product, floor, memory),
 * so the clients' own cost is the same on both sides of a product/floor ratio.
 */
import { Child, ofType, type DisplayCommand, type DisplayReport } from './common';

/** When the last display (over every process) had a token's `token_called`, and when the first did. */
export interface Delivery {
  first: number;
  last: number;
  /** The message's size on the wire (its WebSocket payload), in bytes. */
  bytes: number;
}

/** One or more display processes, connected to one server (or, for interleaved calls, two side by side). */
export class DisplayPool {
  private readonly children: Array<Child<DisplayCommand, DisplayReport>>;
  /** How many displays each process holds now. */
  private shares: number[] = [];

  /** Starts `processes` display client processes (each with its open-file limit raised). */
  constructor(processes: number) {
    this.children = Array.from({ length: processes }, () => new Child<DisplayCommand, DisplayReport>('./display-clients.ts'));
  }

  /**
   * Opens `total` displays, spread evenly over the processes, each subscribed with its snapshot; resolves to seconds
   * taken. With several addresses (servers), process i connects to `wsUrl[i % n]`, so each server gets its share.
   */
  async connect(wsUrl: string | string[], total: number, channel = 'display:all', add = false): Promise<number> {
    const urls = typeof wsUrl === 'string' ? [wsUrl] : wsUrl;
    const n = this.children.length;
    const shares = this.children.map((_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0));
    if (add && shares.some((share, i) => share !== this.shares[i])) throw new Error('displays added beside others must be as many');
    this.shares = shares;
    const started = Date.now();
    const live = this.children.filter((_, i) => this.shares[i] > 0);
    this.children.forEach((child, i) => this.shares[i] > 0 && child.send({ type: 'connect', url: urls[i % urls.length], clients: this.shares[i], channel, add }));
    // Allow about 50 connections a second on a loaded machine, and never less than a minute.
    const timeout = Math.max(60_000, total * 20);
    await Promise.all(live.map((child) => child.next(ofType<DisplayReport, 'ready'>('ready'), timeout, `${total} connected displays`)));
    return (Date.now() - started) / 1000;
  }

  /**
   * Resolves once every display is level with its channel and nothing has arrived for `quietMs`: the previous
   * step's broadcast is over. Gives the sequence gaps seen so far and when the last channel message arrived.
   */
  async settle(quietMs: number): Promise<{ gaps: number; lastMessageAt: number }> {
    const live = this.live();
    for (const child of live) child.send({ type: 'settle', quietMs });
    const reports = await Promise.all(live.map((child) => child.next(ofType<DisplayReport, 'settled'>('settled'), 60_000, 'settled displays')));
    return { gaps: reports.reduce((sum, r) => sum + r.gaps, 0), lastMessageAt: Math.max(...reports.map((r) => r.lastMessageAt)) };
  }

  /** Waits until every display has `token`'s token_called (throws after `timeoutMs`). */
  async delivered(token: string, timeoutMs: number): Promise<Delivery> {
    const isIt = (r: DisplayReport): r is Extract<DisplayReport, { type: 'called' }> => r.type === 'called' && r.token === token;
    const reports = await Promise.all(this.live().map((child) => child.next(isIt, timeoutMs, `token_called for ${token} on every display`)));
    return { first: Math.min(...reports.map((r) => r.first)), last: Math.max(...reports.map((r) => r.last)), bytes: reports[0].bytes };
  }

  /**
   * Opens as many displays again on a second server beside the ones open now (same share per process), so calls
   * to the two can alternate with the same clients; see call-latency.ts.
   */
  also(wsUrl: string, total: number, channel = 'display:all'): Promise<number> {
    return this.connect(wsUrl, total, channel, true);
  }

  /** Closes every display, ready for the next server. */
  async disconnect(): Promise<void> {
    const live = this.live();
    for (const child of live) child.send({ type: 'disconnect' });
    await Promise.all(live.map((child) => child.next(ofType<DisplayReport, 'disconnected'>('disconnected'), 30_000, 'disconnected displays')));
    // Deliveries nobody waited for (the cycle part watches boards, not calls) would be taken for the next server's:
    // token numbers start again with each database (they showed as latencies of minus a minute).
    for (const child of live) child.discard((report) => report.type === 'called');
    this.shares = [];
  }

  /** Ends the processes. */
  async stop(): Promise<void> {
    await Promise.all(this.children.map((child) => child.stop({ type: 'stop' }, 15_000)));
  }

  private live(): Array<Child<DisplayCommand, DisplayReport>> {
    return this.children.filter((_, i) => (this.shares[i] ?? 0) > 0);
  }
}
