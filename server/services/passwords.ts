import { randomBytes, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { hashWorkers } from '../security/hash-workers';

/**
 * scrypt's cost as log2(N) when config does not say otherwise: 17 is OWASP's floor (N=2^17, r=8, p=1), about 0.7 s
 * and 128 MiB per hash on a small server. Only tests set it lower (PASSWORD_HASH_COST), so a sign-in costs them
 * milliseconds.
 */
export const DEFAULT_PASSWORD_COST = 17;

const R = 8;
const P = 1;
const KEY_LENGTH = 32;

interface Params {
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

function derive(password: string, salt: Buffer, p: Params): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; Node's default limit (32 MiB) is below OWASP's floor, so it is raised to fit.
  const options: ScryptOptions = { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r };
  // In a dedicated thread, never libuv's pool, which the SQLite driver needs for every query (security/hash-workers).
  return hashWorkers.scrypt(password.normalize('NFKC'), salt, p.keyLength, options);
}

/**
 * Hashes a password with scrypt at N = 2^cost; the result records its own parameters, so the cost can be raised
 * later and old hashes still verify.
 */
export async function hashPassword(password: string, cost = DEFAULT_PASSWORD_COST): Promise<string> {
  const params = { N: 2 ** cost, r: R, p: P, keyLength: KEY_LENGTH };
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Checks a password against a stored hash in constant time. A malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    keyLength: expected.length,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const dummyHashes = new Map<number, Promise<string>>();

/**
 * A hash of a random password at `cost`, compared against when the email is unknown so timing does not reveal
 * accounts; made once per cost, on first use.
 */
export function dummyHash(cost = DEFAULT_PASSWORD_COST): Promise<string> {
  let hash = dummyHashes.get(cost);
  if (!hash) dummyHashes.set(cost, (hash = hashPassword(randomBytes(16).toString('hex'), cost)));
  return hash;
}
