import { loadConfig, type Config } from '../../server/config';
import { createLogger } from '../../server/logger';
import { startServer, type RunningServer } from '../../server/server';
import type { HubOptions } from '../../server/realtime/hub';
import type { NoticeTestOptions } from '../../server/notices';
import type { ThrottleLimits } from '../../server/services/sign-in-throttle';
import { onDatabaseReset, TEST_DATABASE_URL, testDatabase } from './db';

/**
 * scrypt's cost (log2 N) for test accounts: production's 17 takes 0.7 s per sign-in on this machine, 10 a few
 * milliseconds. The seed test still checks production's parameters.
 */
export const TEST_PASSWORD_COST = 10;

/** A real server on a free port over the suite's test database. */
export interface TestServer extends RunningServer {
  baseUrl: string;
  wsUrl: string;
  config: Readonly<Config>;
}

/** Options for one test server: config overrides, sign-in limits, hub timings. */
export interface TestServerOptions {
  env?: Record<string, string>;
  throttle?: ThrottleLimits;
  hub?: Partial<HubOptions>;
  /** Notices' test hooks: accept a local push endpoint, retry sooner. */
  notices?: NoticeTestOptions;
  /** Listen on this port instead of a free one (to restart a server where its clients expect it). */
  port?: number;
}

/**
 * Starts the whole server (HTTP + WebSocket) on port 0 against the test database.
 * Sign-in throttling is loose by default so suites can sign in freely; pass `throttle` to test it.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      DATABASE_URL: TEST_DATABASE_URL,
      CLINIC_TIMEZONE: 'Europe/London',
      CLINIC_NAME: 'Test Clinic',
      PASSWORD_HASH_COST: String(TEST_PASSWORD_COST),
      ...options.env,
    },
    { dotenv: false },
  );
  const db = await testDatabase();
  const throttleLimits = options.throttle ?? { perAccount: 1000, perAddress: 1000, windowSeconds: 60 };
  const running = await startServer(
    { config, db, logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), throttleLimits, hubOptions: options.hub, notices: options.notices },
    options.port ?? 0,
    '127.0.0.1',
  );
  const forget = onDatabaseReset(() => {
    running.services.queue.live.invalidate();
    // The reset emptied server_secrets too: the codes' key is read (or made) again, as a fresh server would.
    running.services.checkInCodes.forgetSecret();
    running.services.notices.push.forget();
    running.hub.invalidateSnapshots();
  });
  return {
    ...running,
    close: async () => {
      forget();
      await running.close();
    },
    config,
    baseUrl: `http://127.0.0.1:${running.port}`,
    wsUrl: `ws://127.0.0.1:${running.port}/ws`,
  };
}
