import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PUBLIC_DIR } from '../routes/pages';

let cached: { mtimeMs: number; manifest: Record<string, { file: string }> } | undefined;

/**
 * The built address (`/assets/ticket-<hash>.js`) of a script entry from Vite's manifest, or null before a build
 * (the pages still work then: they are complete without JavaScript). Re-read when a new build replaces the manifest.
 */
export function builtScript(entry: string, dir = PUBLIC_DIR): string | null {
  const file = path.join(dir, '.vite', 'manifest.json');
  if (!existsSync(file)) return null;
  const { mtimeMs } = statSync(file);
  if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, manifest: JSON.parse(readFileSync(file, 'utf8')) };
  const chunk = cached.manifest[entry];
  return chunk ? `/${chunk.file}` : null;
}
