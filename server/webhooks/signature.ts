import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers a delivery carries. */
export const SIGNATURE_HEADER = 'X-MediQueue-Signature';
export const TIMESTAMP_HEADER = 'X-MediQueue-Timestamp';
export const EVENT_HEADER = 'X-MediQueue-Event';

/**
 * The signature of a delivery: HMAC-SHA256, keyed with the hook's secret, of `timestamp.body` (the Unix time in
 * seconds, a dot, the exact body), hex, sent as `v1=<hex>`. Signing the time with the body lets a receiver refuse
 * replays: it checks the signature, then that the timestamp is recent (say, within five minutes).
 */
export function signDelivery(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/** True when `signature` is the one `secret` gives for `timestamp` and `body` (compared in constant time). */
export function verifyDelivery(secret: string, timestamp: number, body: string, signature: string): boolean {
  const expected = Buffer.from(signDelivery(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
