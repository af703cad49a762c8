import { createECDH } from 'node:crypto';
import { isIP } from 'node:net';
import webPush from 'web-push';
import { storedSecret } from '../services/server-secrets';

/** A browser's push subscription as `PushSubscription.toJSON()` gives it. */
export interface PushSubscriptionJson {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** What came of one push: delivered, the subscription is gone (forget it), worth retrying, or refused for good. */
export type PushOutcome = 'sent' | 'gone' | 'retry' | 'failed';

/** The server's VAPID key pair (base64url), as the browser's `applicationServerKey` and web-push take it. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/**
 * Host names that only mean something inside a network. Push services are public (fcm.googleapis.com,
 * updates.push.services.mozilla.com, web.push.apple.com, *.notify.windows.com); anything else could turn a push
 * into a request from this server to a machine behind the clinic's firewall.
 */
const PRIVATE_HOST = /(^|\.)(localhost|local|internal|intranet|lan|home|corp)$/i;

/**
 * True when the server may POST to `endpoint`: https to a public host name (no IP address, no single-label or
 * private-suffix name). `allowLocal` (tests only, set through ContainerDeps) lets a test's own endpoint on
 * 127.0.0.1 through.
 */
export function pushEndpointAllowed(endpoint: string, allowLocal = false): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (allowLocal && (url.hostname === '127.0.0.1' || url.hostname === 'localhost')) return true;
  // A fully qualified name's trailing dot ("localhost.") names the same host: drop it before the suffix checks.
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.+$/, '');
  return url.protocol === 'https:' && !url.username && !url.password && !isIP(host) && host.includes('.') && !PRIVATE_HOST.test(host);
}

/**
 * The VAPID keys, made with web-push on first start and kept in `server_secrets`, so every server of the clinic signs
 * with the same pair and browsers' subscriptions survive restarts. Only the private key is stored (43 characters);
 * the public key is computed from it.
 */
export async function vapidKeys(): Promise<VapidKeys> {
  const privateKey = await storedSecret('vapid-private-key', () => webPush.generateVAPIDKeys().privateKey);
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(Buffer.from(privateKey, 'base64url'));
  return { publicKey: ecdh.getPublicKey().toString('base64url'), privateKey };
}

/**
 * Sends web pushes: web-push encrypts the payload for the subscription and signs the request with the VAPID keys;
 * the request itself goes out with fetch, which lets a timeout hold and a test's endpoint be plain http.
 */
export class PushSender {
  private keys: Promise<VapidKeys> | null = null;

  constructor(
    private readonly subject: string,
    private readonly timeoutMs = 10_000,
  ) {}

  /** The public key browsers subscribe with (read or made on first use). */
  publicKey(): Promise<string> {
    return this.vapid().then((keys) => keys.publicKey);
  }

  /** Sends `payload` (JSON) to one subscription. */
  async send(subscription: PushSubscriptionJson, payload: object, ttlSeconds: number): Promise<PushOutcome> {
    const keys = await this.vapid();
    const request = webPush.generateRequestDetails(subscription, JSON.stringify(payload), {
      vapidDetails: { subject: this.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
      TTL: ttlSeconds,
      urgency: 'high',
    });
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== 'Content-Length').map(([name, value]) => [name, String(value)]));
    let status: number;
    try {
      const response = await fetch(request.endpoint, {
        method: request.method,
        headers,
        body: request.body ?? undefined,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await response.body?.cancel();
      status = response.status;
    } catch {
      return 'retry';
    }
    if (status >= 200 && status < 300) return 'sent';
    if (status === 404 || status === 410) return 'gone';
    return status >= 500 || status === 429 ? 'retry' : 'failed';
  }

  private vapid(): Promise<VapidKeys> {
    if (!this.keys) {
      this.keys = vapidKeys();
      this.keys.catch(() => (this.keys = null));
    }
    return this.keys;
  }

  /** Forgets the keys read (tests empty server_secrets between suites). */
  forget(): void {
    this.keys = null;
  }
}
