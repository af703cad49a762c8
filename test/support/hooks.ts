import { closeSharedBrowser } from './browser';

/**
 * Mocha root hooks for the whole run (loaded by `.mocharc.json`'s `require`): closes the Chromium that the browser
 * test files share, after the last file, so the run exits promptly and leaves no browser behind.
 */
export const mochaHooks = {
  async afterAll(): Promise<void> {
    await closeSharedBrowser();
  },
};
