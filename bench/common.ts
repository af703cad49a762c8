/**
 * Pieces shared by the benchmark's main process and its client processes: a clock that is comparable across
 * processes, percentile summaries, the messages the processes exchange, and a typed, time-bounded child handle.
 * Nothing here imports the server, so the client processes stay small.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

const benchStarted = Date.now();

/** A progress line on stderr with the seconds since the bench started, so a long run shows where it is. */
export function progress(message: string): void {
  console.error(`  [${((Date.now() - benchStarted) / 1000).toFixed(0).padStart(4)} s] ${message}`);
}

/** Resolves after `ms`; the timer does not keep the process alive on its own. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

// ----- display clients (bench/display-clients.ts) -----

/** Main process -> display process. */
export type DisplayCommand =
  /** `add`: keep the displays already open (connected to another server) beside these; else start afresh. */
  | { type: 'connect'; url: string; clients: number; channel: string; add?: boolean }
  /** Answer with `settled` once every client is at the same channel sequence and nothing arrived for `quietMs`. */
  | { type: 'settle'; quietMs: number }
  /** Close every display and forget what they saw, so the same process can connect to another server. */
  | { type: 'disconnect' }
  | { type: 'stop' };

/** Display process -> main process. */
export type DisplayReport =
  | { type: 'ready'; clients: number; connectMs: number }
  /** Every open client has this token's `token_called`: when the first and the last of them got it, and its size. */
  | { type: 'called'; token: string; first: number; last: number; clients: number; bytes: number }
  /**
   * `gaps`: how many times, so far, a client saw the channel's sequence number skip (lost messages);
   * `lastMessageAt`: when the last message of any kind arrived (so a caller can tell when a broadcast ended).
   */
  | { type: 'settled'; gaps: number; lastMessageAt: number }
  | { type: 'disconnected' }
  | { type: 'failed'; message: string };

// ----- kiosk clients (bench/kiosk-clients.ts) -----

/** Main process -> kiosk process: `concurrency` loops post check-ins until `durationMs` has passed. */
export interface KioskCommand {
  type: 'run';
  baseUrl: string;
  /** The walk-in route, e.g. /api/kiosk/check-in. */
  path: string;
  departmentId: number;
  concurrency: number;
  /** Loops start no new check-in after this long; the ones in flight are still awaited. */
  durationMs: number;
  /** Prefix of every idempotency key, so keys never repeat across runs. */
  keyPrefix: string;
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
    }
  | { type: 'failed'; message: string };

// ----- the server in its own process (bench/server-process.ts) -----

/** Main process -> server process. */
export type ServerCommand = { type: 'memory' } | { type: 'stop' };

/** Server process -> main process. */
export type ServerReport =
  | { type: 'listening'; wsUrl: string }
  /** The server process's memory after garbage collection and a pause (bytes). */
  | { type: 'memory'; rss: number; heapUsed: number; external: number; gc: boolean }
  | { type: 'failed'; message: string };

// ----- a child process with typed messages -----

/** The open-file limit a client or server process asks for (it gets the hard limit when that is lower). */
const FILE_LIMIT = 65_536;

/** This process's open-file limit (soft), or null where /proc is not there to tell. */
export function openFileLimit(): number | null {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    return soft === 'unlimited' ? Infinity : soft ? Number(soft) : null;
  } catch {
    return null;
  }
}

/** A client or server process: send commands, wait for reports, always with a time limit. */
export class Child<Command, Report extends { type: string }> {
  private readonly process: ChildProcess;
  private readonly inbox: Report[] = [];
  private wake?: () => void;
  private exited = false;

  /**
   * Starts `script` (a path relative to this folder) under tsx, sharing this terminal's stdout and stderr. It goes
   * through bash to raise the open-file limit first: 10,000 sockets need 10,000 descriptors, and Node cannot raise
   * its own limit. `nodeArgs` go before the script (e.g. --expose-gc); `env` is added to this process's environment.
   */
  constructor(script: string, nodeArgs: string[] = [], env: Record<string, string> = {}) {
    const raise = `ulimit -n ${FILE_LIMIT} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$0" "$@"`;
    this.process = spawn('bash', ['-c', raise, process.execPath, ...nodeArgs, '--import', 'tsx', fileURLToPath(new URL(script, import.meta.url))], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, ...env },
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

  /** Drops the waiting reports `drop` takes (reports nobody asked for, from an earlier part of the run). */
  discard(drop: (report: Report) => boolean): void {
    for (let i = this.inbox.length - 1; i >= 0; i--) if (drop(this.inbox[i])) this.inbox.splice(i, 1);
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
