/**
 * Process entry for `npm start`: config -> database and migrations -> demo seed (first run) -> front-end build
 * (when missing) -> listen, then print where each screen is.
 */
import { ConfigError, loadConfig, type Config } from './config';
import { openDatabase, type Database } from './db';
import { createLogger, type Logger } from './logger';
import { frontEndsBuilt } from './routes/pages';
import { DEMO_ACCOUNTS, isClinicEmpty, seedDemoClinic } from './seed/demo';
import { startServer } from './server';
import { applySavedSettings } from './services/settings';
import { buildFrontEnds } from './build';

function fail(message: string): never {
  console.error(`MediQueue cannot start: ${message}`);
  process.exit(1);
}

async function prepareDatabase(config: Readonly<Config>, logger: Logger): Promise<{ db: Database; seeded: boolean }> {
  let db: Database;
  try {
    db = await openDatabase(config.databaseUrl, logger);
  } catch (error) {
    const safeUrl = config.databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
    fail(`could not open the database ${safeUrl} (set DATABASE_URL): ${(error as Error).message}`);
  }
  const seeded = config.seedDemo && (await isClinicEmpty(db.sequelize));
  if (seeded) {
    // The history is simulated visit by visit through the queue engine: say why the first start takes a while.
    console.log(`Seeding the demo clinic with ${config.demoHistoryDays} days of simulated history (first run only, a minute or two)...`);
    await seedDemoClinic(db.sequelize, { timeZone: config.clinicTimeZone, historyDays: config.demoHistoryDays, passwordCost: config.passwordHashCost });
  }
  return { db, seeded };
}

function printBanner(config: Readonly<Config>, seeded: boolean): void {
  const base = config.publicBaseUrl;
  const lines = [
    '',
    `  ${config.clinicName} is running (time zone ${config.clinicTimeZone})`,
    '',
    `  Kiosk          ${base}/kiosk`,
    `  TV display     ${base}/display`,
    `  Staff panel    ${base}/admin`,
    `  Online booking ${base}/book`,
    `  Patients       ${base}/me`,
    `  Health         ${base}/healthz`,
    '',
  ];
  if (config.env === 'development' && config.seedDemo) {
    lines.push(seeded ? '  Demo clinic created. Demo sign-ins:' : '  Demo sign-ins (if you kept the demo clinic):');
    for (const account of DEMO_ACCOUNTS) {
      lines.push(`    ${account.role.padEnd(10)} ${account.email.padEnd(28)} ${account.password}   ${account.name}`);
    }
    lines.push('');
  }
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  let config: Readonly<Config>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const { db, seeded } = await prepareDatabase(config, logger);
  // The clinic name and time zone an admin saved replace the environment's from this start on.
  config = await applySavedSettings(config);
  if (!frontEndsBuilt()) {
    console.log('Building the kiosk, display and staff panel (first run only)...');
    await buildFrontEnds();
  }
  let server;
  try {
    server = await startServer({ config, db, logger }, config.port, config.host);
  } catch (error) {
    fail(`could not listen on ${config.host}:${config.port} (set PORT): ${(error as Error).message}`);
  }
  printBanner(config, seeded);
  // Bookable slots must keep reaching the horizon without an admin pressing "Generate" every week.
  server.services.slotHorizon.start();

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await server.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error(error);
  fail((error as Error).message);
});
