import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { QueryInterface, Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import { ROOT_DIR } from '../config';
import type { Logger } from '../logger';

/** What every file in migrations/ exports as `up` and `down`. */
export type Migration = (params: { context: MigrationContext }) => Promise<void>;

/** Handed to each migration: the query interface plus the dialect, for the few places SQL differs. */
export interface MigrationContext {
  queryInterface: QueryInterface;
  sequelize: Sequelize;
  dialect: string;
}

/**
 * The umzug migrator over migrations/*.ts, recording what ran in the `schema_migrations` table.
 * Files are named `YYYYMMDD-NNNN-what.ts`, so their names sort in the order they must run.
 */
export function createMigrator(sequelize: Sequelize, logger?: Logger) {
  return new Umzug<MigrationContext>({
    migrations: {
      glob: ['*.ts', { cwd: path.join(ROOT_DIR, 'migrations') }],
      resolve: ({ name, path: file, context }) => {
        const load = () => import(pathToFileURL(file!).href) as Promise<{ up: Migration; down: Migration }>;
        return {
          name,
          up: async () => (await load()).up({ context }),
          down: async () => (await load()).down({ context }),
        };
      },
    },
    context: { queryInterface: sequelize.getQueryInterface(), sequelize, dialect: sequelize.getDialect() },
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: logger
      ? {
          info: (m) => logger.info(m),
          warn: (m) => logger.warn(m),
          error: (m) => logger.error(m),
          debug: (m) => logger.debug(m),
        }
      : undefined,
  });
}
