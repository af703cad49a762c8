/**
 * A child process that plays the kiosks: `concurrency` loops, each posting walk-in check-ins with fresh idempotency
 * keys, one after another, until `durationMs` has passed. It runs apart from the server so that building and parsing
 * requests does not take event-loop time from the server being measured.
 */
import { JsonClient } from './http';
import { now, type KioskCommand, type KioskReport } from './common';

/**
 * A check-in not answered within this long counts as failed. Generous on purpose: with 1,000 waiting, today's server
 * on a busy 2-core machine takes over 25 s per check-in under 50 kiosks, and a slow answer is a figure, not an error.
 */
export const REQUEST_TIMEOUT_MS = 120_000;

async function run(command: KioskCommand): Promise<KioskReport> {
  // One kept-alive connection per loop, as each kiosk would hold its own.
  const client = new JsonClient(command.baseUrl, command.concurrency, REQUEST_TIMEOUT_MS);
  const started: number[] = [];
  const latencies: number[] = [];
  const failures: Record<string, { count: number; example: string }> = {};
  const fail = (status: number, example: unknown) => {
    const entry = (failures[status] ??= { count: 0, example: JSON.stringify(example).slice(0, 300) });
    entry.count++;
  };
  const firstSent = now();
  // Time-based rather than a count, so a faster server is measured over the same length of rush, not a shorter one.
  const stopAt = firstSent + command.durationMs;
  let next = 0;

  const loop = async () => {
    while (now() < stopAt) {
      const index = next++;
      const sent = now();
      try {
        const answer = await client.post(command.path, {
          departmentId: command.departmentId,
          idempotencyKey: `${command.keyPrefix}-${index}`,
        });
        if (answer.status === 201) {
          started.push(sent);
          latencies.push(now() - sent);
        } else {
          fail(answer.status, answer.body);
        }
      } catch (error) {
        fail(0, (error as Error).message);
      }
    }
  };

  await Promise.all(Array.from({ length: command.concurrency }, loop));
  const lastDone = now();
  client.close();
  return { type: 'done', started, latencies, failures, firstSent, lastDone };
}

process.on('message', (command: KioskCommand) => {
  run(command)
    .then((report) => process.send?.(report))
    .catch((error: Error) => process.send?.({ type: 'failed', message: error.message } satisfies KioskReport));
});
// The main process is done with us (or gone): nothing is left to do.
process.on('disconnect', () => process.exit(0));
