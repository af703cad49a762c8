/**
 * The product server in a process of its own, for measuring its memory: nothing of the benchmark (client code,
 * result arrays, the other servers) is in this process, so its RSS is the server's. Started with --expose-gc, so a
 * reading can first collect garbage. Over a fresh temp SQLite database with the bench clinic.
 */
import { sleep, type ServerCommand, type ServerReport } from './common';
import { openSqlite, seedClinic, startBenchServer, type BenchDatabase, type BenchServer } from './support';

/** Collections before a reading, with a pause between them so finalisers and freed sockets are done with. */
const GC_ROUNDS = 3;

let database: BenchDatabase | undefined;
let server: BenchServer | undefined;

function report(message: ServerReport): void {
  process.send?.(message);
}

async function memory(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < GC_ROUNDS; i++) {
    gc?.();
    await sleep(300);
  }
  const usage = process.memoryUsage();
  report({ type: 'memory', rss: usage.rss, heapUsed: usage.heapUsed, external: usage.external, gc: !!gc });
}

async function start(): Promise<void> {
  database = await openSqlite('memory');
  await seedClinic();
  server = await startBenchServer(database);
  report({ type: 'listening', wsUrl: server.wsUrl });
}

async function stop(): Promise<void> {
  await server?.close();
  await database?.dispose();
  process.exit(0);
}

process.on('message', (command: ServerCommand) => {
  (command.type === 'memory' ? memory() : stop()).catch((error: Error) => report({ type: 'failed', message: error.message }));
});
// The main process is gone: nobody will stop us otherwise.
process.on('disconnect', () => void stop());
start().catch((error: Error) => report({ type: 'failed', message: error.stack ?? error.message }));
