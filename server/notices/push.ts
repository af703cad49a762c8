import { createECDH } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
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

/** Addresses a push must never go to: this machine, the clinic's own networks, link-local (cloud metadata), multicast. */
const PRIVATE_ADDRESSES = new BlockList();
for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3]] as const) {
  PRIVATE_ADDRESSES.addSubnet(net, bits, 'ipv4');
}
// IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are checked against the IPv4 rules by BlockList itself.
for (const [net, bits] of [['::', 127], ['64:ff9b::', 96], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) {
  PRIVATE_ADDRESSES.addSubnet(net, bits, 'ipv6');
}

/** How a host name is looked up (node:dns by default; tests give the addresses). */
export type HostLookup = (host: string, options: { all: true; verbatim: true }) => Promise<{ address: string; family: number }[]>;

/**
 * True when every address `host` resolves to is public. The name rule above cannot see that a public-looking name
 * (127.0.0.1.nip.io, or a patient's own domain) points inside the clinic, so the sender looks again before each push.
 */
export async function resolvesPublic(host: string, resolve: HostLookup = lookup): Promise<boolean> {
  const addresses = await resolve(host.replace(/^\[|\]$/g, ''), { all: true, verbatim: true });
  return addresses.length > 0 && addresses.every(({ address, family }) => !PRIVATE_ADDRESSES.check(address, family === 6 ? 'ipv6' : 'ipv4'));
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
    /** Tests only (ContainerDeps): a test's own push service on this machine may be reached. */
    private readonly allowLocal = false,
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
      if (!this.allowLocal && !(await resolvesPublic(new URL(request.endpoint).hostname))) return 'failed';
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
