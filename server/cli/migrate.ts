/**
 * `npm run migrate` runs pending migrations; `npm run migrate -- down` undoes the last one;
 * `npm run migrate -- down --to 0` undoes all; `npm run migrate -- status` lists them.
 */
import { ConfigError, loadConfig } from '../config';
import { createMigrator } from '../db/migrator';
import { createSequelize } from '../db/sequelize';

async function main(): Promise<void> {
  const [command = 'up', ...rest] = process.argv.slice(2);
  const config = loadConfig();
  const sequelize = await createSequelize(config.databaseUrl);
  const migrator = createMigrator(sequelize);
  try {
    if (command === 'up') {
      const done = await migrator.up();
      console.log(done.length ? `Applied ${done.map((m) => m.name).join(', ')}.` : 'The database is up to date.');
    } else if (command === 'down') {
      const toIndex = rest.indexOf('--to');
      const done = await migrator.down(toIndex >= 0 ? { to: rest[toIndex + 1] === '0' ? 0 : rest[toIndex + 1] } : undefined);
      console.log(done.length ? `Reverted ${done.map((m) => m.name).join(', ')}.` : 'Nothing to revert.');
    } else if (command === 'status') {
      for (const m of await migrator.executed()) console.log(`applied  ${m.name}`);
      for (const m of await migrator.pending()) console.log(`pending  ${m.name}`);
    } else {
      throw new Error(`unknown command "${command}": use up, down [--to NAME|0] or status`);
    }
  } finally {
    await sequelize.close();
  }
}

main().catch((error) => {
  console.error(`Migration failed: ${error instanceof ConfigError ? error.message : (error as Error).message}`);
  process.exit(1);
});
