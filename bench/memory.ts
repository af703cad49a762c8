/**
 * Server memory per idle display socket: the RSS of the server process (bench/server-process.ts, a process of its
 * own) with `displays` displays subscribed to `display:all` and idle, minus its RSS with none, divided by the count.
 * Both readings come after garbage collection and a pause; before the first, a small round of displays connects and
 * leaves, so code compiled on first use and the board cache are in both readings, not counted per socket.
 */
import { Child, ofType, progress, sleep, type ServerCommand, type ServerReport } from './common';
import type { DisplayPool } from './displays';

/** The measured figures (bytes). */
export interface MemoryResult {
  displays: number;
  /** Without displays, and with them. */
  idle: Extract<ServerReport, { type: 'memory' }>;
  loaded: Extract<ServerReport, { type: 'memory' }>;
  /** (loaded RSS - idle RSS) / displays. */
  perSocket: number;
  /** The same for the JavaScript heap, to tell where the memory goes. */
  heapPerSocket: number;
}

/** Displays connected and dropped before the first reading. */
const WARMUP_DISPLAYS = 100;
/** How long the displays sit idle before the second reading. */
const IDLE_MS = 3000;

/** Measures with `displays` displays from `pool`; throws if the server process fails. */
export async function runMemory(pool: DisplayPool, displays: number): Promise<MemoryResult> {
  const server = new Child<ServerCommand, ServerReport>('./server-process.ts', ['--expose-gc']);
  const reading = async () => {
    server.send({ type: 'memory' });
    return server.next(ofType<ServerReport, 'memory'>('memory'), 30_000, 'a memory reading');
  };
  try {
    const { wsUrl } = await server.next(ofType<ServerReport, 'listening'>('listening'), 120_000, 'the server process listening');
    await pool.connect(wsUrl, WARMUP_DISPLAYS);
    await pool.disconnect();
    await sleep(1000);
    const idle = await reading();
    progress(`memory: server RSS ${(idle.rss / 1048576).toFixed(1)} MB idle; connecting ${displays} displays`);
    await pool.connect(wsUrl, displays);
    await pool.settle(500);
    await sleep(IDLE_MS);
    const loaded = await reading();
    return {
      displays,
      idle,
      loaded,
      perSocket: (loaded.rss - idle.rss) / displays,
      heapPerSocket: (loaded.heapUsed - idle.heapUsed) / displays,
    };
  } finally {
    await pool.disconnect();
    await server.stop({ type: 'stop' }, 15_000);
  }
}
