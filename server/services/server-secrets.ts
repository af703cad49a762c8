import { randomBytes } from 'node:crypto';
import { UniqueConstraintError } from 'sequelize';
import { ServerSecret } from '../models';

/**
 * The secret called `name`, made once (32 random bytes) and kept in the database, so it survives restarts and every
 * server process on the same database shares it.
 */
export async function serverSecret(name: string): Promise<Buffer> {
  return Buffer.from(await storedSecret(name, () => randomBytes(32).toString('base64url')), 'base64url');
}

/**
 * The stored value called `name`, made by `make` (at most 128 characters) the first time. Two processes starting
 * together may both make one: the primary key lets one win, and the other reads the winner's.
 */
export async function storedSecret(name: string, make: () => string): Promise<string> {
  const existing = await ServerSecret.findByPk(name);
  if (existing) return existing.value;
  try {
    return (await ServerSecret.create({ name, value: make() })).value;
  } catch (error) {
    if (!(error instanceof UniqueConstraintError)) throw error;
    const winner = await ServerSecret.findByPk(name);
    if (!winner) throw error;
    return winner.value;
  }
}
