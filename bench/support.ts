/**
 * The server side of the benchmarks: a throw-away database (a temp SQLite file, or a MariaDB database created and
 * dropped here), the real server started in this process on loopback, and a small clinic to work on.
 */
import os from 'node:os';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { Sequelize } from 'sequelize';
import { loadConfig } from '../server/config';
import { openDatabase, type Database } from '../server/db';
import { createLogger } from '../server/logger';
import { Department, DoctorAvailability, DoctorProfile, User } from '../server/models';
import { startServer, type RunningServer } from '../server/server';
import { hashPassword } from '../server/services/passwords';

/** Where the MariaDB runs go unless BENCH_MYSQL_URL says otherwise. */
export const DEFAULT_MYSQL_URL = 'mysql://root@127.0.0.1:3306/mediqueue_bench';

/** "SQLite" or "MariaDB", as the tables name them. */
export type DatabaseLabel = 'SQLite' | 'MariaDB';

/** An open, migrated, empty database that belongs to one benchmark run. */
export interface BenchDatabase {
  label: DatabaseLabel;
  url: string;
  db: Database;
  /** Closes the connection and deletes the file or drops the database. */
  dispose(): Promise<void>;
}

/** A fresh SQLite file in the system's temp folder (WAL on, as the server sets it). */
export async function openSqlite(name: string): Promise<BenchDatabase> {
  const file = path.join(os.tmpdir(), `mediqueue-bench-${process.pid}-${name}.sqlite`);
  const remove = () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  };
  remove();
  const url = `sqlite:${file}`;
  const db = await openDatabase(url);
  return {
    label: 'SQLite',
    url,
    db,
    dispose: async () => {
      await db.close();
      remove();
    },
  };
}

/** Runs `work` with a connection to the MySQL server behind `url`, without selecting a database. */
async function withAdmin<T>(url: URL, work: (admin: Sequelize) => Promise<T>): Promise<T> {
  const server = new URL(url);
  server.pathname = '/';
  const admin = new Sequelize(server.toString(), {
    dialect: 'mysql',
    logging: false,
    // A machine without MariaDB should get its "skipped" note quickly, not after the driver's default 10 s.
    dialectOptions: { connectTimeout: 3000 },
    pool: { max: 1, min: 0 },
  });
  try {
    return await work(admin);
  } finally {
    await admin.close();
  }
}

/**
 * The database a BENCH_MYSQL_URL names. Throws unless it is plainly a benchmark database (letters, digits and _,
 * containing "bench"), because the benchmark drops it: a mistyped variable must not drop the application's or the
 * test suite's database.
 */
export function benchDatabaseName(rawUrl: string): string {
  const name = decodeURIComponent(new URL(rawUrl.replace(/^mariadb:/, 'mysql:')).pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name) || !/bench/i.test(name)) {
    throw new Error(`BENCH_MYSQL_URL must name a benchmark database (letters, digits and _, containing "bench"), got "${name}"`);
  }
  return name;
}

/**
 * Recreates the database `url` names (dropping it first) and opens it migrated; dropped again on dispose. Resolves
 * to a reason string instead when the server cannot be reached.
 */
export async function openMysql(rawUrl: string): Promise<BenchDatabase | string> {
  const url = new URL(rawUrl.replace(/^mariadb:/, 'mysql:'));
  const name = benchDatabaseName(rawUrl);
  try {
    await withAdmin(url, async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    });
  } catch (error) {
    return `MariaDB not reachable at ${redact(url)}: ${(error as Error).message}`;
  }
  const db = await openDatabase(url.toString());
  return {
    label: 'MariaDB',
    url: url.toString(),
    db,
    dispose: async () => {
      await db.close();
      await withAdmin(url, (admin) => admin.query(`DROP DATABASE IF EXISTS \`${name}\``));
    },
  };
}

/** A database URL with its password masked, for printing. */
export function redact(url: URL | string): string {
  return url.toString().replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** The real server (HTTP and WebSocket hub) on a free loopback port. */
export interface BenchServer extends RunningServer {
  baseUrl: string;
  wsUrl: string;
}

/**
 * Starts the server in this process as production wires it (production settings, default hub timings,
 * so the 15 s heartbeat to every display is part of what is measured); `env` adds settings (REDIS_URL). The logger is silent unless BENCH_LOG_LEVEL
 * names a level: logging every request would be measured too. The changes are the per-address limits, see below.
 */
export async function startBenchServer(database: Pick<BenchDatabase, 'url' | 'db'>, env: Record<string, string> = {}): Promise<BenchServer> {
  const config = loadConfig(
    { NODE_ENV: 'production', DATABASE_URL: database.url, CLINIC_TIMEZONE: 'UTC', CLINIC_NAME: 'Bench Clinic', ...env },
    { dotenv: false },
  );
  // Likewise every simulated display: thousands of sockets from one address, where the hub allows a clinic's 64.
  const running = await startServer(
    {
      config,
      db: database.db,
      logger: createLogger(process.env.BENCH_LOG_LEVEL || 'silent'),
      hubOptions: { connectionsPerAddress: Number.MAX_SAFE_INTEGER },
    },
    0,
    '127.0.0.1',
  );
  // Every simulated kiosk comes from 127.0.0.1, so the per-address limit on public check-ins (60 a minute, meant
  // for one real kiosk) would measure the limiter rather than the server. Lift it for the benchmark only.
  running.services.kiosk.checkInLimiter.setLimits({ points: 1_000_000_000, windowSeconds: 60 });
  return { ...running, baseUrl: `http://127.0.0.1:${running.port}`, wsUrl: `ws://127.0.0.1:${running.port}/ws` };
}

/** The clinic a benchmark works on: one department with one doctor who can sign in. */
export interface BenchClinic {
  departmentId: number;
  /** Starts every token of the department (`B-001`). */
  prefix: string;
  doctorId: number;
  email: string;
  password: string;
}

/**
 * Creates one department (prefix B) and one doctor in it, in Room 1, working every day from 00:00 to 23:59 (the
 * kiosk refuses walk-ins when no doctor of the department is working; a run in the last minute before midnight UTC
 * would meet that).
 */
export async function seedClinic(): Promise<BenchClinic> {
  const password = 'bench horse battery staple';
  const department = await Department.create({ name: 'Bench Medicine', prefix: 'B', active: true });
  const user = await User.create({
    email: 'doctor@bench.clinic',
    fullName: 'Dr Bench Mark',
    role: 'doctor',
    passwordHash: await hashPassword(password),
    active: true,
    lastSignInAt: null,
  });
  const doctor = await DoctorProfile.create({
    userId: user.id,
    licenseNumber: 'BENCH-1',
    specialization: 'General Practice',
    departmentId: department.id,
    room: 'Room 1',
  });
  await DoctorAvailability.bulkCreate(
    Array.from({ length: 7 }, (_, i) => ({ doctorId: doctor.id, weekday: i + 1, startTime: '00:00', endTime: '23:59' })),
  );
  return { departmentId: department.id, prefix: department.prefix, doctorId: doctor.id, email: user.email, password };
}
