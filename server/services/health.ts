import type { Sequelize } from 'sequelize';

const DATABASE_TIMEOUT_MS = 3_000;

/** What `/healthz` reports: whether the database answers, within a few seconds so a hung one is reported too. */
export class HealthService {
  constructor(private readonly sequelize: Sequelize) {}

  /** True when the database answers a trivial query within DATABASE_TIMEOUT_MS. */
  async databaseAnswers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('database timeout')), DATABASE_TIMEOUT_MS);
      });
      await Promise.race([this.sequelize.query('SELECT 1'), timeout]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
