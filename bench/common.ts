/**
 * Pieces shared by the benchmark's main process and its client processes: a clock that is comparable across
 * processes, percentile summaries, the messages the processes exchange, and a typed, time-bounded child handle.
 * Nothing here imports the server, so the client processes stay small.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

/**
 * Milliseconds since the Unix epoch with sub-millisecond resolution. performance.now() alone counts from each
 * process's own start, so timestamps taken in the server process and in a client process are only comparable once
 * both are shifted by their process's timeOrigin.
 */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

/** Median and tail of a set of samples (milliseconds), by the nearest-rank method. */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  p99: number;
  max: number;
}

/** Summarises samples; an empty set gives NaN figures rather than throwing, so a table can still be printed. */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => (sorted.length ? sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
  return { n: sorted.length, median: rank(50), p95: rank(95), p99: rank(99), max: sorted.length ? sorted[sorted.length - 1] : NaN };
}

/** A number for the tables: fixed decimals, or a dash when there is none. */
export function fmt(value: number, decimals = 1): string {
  return Number.isFinite(value) ? value.toFixed(decimals) : '-';
}

/** Resolves after `ms`; the timer does not keep the process alive on its own. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

// ----- display clients (bench/display-clients.ts) -----

/** Main process -> display process. */
export type DisplayCommand =
  | { type: 'connect'; url: string; clients: number; channel: string }
  /** Answer with `settled` once every client is at the same channel sequence and nothing arrived for `quietMs`. */
  | { type: 'settle'; quietMs: number }
  | { type: 'stop' };

/** Display process -> main process. */
export type DisplayReport =
  | { type: 'ready'; clients: number; connectMs: number }
  /** Every open client has this token's `token_called`: when the first and the last of them got it. */
  | { type: 'called'; token: string; first: number; last: number; clients: number }
  /** `gaps`: how many times, so far, a client saw the channel's sequence number skip (lost messages). */
  | { type: 'settled'; gaps: number }
  | { type: 'failed'; message: string };

// ----- kiosk clients (bench/kiosk-clients.ts) -----

/** Main process -> kiosk process: run `total` check-ins over `concurrency` loops. */
export interface KioskCommand {
  type: 'run';
  baseUrl: string;
  departmentId: number;
  total: number;
  concurrency: number;
  /** Prefix of every idempotency key, so keys never repeat across runs. */
  keyPrefix: string;
  /** Loops stop taking new check-ins after this long, so a stalled server cannot hold the benchmark forever. */
  timeLimitMs: number;
}

/** Kiosk process -> main process. */
export type KioskReport =
  | {
      type: 'done';
      /** Per successful check-in: when it was sent and how long it took (ms). */
      started: number[];
      latencies: number[];
      /** Non-201 answers and network failures, by status (0 = no answer), with one example body each. */
      failures: Record<string, { count: number; example: string }>;
      firstSent: number;
      lastDone: number;
      timedOut: boolean;
    }
  | { type: 'failed'; message: string };

// ----- a child process with typed messages -----

/** A forked client process: send commands, wait for reports, always with a time limit. */
export class Child<Command, Report extends { type: string }> {
  private readonly process: ChildProcess;
  private readonly inbox: Report[] = [];
  private wake?: () => void;
  private exited = false;

  /** Forks `script` (a path relative to this folder) under tsx, sharing this terminal's stdout and stderr. */
  constructor(script: string) {
    this.process = fork(fileURLToPath(new URL(script, import.meta.url)), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.process.on('message', (message) => {
      this.inbox.push(message as Report);
      this.wake?.();
    });
    this.process.on('exit', () => {
      this.exited = true;
      this.wake?.();
    });
  }

  /** Sends a command to the child. */
  send(command: Command): void {
    this.process.send(command as object);
  }

  /**
   * The next report that `accept` takes (reports it does not take stay in the inbox for later waits). Throws after
   * `timeoutMs`, on a `failed` report, or if the child exits, so a stuck client process cannot hang the benchmark.
   */
  async next<R extends Report>(accept: (report: Report) => report is R, timeoutMs: number, what: string): Promise<R> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const failed = this.inbox.find((r) => r.type === 'failed') as { message?: string } | undefined;
      if (failed) throw new Error(`client process failed: ${failed.message}`);
      const index = this.inbox.findIndex(accept);
      if (index >= 0) return this.inbox.splice(index, 1)[0] as R;
      if (this.exited) throw new Error(`client process exited while waiting for ${what}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} from the client process within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /** Asks the child to stop (by `stop`, or by closing the channel) and kills it if it has not exited within `graceMs`. */
  async stop(stop: Command | null, graceMs = 5000): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    // Without a stop command, closing the IPC channel is the child's cue to exit.
    if (stop && this.process.connected) this.send(stop);
    else if (this.process.connected) this.process.disconnect();
    else this.process.kill();
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}

/** The report type guard `Child.next` takes, for one `type`. */
export function ofType<R extends { type: string }, T extends R['type']>(type: T) {
  return (report: R): report is Extract<R, { type: T }> => report.type === type;
}
