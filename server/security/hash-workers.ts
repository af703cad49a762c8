import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ScryptOptions } from 'node:crypto';

/**
 * The worker's whole program: scrypt, synchronously, in its own thread. Kept as a string (an eval'd CommonJS
 * worker) so it needs no separate file for the TypeScript loader to find.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
parentPort.on('message', ({ id, password, salt, keyLength, options }) => {
  try {
    const key = scryptSync(password, Buffer.from(salt), keyLength, options);
    parentPort.postMessage({ id, key });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});`;

interface Job {
  resolve(key: Buffer): void;
  reject(error: Error): void;
}

interface HashWorker {
  worker: Worker;
  jobs: Map<number, Job>;
}

/**
 * Runs scrypt in a few dedicated threads instead of libuv's pool. Node's async scrypt and the SQLite driver share
 * that pool (4 threads): a burst of sign-ins at 0.7 s each would fill it, and every database query (the public board,
 * check-ins) would wait behind the hashes. Here a flood only lengthens the sign-in queue. One thread on a 2-core
 * server (the other core serves requests), at most two elsewhere: each scrypt at cost 17 takes 128 MiB.
 */
export class HashWorkers {
  private readonly workers: HashWorker[] = [];
  private nextId = 1;

  constructor(private readonly size = Math.max(1, Math.min(2, os.availableParallelism() - 1))) {}

  /** scrypt(password, salt) in a worker thread; rejects if the parameters are refused. */
  scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
    const target = this.leastBusy();
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      target.jobs.set(id, { resolve, reject });
      target.worker.ref();
      target.worker.postMessage({ id, password, salt, keyLength, options });
    });
  }

  /** Stops the threads (pending hashes are rejected). */
  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.worker.terminate()));
  }

  private leastBusy(): HashWorker {
    if (this.workers.length < this.size) return this.spawn();
    return this.workers.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
  }

  private spawn(): HashWorker {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    const entry: HashWorker = { worker, jobs: new Map() };
    // An idle hashing thread must not keep the process (or a test run) alive.
    worker.unref();
    worker.on('message', (message: { id: number; key?: Uint8Array; error?: string }) => {
      const job = entry.jobs.get(message.id);
      if (!job) return;
      entry.jobs.delete(message.id);
      if (!entry.jobs.size) worker.unref();
      if (message.error !== undefined) job.reject(new Error(message.error));
      else job.resolve(Buffer.from(message.key!));
    });
    worker.on('error', (error) => this.fail(entry, error));
    worker.on('exit', () => this.fail(entry, new Error('the password hashing thread stopped')));
    this.workers.push(entry);
    return entry;
  }

  private fail(entry: HashWorker, error: Error): void {
    for (const job of entry.jobs.values()) job.reject(error);
    entry.jobs.clear();
    const index = this.workers.indexOf(entry);
    if (index >= 0) this.workers.splice(index, 1);
  }
}

/** The process's hashing threads, shared by every sign-in, password change and seed. */
export const hashWorkers = new HashWorkers();
