/**
 * Call latency: from a doctor's "call next" until every subscribed display has the token's `token_called`.
 *
 * t0 is taken just before the staff request is sent, so each figure includes the HTTP request, the transaction and
 * its commit, the broadcaster's reads, the fan-out and delivery; t1 is when the LAST display (in a separate client
 * process) received that token's `token_called`. Both are wall-clock milliseconds (timeOrigin + now), comparable
 * across the two processes.
 */
import type { StaffQueueEntry } from '../common/api';
import type { ChannelMessage } from '../common/protocol';
import type { RealtimeHub, Unsequenced } from '../server/realtime/hub';
import { Child, now, ofType, summarize, type DisplayCommand, type DisplayReport, type Summary } from './common';
import { JsonClient } from './http';
import { openSqlite, seedClinic, startBenchServer, type BenchServer, type BenchClinic } from './support';

/** What to measure. */
export interface CallLatencyOptions {
  /** Display counts to measure, one run each (e.g. 100 and 1000). */
  clientCounts: number[];
  /** Measured calls per run (after the warm-up calls). */
  calls: number;
}

/** One run's figures, all in milliseconds. */
export interface CallLatencyResult {
  clients: number;
  /** How long the displays took to connect, subscribe and receive their snapshots. */
  connectMs: number;
  /** t0 -> the last display has token_called: the headline figure. */
  latency: Summary;
  /** t0 -> the first display has it. */
  first: Summary;
  /** t0 -> the call-next HTTP answer is back at the staff client. */
  response: Summary;
  /** t0 -> the call's transaction has committed (the request, the engine's queries, the commit). */
  committed: Summary;
  /** t0 -> the server starts sending token_called to the display channel (request, commit, broadcaster reads). */
  publishStart: Summary;
  /** How long the server's publish of one token_called to every display subscriber blocks its event loop. */
  fanOut: Summary;
  /** Sequence gaps the displays saw (should be 0). */
  gaps: number;
}

/** Calls made and thrown away before measuring, so JIT warm-up and first-use costs do not count. */
const WARMUP_CALLS = 3;
/** How long nothing may arrive at the displays before the next call (the previous step's broadcast is over). */
const QUIET_MS = 50;

/** Server-side moments of one call, keyed by token. */
interface ServerMoments {
  /** The call's transaction committed (the first afterCommit hook ran). */
  committed?: number;
  /** The broadcaster began, and finished, sending token_called to the display channel. */
  publishStart?: number;
  publishEnd?: number;
}

/**
 * Records when each call commits and when its token_called goes out to display channels, by wrapping the
 * broadcaster's `changed` and the hub's `publish` from outside (the server code is untouched). This splits the
 * latency into request and commit, the broadcaster's reads, the fan-out loop, and delivery.
 */
function watchServer(server: BenchServer): Map<string, ServerMoments> {
  const seen = new Map<string, ServerMoments>();
  const moments = (token: string) => seen.get(token) ?? seen.set(token, {}).get(token)!;
  const { broadcaster } = server.services.queue;
  const changed = broadcaster.changed.bind(broadcaster);
  // The broadcaster is told right after the commit (and the read model's update).
  broadcaster.changed = (change) => {
    const token = change.called?.token;
    if (token) moments(token).committed = now();
    changed(change);
  };
  const publish = server.hub.publish.bind(server.hub);
  server.hub.publish = (message: Unsequenced<ChannelMessage>) => {
    if (message.type !== 'token_called' || !message.channel.startsWith('display:')) return publish(message);
    const start = now();
    publish(message);
    Object.assign(moments(message.token), { publishStart: start, publishEnd: now() });
  };
  return seen;
}

