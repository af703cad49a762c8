import { randomBytes } from 'node:crypto';
import { UniqueConstraintError } from 'sequelize';
import { ServerSecret } from '../models';

/**
 * The secret called `name`, made once (32 random bytes) and kept in the database, so it survives restarts and every
 * server process on the same database shares it. Two processes starting together may both try to make it: the
 * primary key lets one win, and the other reads the winner's.
 */
export async function serverSecret(name: string): Promise<Buffer> {
  const existing = await ServerSecret.findByPk(name);
  if (existing) return Buffer.from(existing.value, 'base64url');
  try {
    const created = await ServerSecret.create({ name, value: randomBytes(32).toString('base64url') });
    return Buffer.from(created.value, 'base64url');
  } catch (error) {
    if (!(error instanceof UniqueConstraintError)) throw error;
    const winner = await ServerSecret.findByPk(name);
    if (!winner) throw error;
    return Buffer.from(winner.value, 'base64url');
  }
}
