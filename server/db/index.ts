import type { Sequelize } from 'sequelize';
import type { Logger } from '../logger';
import { initModels } from '../models';
import { createMigrator } from './migrator';
import { createSequelize } from './sequelize';
import { enableQueryTimeouts } from './timeouts';

/** An open database with every model bound to it. */
export interface Database {
  sequelize: Sequelize;
  close(): Promise<void>;
}

/** Connects to `url`, binds the models, and (unless told not to) runs pending migrations. */
export async function openDatabase(url: string, logger?: Logger, options: { migrate?: boolean } = {}): Promise<Database> {
  const sequelize = await createSequelize(url, logger);
  await sequelize.authenticate();
  initModels(sequelize);
  if (options.migrate !== false) await createMigrator(sequelize, logger).up();
  enableQueryTimeouts(sequelize);
  return { sequelize, close: () => sequelize.close() };
}
