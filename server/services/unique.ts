import { UniqueConstraintError } from 'sequelize';

/**
 * True when `error` is a unique-key clash on one of `names` (column or index names). The drivers name the clash
 * differently (SQLite lists the columns, MySQL/MariaDB the index and the value), so every description is searched.
 */
export function uniqueClashOn(error: unknown, ...names: string[]): boolean {
  if (!(error instanceof UniqueConstraintError)) return false;
  const parent = error.parent as { message?: string; sqlMessage?: string } | undefined;
  const text = [JSON.stringify(error.fields ?? {}), error.message, parent?.message, parent?.sqlMessage].join(' ');
  return names.some((name) => text.includes(name));
}

/**
 * Runs `attempt` again (it must draw a new random code each time) while it fails on a unique clash over one of
 * `names`: random codes are unique only by the database's index, and a clash is rare enough that a few tries settle
 * it. Other errors, and the last clash, are thrown.
 */
export async function retryOnCodeClash<T>(names: string[], attempt: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= attempts || !uniqueClashOn(error, ...names)) throw error;
    }
  }
}
