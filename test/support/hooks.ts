import { closeSharedBrowser } from './browser';

/**
 * Mocha root hooks for the whole run (loaded by `.mocharc.json`'s `require`): closes the Chromium that the browser
 * test files share, after the last file, so the run exits promptly and leaves no browser behind.
 *
 * In parallel mode root hooks run around every file in a worker, so a worker keeps its Chromium for all the files it
 * runs (launching one costs seconds) and it goes with the worker: Chromium ends when the pipe to its parent closes.
 */
export const mochaHooks = {
  async afterAll(): Promise<void> {
    if (process.env.MOCHA_WORKER_ID === undefined) await closeSharedBrowser();
  },
};
