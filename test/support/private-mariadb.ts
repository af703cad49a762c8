import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts TCP connections on `port`, or fails after `timeoutMs`. */
async function listening(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A MariaDB server of the test's own: its data folder, port and process. Never the shared one. */
export interface PrivateMariadb {
  port: number;
  url(database: string): string;
  process: ChildProcess;
  /** Stops the server and deletes its data folder. */
  remove(): Promise<void>;
}

/**
 * Starts a throw-away MariaDB (mariadb-install-db, then mariadbd without grant tables) on a free port, so a test may
 * stop it, kill it or cut it off without touching the database other engineers and suites share.
 */
export async function startPrivateMariadb(): Promise<PrivateMariadb> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mq-private-mariadb-'));
  const datadir = path.join(dir, 'data');
  const port = await freePort();
  try {
    // --no-defaults: the machine's my.cnf names another user and the shared server's files.
    await run('mariadb-install-db', ['--no-defaults', `--datadir=${datadir}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'], {
      timeout: 60_000,
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const child = spawn(
    'mariadbd',
    [
      '--no-defaults',
      `--datadir=${datadir}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--socket=${path.join(dir, 'sock')}`,
      `--pid-file=${path.join(dir, 'pid')}`,
      '--skip-grant-tables',
      '--skip-log-bin',
      '--user=root',
      '--innodb-buffer-pool-size=32M',
      '--innodb-log-file-size=16M',
    ],
    { stdio: 'ignore' },
  );
  const remove = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGCONT');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await listening(port, 30_000);
  } catch (error) {
    await remove();
    throw error;
  }
  return { port, url: (database) => `mysql://root@127.0.0.1:${port}/${database}`, process: child, remove };
}
