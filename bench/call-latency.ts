/**
 * Call latency against its floor: from a doctor's "call next" until EVERY display subscribed to `display:all` has
 * the token's `token_called`, and the same for a bare `ws` server (bench/floor-server.ts) broadcasting a message of
 * the same size on an HTTP trigger, with the same client processes and the same HTTP client.
 *
 * t0 is taken just before the request is sent, so the product's figure includes the HTTP request, the transaction
 * and its commit, and the fan-out; t1 is when the last display (in a client process) received the message. Both are
 * wall-clock milliseconds (timeOrigin + now), comparable across processes. The server is driven as a black box,
 * through HTTP and WebSocket only.
 */
import type { StaffQueueEntry } from '../common/api';
import { fmt, now, openFileLimit, progress, summarize, type Summary } from './common';
import type { DisplayPool } from './displays';
import { startFloorServer, type FloorServer } from './floor-server';
import { JsonClient } from './http';
import { seedDay } from './seed';
import { seedClinic, startBenchServer, type BenchClinic, type BenchDatabase, type BenchServer } from './support';

/** What to measure. */
export interface CallLatencyOptions {
  /** Display counts, one product run and one floor run each (e.g. 1000, 5000, 10000). */
  clientCounts: number[];
  /** Measured calls per run (after the warm-up calls). */
  calls: number;
}

/** One side (product or floor) of one display count; milliseconds. */
export interface SideResult {
  /** t0 -> the last display has token_called: the headline figure. */
  latency: Summary;
  /** t0 -> the first display has it. */
  first: Summary;
  /** t0 -> the HTTP answer is back. */
  response: Summary;
  /** Seconds to connect, subscribe and receive every snapshot. */
  connectS: number;
}

/** One display count's figures. */
export interface CallLatencyResult {
  clients: number;
  product: SideResult;
  floor: SideResult;
  /** Size of the product's token_called on the wire; the floor's messages have the same size. */
  bytes: number;
  /** Sequence gaps the displays saw on the product (should be 0). */
  gaps: number;
  /** Product and floor calls alternated (measureInterleaved); false: one side after the other (too few files). */
  interleaved: boolean;
}

/** Descriptors this process needs besides the display sockets (database, HTTP, files). */
const FILE_MARGIN = 500;

/** Calls made and thrown away before measuring, so JIT warm-up and first-use costs do not count. */
export const WARMUP_CALLS = 3;
/** How long nothing may arrive at the displays before the next call (the previous step's broadcast is over). */
const QUIET_MS = 50;

/** Per-call samples of one side. */
class Samples {
  readonly latency: number[] = [];
  readonly first: number[] = [];
  readonly response: number[] = [];

  summary(connectS: number): SideResult {
    return { latency: summarize(this.latency), first: summarize(this.first), response: summarize(this.response), connectS };
  }
}

/** One call's figures on one side (ms from t0) and the message's size. */
interface CallSample {
  latency: number;
  first: number;
  response: number;
  bytes: number;
}