/** Checks in `count` walk-ins, a few at a time, so the doctor has someone to call on every measured call. */
async function fillQueue(server: BenchServer, clinic: BenchClinic, count: number): Promise<void> {
  const kiosk = new JsonClient(server.baseUrl, 4);
  try {
    let next = 0;
    const loop = async () => {
      while (next < count) {
        const index = next++;
        const answer = await kiosk.post('/api/queue/check-in', { departmentId: clinic.departmentId, idempotencyKey: `latency-fill-${index}` });
        if (answer.status !== 201) throw new Error(`check-in failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
    };
    await Promise.all(Array.from({ length: 4 }, loop));
  } finally {
    kiosk.close();
  }
  await server.services.queue.broadcaster.idle();
}

/** One run: `clients` displays in a child process, `calls` measured calls. */
async function measure(
  server: BenchServer,
  clinic: BenchClinic,
  staff: JsonClient,
  moments: Map<string, ServerMoments>,
  clients: number,
  calls: number,
): Promise<CallLatencyResult> {
  const child = new Child<DisplayCommand, DisplayReport>('./display-clients.ts');
  const samples = { latency: [] as number[], first: [] as number[], response: [] as number[], committed: [] as number[], publishStart: [] as number[], fanOut: [] as number[] };
  let gaps = 0;
  try {
    child.send({ type: 'connect', url: server.wsUrl, clients, channel: 'display:all' });
    const ready = await child.next(ofType<DisplayReport, 'ready'>('ready'), 90_000, `${clients} connected displays`);

    for (let i = 0; i < WARMUP_CALLS + calls; i++) {
      // Start each call from a quiet system: the previous step's board updates have all been delivered.
      child.send({ type: 'settle', quietMs: QUIET_MS });
      gaps = (await child.next(ofType<DisplayReport, 'settled'>('settled'), 20_000, 'settled displays')).gaps;

      const t0 = now();
      const answer = await staff.post<StaffQueueEntry>(`/api/queue/doctors/${clinic.doctorId}/call-next`);
      const answeredAt = now();
      if (answer.status !== 200) throw new Error(`call-next failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      const entry = answer.body;
      const isThisCall = (r: DisplayReport): r is Extract<DisplayReport, { type: 'called' }> => r.type === 'called' && r.token === entry.token;
      const called = await child.next(isThisCall, 15_000, `token_called for ${entry.token} on all ${clients} displays`);

      if (i >= WARMUP_CALLS) {
        const server = moments.get(entry.token) ?? {};
        samples.latency.push(called.last - t0);
        samples.first.push(called.first - t0);
        samples.response.push(answeredAt - t0);
        if (server.committed) samples.committed.push(server.committed - t0);
        if (server.publishStart && server.publishEnd) {
          samples.publishStart.push(server.publishStart - t0);
          samples.fanOut.push(server.publishEnd - server.publishStart);
        }
      }

      // Free the doctor for the next call (there is no combined complete-and-call-next route).
      const done = await staff.post(`/api/queue/entries/${entry.id}/complete`, { expectedVersion: entry.version });
      if (done.status !== 200) throw new Error(`complete failed: ${done.status} ${JSON.stringify(done.body)}`);
      await server.services.queue.broadcaster.idle();
    }
    child.send({ type: 'settle', quietMs: QUIET_MS });
    gaps = (await child.next(ofType<DisplayReport, 'settled'>('settled'), 20_000, 'settled displays')).gaps;
    return {
      clients,
      connectMs: ready.connectMs,
      latency: summarize(samples.latency),
      first: summarize(samples.first),
      response: summarize(samples.response),
      committed: summarize(samples.committed),
      publishStart: summarize(samples.publishStart),
      fanOut: summarize(samples.fanOut),
      gaps,
    };
  } finally {
    await child.stop({ type: 'stop' });
  }
}

/**
 * Runs the call-latency benchmark on a temp SQLite database: one server, one doctor, enough walk-ins for every
 * call, then one run per display count.
 */
export async function runCallLatency(options: CallLatencyOptions): Promise<CallLatencyResult[]> {
  const database = await openSqlite('latency');
  const server = await startBenchServer(database);
  const staff = new JsonClient(server.baseUrl, 1);
  try {
    const clinic = await seedClinic();
    await staff.signIn(clinic.email, clinic.password);
    await fillQueue(server, clinic, (WARMUP_CALLS + options.calls) * options.clientCounts.length);
    const moments = watchServer(server);
    const results: CallLatencyResult[] = [];
    for (const clients of options.clientCounts) {
      results.push(await measure(server, clinic, staff, moments, clients, options.calls));
    }
    return results;
  } finally {
    staff.close();
    await server.close();
    await database.dispose();
  }
}
