import { createDecipheriv, createECDH, hkdfSync, randomBytes } from 'node:crypto';
import type { PushSubscriptionJson } from '../../server/notices/push';
import { WebhookReceiver } from './webhook-receiver';

/** A push message as the phone's service worker would read it, with the headers the push service got. */
export interface ReceivedPush {
  payload: { title: string; body: string; url: string; lang: string; dir: string };
  authorization: string;
  ttl: string | undefined;
}

/**
 * A local push service for tests: it plays both the push service (records each POST) and the browser (holds the
 * subscription's private key and reads the message, RFC 8291 aes128gcm), so a test sees exactly what a phone would.
 */
export class FakePushService extends WebhookReceiver {
  private readonly ecdh = createECDH('prime256v1');
  private readonly authSecret = randomBytes(16);

  constructor(statuses: number[] = [201]) {
    super(statuses);
    this.ecdh.generateKeys();
  }

  /** The subscription a browser would hand the page, pointing at this service. */
  subscription(): PushSubscriptionJson {
    return { endpoint: this.url, keys: { p256dh: this.ecdh.getPublicKey().toString('base64url'), auth: this.authSecret.toString('base64url') } };
  }

  /** Every push received so far, decrypted. */
  pushes(): ReceivedPush[] {
    return this.received.map(({ headers, raw }) => ({
      payload: JSON.parse(this.decrypt(raw)) as ReceivedPush['payload'],
      authorization: String(headers.authorization),
      ttl: headers.ttl as string | undefined,
    }));
  }

  /** Resolves with the pushes once `count` have arrived; fails loudly after `timeoutMs`. */
  async waitForPushes(count: number, timeoutMs = 10_000): Promise<ReceivedPush[]> {
    await this.waitFor(count, timeoutMs);
    return this.pushes();
  }

  /** RFC 8188 header (salt, record size, sender's key), then RFC 8291's key derivation and AES-128-GCM. */
  private decrypt(body: Buffer): string {
    const salt = body.subarray(0, 16);
    const idLength = body[20];
    const senderKey = body.subarray(21, 21 + idLength);
    const record = body.subarray(21 + idLength);
    const shared = this.ecdh.computeSecret(senderKey);
    const info = Buffer.concat([Buffer.from('WebPush: info\0'), this.ecdh.getPublicKey(), senderKey]);
    const ikm = Buffer.from(hkdfSync('sha256', shared, this.authSecret, info, 32));
    const key = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
    const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
    const decipher = createDecipheriv('aes-128-gcm', key, nonce);
    decipher.setAuthTag(record.subarray(record.length - 16));
    const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
    // The last record ends with a 0x02 delimiter, then any padding zeros.
    return plain.subarray(0, plain.lastIndexOf(2)).toString('utf8');
  }
}
