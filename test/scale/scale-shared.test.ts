import { expect } from 'chai';
import { Redis } from 'ioredis';
import type { Config } from '../../server/config';
import { createLogger } from '../../server/logger';
import { RedisLease } from '../../server/scale/lease';
import { ScheduleService } from '../../server/services/schedules';
import { SettingsService } from '../../server/services/settings';
import { SlotHorizonKeeper } from '../../server/services/slot-horizon';
import { resetDatabase, testDatabase } from '../support/db';
import { createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { kioskKey, openDepartment } from '../support/kiosk';
import { startTestServer, type TestServer } from '../support/server';

/** The shared Redis every development and CI machine runs; each test keeps its keys under its own prefix. */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = (what: string) => `mqtest-${process.pid}-${Date.now().toString(36)}-${what}`;

/** Resolves once `check` holds, polling; fails loudly after `ms`. */
async function until(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('several servers sharing one Redis (REDIS_URL)', () => {
  const servers: TestServer[] = [];
  /** Two servers over the same database and Redis, as two instances behind a balancer. */
  const pair = async (env: Record<string, string>, throttle?: { perAccount: number; perAddress: number; windowSeconds: number }) => {
    const started = await Promise.all([0, 1].map(() => startTestServer({ env, throttle })));
    servers.push(...started);
    return started;
  };

  beforeEach(() => resetDatabase());
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('counts sign-in failures for one account across both servers', async () => {
    const [a, b] = await pair({ REDIS_URL, REDIS_PREFIX: prefix('sign-in') }, { perAccount: 3, perAddress: 100, windowSeconds: 60 });
    const { email } = await createStaff();
    const wrong = (server: TestServer) => new Agent(server).post('/api/auth/sign-in', { email, password: 'not the password' });
    expect((await wrong(a)).status).to.equal(401);
    expect((await wrong(a)).status).to.equal(401);
    expect((await wrong(b)).status).to.equal(401);
    // The fourth guess, on the other server: on its own it would have allowed three more.
    const refused = await wrong(b);
    expect(refused.status).to.equal(429);
    expect(refused.body.error.id).to.equal('too_many_attempts');
  });

  it('counts public check-ins from one address across both servers', async () => {
    const [a, b] = await pair({ REDIS_URL, REDIS_PREFIX: prefix('check-in') });
    for (const server of [a, b]) server.services.kiosk.checkInLimiter.setLimits({ points: 2, windowSeconds: 60 });
    const { department } = await openDepartment('General Practice', 'G');
    const walkIn = (server: TestServer) => new Agent(server).post('/api/kiosk/check-in', { departmentId: department.id, idempotencyKey: kioskKey() });
    expect((await walkIn(a)).status).to.equal(201);
    expect((await walkIn(b)).status).to.equal(201);
    expect((await walkIn(a)).status).to.equal(429);
    expect((await walkIn(b)).status).to.equal(429);
  });

  it('keeps serving with limits of its own while Redis cannot be reached', async () => {
    // Nothing listens on port 1: every Redis command fails at once, as when Redis is down.
    const [a] = await pair({ REDIS_URL: 'redis://127.0.0.1:1', REDIS_PREFIX: prefix('down') }, { perAccount: 2, perAddress: 100, windowSeconds: 60 });
    const staff = await createStaff();
    const { department } = await openDepartment('General Practice', 'G');
    const walkIn = await new Agent(a).post('/api/kiosk/check-in', { departmentId: department.id, idempotencyKey: kioskKey() });
    expect(walkIn.status).to.equal(201);
    await new Agent(a).signIn(staff.email, staff.password);
    // The throttle still holds, counted in memory meanwhile.
    const wrong = () => new Agent(a).post('/api/auth/sign-in', { email: staff.email, password: 'wrong' });
    expect((await wrong()).status).to.equal(401);
    expect((await wrong()).status).to.equal(401);
    expect((await wrong()).status).to.equal(429);
  });
});

describe('a job that runs on one server at a time (RedisLease)', () => {
  let redis: Redis;
  before(() => {
    redis = new Redis(REDIS_URL);
  });
  after(() => redis.quit());

  it('is held by one owner, renewed only by it, and free once released or expired', async () => {
    const key = prefix('lease');
    const first = new RedisLease(redis, key, 300);
    const second = new RedisLease(redis, key, 300);
    expect(await first.hold()).to.equal(true);
    expect(await second.hold()).to.equal(false);
    expect(await first.hold(), 'the holder renews').to.equal(true);
    await second.release();
    expect(await redis.get(key), 'another owner cannot release it').to.equal(first.owner);
    await first.release();
    expect(await second.hold()).to.equal(true);
    // The holder stops renewing (it died): the lease expires and the other takes it.
    await until(async () => first.hold(), 2000);
    expect(await redis.get(key)).to.equal(first.owner);
  });

  it('lets one of two slot-horizon keepers run, and the other take over when it stops', async () => {
    const { sequelize } = await testDatabase();
    await resetDatabase();
    const config = { clinicName: 'Test', clinicTimeZone: 'Europe/London' } as Config;
    /** A real schedule service that counts its runs. */
    class Counted extends ScheduleService {
      runs = 0;
      override generateAll(...args: Parameters<ScheduleService['generateAll']>) {
        this.runs++;
        return super.generateAll(...args);
      }
    }
    const key = prefix('horizon');
    const timings = { intervalMs: 50, firstRunAfterMs: 10, leaseCheckMs: 50 };
    const schedules = [0, 1].map(() => new Counted(sequelize, new SettingsService(sequelize, config)));
    const keepers = schedules.map((s) => new SlotHorizonKeeper(s, createLogger('silent'), new RedisLease(redis, key, 400), timings));
    try {
      keepers.forEach((k) => k.start());
      await until(() => schedules[0].runs + schedules[1].runs >= 3);
      const [runner, other] = schedules[0].runs > 0 ? [0, 1] : [1, 0];
      expect(schedules[other].runs, 'the second server runs nothing while the first holds the lease').to.equal(0);
      await keepers[runner].stop();
      const before = schedules[runner].runs;
      await until(() => schedules[other].runs >= 2);
      expect(schedules[runner].runs).to.equal(before);
    } finally {
      await Promise.all(keepers.map((k) => k.stop()));
    }
  });
});
