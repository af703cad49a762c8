/**
 * One of several product servers, each in a process of its own, over the run's database and one Redis (REDIS_URL,
 * REDIS_PREFIX in this process's environment): what two instances behind a balancer are. Production settings, as
 * startBenchServer gives them; the database is already migrated and seeded by the main process.
 */
import { type ServerCommand, type ServerReport } from './common';
import { openDatabase, type Database } from '../server/db';
import { startBenchServer, type BenchServer } from './support';

let db: Database | undefined;
let server: BenchServer | undefined;

function report(message: ServerReport): void {
  process.send?.(message);
}

async function start(): Promise<void> {
  const url = process.env.BENCH_INSTANCE_DATABASE_URL!;
  db = await openDatabase(url, undefined, { migrate: false });
  server = await startBenchServer({ url, db }, { REDIS_URL: process.env.REDIS_URL!, REDIS_PREFIX: process.env.REDIS_PREFIX! });
  report({ type: 'listening', wsUrl: server.wsUrl });
}

async function stop(): Promise<void> {
  await server?.close();
  await db?.close();
  process.exit(0);
}

process.on('message', (command: ServerCommand) => {
  if (command.type === 'stop') stop().catch((error: Error) => report({ type: 'failed', message: error.message }));
});
// The main process is gone: nobody will stop us otherwise.
process.on('disconnect', () => void stop());
start().catch((error: Error) => report({ type: 'failed', message: error.stack ?? error.message }));
