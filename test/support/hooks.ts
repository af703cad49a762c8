import { appendFileSync } from 'node:fs';
import path from 'node:path';
import type { Context } from 'mocha';
import { closeSharedBrowser } from './browser';

/** When set, each test file's wall time (ms, then the path) is appended to this file; `sort -n` it to find the slowest. */
const TIMINGS_FILE = process.env.MQ_TEST_TIMINGS;
let fileStarted = 0;

/**
 * Mocha root hooks for the whole run (loaded by `.mocharc.json`'s `require`): closes the Chromium that the browser
 * test files share, after the last file, so the run exits promptly and leaves no browser behind.
 *
 * In parallel mode root hooks run around every file in a worker, so a worker keeps its Chromium for all the files it
 * runs (launching one costs seconds) and it goes with the worker: Chromium ends when the pipe to its parent closes.
 */
export const mochaHooks = {
  beforeAll(): void {
    fileStarted = performance.now();
  },
  async afterAll(this: Context): Promise<void> {
    if (TIMINGS_FILE) {
      const file = this.test?.parent?.suites[0]?.file ?? 'unknown';
      appendFileSync(TIMINGS_FILE, `${Math.round(performance.now() - fileStarted)}\t${path.relative(process.cwd(), file)}\n`);
    }
    if (process.env.MOCHA_WORKER_ID === undefined) await closeSharedBrowser();
  },
};
