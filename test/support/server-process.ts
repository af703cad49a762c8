/**
 * A MediQueue server in a process of its own, for tests that kill it (SIGKILL) while screens are connected. It is
 * the real server (startServer, as `npm start` builds it) without the demo seed and the front-end build: settings
 * come from the environment the parent passes (DATABASE_URL, REDIS_URL, ...), and MQ_TEST_HUB may hold hub limits
 * as JSON (many screens from one loopback address). It tells its parent `{ port }` over IPC once it listens.
 */
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db';
import { createLogger } from '../../server/logger';
import { startServer } from '../../server/server';

async function main(): Promise<void> {
  const config = loadConfig(process.env, { dotenv: false });
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config.databaseUrl, logger, { migrate: false });
  const hubOptions = process.env.MQ_TEST_HUB ? JSON.parse(process.env.MQ_TEST_HUB) : undefined;
  const server = await startServer({ config, db, logger, hubOptions }, 0, '127.0.0.1');
  process.send?.({ port: server.port });
}

// The test is gone: nobody will stop this server otherwise.
process.on('disconnect', () => process.exit(0));
main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