/** One product call: call next, wait until every display has it, then complete it to free the doctor. */
async function productCall(clinic: BenchClinic, staff: JsonClient, pool: DisplayPool): Promise<CallSample> {
  const t0 = now();
  const answer = await staff.post<StaffQueueEntry>(`/api/queue/doctors/${clinic.doctorId}/call-next`);
  const answeredAt = now();
  if (answer.status !== 200) throw new Error(`call-next failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  const entry = answer.body;
  const delivery = await pool.delivered(entry.token, 30_000);
  // Free the doctor for the next call (there is no combined complete-and-call-next route).
  const done = await staff.post(`/api/queue/entries/${entry.id}/complete`, { expectedVersion: entry.version });
  if (done.status !== 200) throw new Error(`complete failed: ${done.status} ${JSON.stringify(done.body)}`);
  return { latency: delivery.last - t0, first: delivery.first - t0, response: answeredAt - t0, bytes: delivery.bytes };
}

/** One floor call: the trigger, then every display has the message. */
async function floorCall(client: JsonClient, pool: DisplayPool, token: string, bytes: number): Promise<CallSample> {
  const t0 = now();
  const answer = await client.post('/call', { token, bytes });
  const answeredAt = now();
  if (answer.status !== 200) throw new Error(`floor call failed: ${answer.status}`);
  const delivery = await pool.delivered(token, 30_000);
  return { latency: delivery.last - t0, first: delivery.first - t0, response: answeredAt - t0, bytes };
}

/** Adds a measured call to the samples. */
function record(samples: Samples, call: CallSample): void {
  samples.latency.push(call.latency);
  samples.first.push(call.first);
  samples.response.push(call.response);
}

/**
 * The product: `calls` call-next / complete steps with `clients` displays connected to `server` (or spread over
 * several servers' addresses, see DisplayPool.connect); returns the message size too.
 */
export async function measureProduct(
  server: Pick<BenchServer, 'wsUrl'> | { wsUrl: string[] },
  clinic: BenchClinic,
  staff: JsonClient,
  pool: DisplayPool,
  clients: number,
  calls: number,
): Promise<{ side: SideResult; bytes: number; gaps: number }> {
  const connectS = await pool.connect(server.wsUrl, clients);
  const samples = new Samples();
  let bytes = 0;
  try {
    for (let i = 0; i < WARMUP_CALLS + calls; i++) {
      // Start each call from a quiet system: the previous step's board updates have all been delivered.
      await pool.settle(QUIET_MS);
      const call = await productCall(clinic, staff, pool);
      bytes = call.bytes;
      if (i >= WARMUP_CALLS) record(samples, call);
    }
    const { gaps } = await pool.settle(QUIET_MS);
    return { side: samples.summary(connectS), bytes, gaps };
  } finally {
    await pool.disconnect();
  }
}

/** The floor: the same number of triggers and displays, with messages of `bytes` bytes. */
export async function measureFloor(floor: FloorServer, client: JsonClient, pool: DisplayPool, clients: number, calls: number, bytes: number): Promise<SideResult> {
  const connectS = await pool.connect(floor.wsUrl, clients);
  const samples = new Samples();
  try {
    for (let i = 0; i < WARMUP_CALLS + calls; i++) {
      await pool.settle(QUIET_MS);
      const call = await floorCall(client, pool, `F-${clients}-${i}`, bytes);
      if (i >= WARMUP_CALLS) record(samples, call);
    }
    return samples.summary(connectS);
  } finally {
    await pool.disconnect();
  }
}

/**
 * Product and floor with `clients` displays on each at once (the same client processes hold both sets), their
 * calls alternating, which goes first swapping every pair. Measured one side after the other, a minute of the
 * shared machine being slow (the floor's own p95 moved from 26 to 46 ms between consecutive runs here) lands on
 * one side and reads as the product's cost or the floor's; alternating, both sides meet the same minutes.
 */
export async function measureInterleaved(
  server: Pick<BenchServer, 'wsUrl'>,
  clinic: BenchClinic,
  staff: JsonClient,
  floor: FloorServer,
  floorClient: JsonClient,
  pool: DisplayPool,
  clients: number,
  calls: number,
): Promise<{ product: SideResult; floor: SideResult; bytes: number; gaps: number }> {
  const productConnectS = await pool.connect(server.wsUrl, clients);
  const floorConnectS = await pool.also(floor.wsUrl, clients);
  const product = new Samples();
  const bare = new Samples();
  let bytes = 0;
  try {
    for (let i = 0; i < WARMUP_CALLS + calls; i++) {
      const steps = [
        async () => {
          const call = await productCall(clinic, staff, pool);
          bytes = call.bytes;
          if (i >= WARMUP_CALLS) record(product, call);
        },
        async () => {
          const call = await floorCall(floorClient, pool, `F-${clients}-${i}`, bytes);
          if (i >= WARMUP_CALLS) record(bare, call);
        },
      ];
      // The first pair starts with the product, whose message size the floor copies.
      if (i % 2 === 1) steps.reverse();
      for (const step of steps) {
        // Start each call from a quiet system: the previous step's updates have all been delivered.
        await pool.settle(QUIET_MS);
        await step();
      }
    }
    const { gaps } = await pool.settle(QUIET_MS);
    return { product: product.summary(productConnectS), floor: bare.summary(floorConnectS), bytes, gaps };
  } finally {
    await pool.disconnect();
  }
}

/**
 * Runs call latency on `database`: one product server with one doctor and enough patients waiting for every call
 * (seeded before it starts), one floor server, and per display count the two measured together (measureInterleaved).
 */
export async function runCallLatency(database: BenchDatabase, pool: DisplayPool, options: CallLatencyOptions): Promise<CallLatencyResult[]> {
  const clinic = await seedClinic();
  await seedDay(clinic, { finished: 0, waiting: (WARMUP_CALLS + options.calls) * options.clientCounts.length });
  const server = await startBenchServer(database);
  const floor = await startFloorServer();
  // The same client code with one kept-alive connection on both sides, so the request's own cost is the same.
  const staff = new JsonClient(server.baseUrl, 1);
  const floorClient = new JsonClient(floor.baseUrl, 1);
  try {
    await staff.signIn(clinic.email, clinic.password);
    const results: CallLatencyResult[] = [];
    const limit = openFileLimit();
    for (const clients of options.clientCounts) {
      // Both sides' sockets at once end in this process: twice the descriptors. Where the shell's limit (20,000 on
      // this project's machine, which even root cannot raise) does not allow it, one side after the other.
      if (limit === null || 2 * clients + FILE_MARGIN <= limit) {
        const run = await measureInterleaved(server, clinic, staff, floor, floorClient, pool, clients, options.calls);
        progress(`call latency, ${clients} displays (alternating): product p95 ${fmt(run.product.latency.p95)} ms, floor p95 ${fmt(run.floor.latency.p95)} ms`);
        results.push({ clients, product: run.product, floor: run.floor, bytes: run.bytes, gaps: run.gaps, interleaved: true });
        continue;
      }
      const product = await measureProduct(server, clinic, staff, pool, clients, options.calls);
      progress(`call latency, ${clients} displays: product p95 ${fmt(product.side.latency.p95)} ms`);
      const floorSide = await measureFloor(floor, floorClient, pool, clients, options.calls, product.bytes);
      progress(`call latency, ${clients} displays: floor p95 ${fmt(floorSide.latency.p95)} ms`);
      results.push({ clients, product: product.side, floor: floorSide, bytes: product.bytes, gaps: product.gaps, interleaved: false });
    }
    return results;
  } finally {
    staff.close();
    floorClient.close();
    await floor.close();
    await server.close();
  }
}
