import { loadConfig } from '../config';
import { openDatabase } from '../db';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isClinicEmpty, seedDemoClinic } from '../seed/demo';

/**
 * `npm run seed` seeds the demo clinic into an empty database; `npm run seed -- --reset` deletes all data first.
 * Prints one or two plain lines; on failure, one line on stderr and exit code 1.
 */
async function main(args: string[]): Promise<string[]> {
  const unknown = args.filter((a) => a !== '--reset');
  if (unknown.length) throw new Error(`unknown option ${unknown[0]} (the only option is --reset)`);
  const reset = args.includes('--reset');
  const config = loadConfig();
  // A stray --reset would delete every medical record of a real clinic.
  if (reset && config.env === 'production') throw new Error('--reset is refused when NODE_ENV=production');

  const db = await openDatabase(config.databaseUrl);
  try {
    if (!reset && !(await isClinicEmpty(db.sequelize))) {
      return ['The clinic already has data, so nothing was seeded (npm run seed -- --reset deletes it all first).'];
    }
    const s = await seedDemoClinic(db.sequelize, {
      timeZone: config.clinicTimeZone,
      reset,
      passwordCost: config.passwordHashCost,
      historyDays: config.demoHistoryDays,
    });
    return [
      `${reset ? 'Deleted all data and seeded' : 'Seeded'} the demo clinic: ${s.departments} departments, ` +
        `${s.doctors} doctors, ${s.patients} patients, ${s.slots} slots, ` +
        `${s.appointmentsToday} appointments today and ${s.appointmentsLater} later, ` +
        `${s.history?.visits ?? 0} visits over the last ${s.history?.days ?? 0} days.`,
      `Demo sign-ins (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')}.`,
    ];
  } finally {
    await db.close();
  }
}

try {
  for (const line of await main(process.argv.slice(2))) console.log(line);
} catch (error) {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
