/**
 * `npm run dev`: the API server on API_PORT (default 3000) plus Vite's dev server with hot reload, which proxies
 * /api and /ws to it. Open the Vite address it prints.
 */
import path from 'node:path';
import { createServer } from 'vite';
import { loadConfig, ROOT_DIR } from './config';
import { openDatabase } from './db';
import { createLogger } from './logger';
import { isClinicEmpty, seedDemoClinic } from './seed/demo';
import { startServer } from './server';

const apiPort = Number(process.env.API_PORT ?? 3000);
const config = loadConfig();
const logger = createLogger(config.logLevel);
const db = await openDatabase(config.databaseUrl, logger);
if (config.seedDemo && (await isClinicEmpty(db.sequelize))) {
  await seedDemoClinic(db.sequelize, { timeZone: config.clinicTimeZone, passwordCost: config.passwordHashCost, historyDays: config.demoHistoryDays });
}
await startServer({ config, db, logger }, apiPort, config.host);
const vite = await createServer({ configFile: path.join(ROOT_DIR, 'vite.config.ts'), root: ROOT_DIR });
await vite.listen();
vite.printUrls();
console.log(`  API server on http://localhost:${apiPort}; open /kiosk/, /display/ or /admin/ on the Vite address.`);
