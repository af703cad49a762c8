import path from 'node:path';
import { ROOT_DIR } from './config';

/** Builds the three front ends into dist/public with the project's vite.config.ts. */
export async function buildFrontEnds(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT_DIR, 'vite.config.ts'), root: ROOT_DIR, logLevel: 'warn' });
}
