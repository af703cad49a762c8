import type { Config } from '../config';

/** The browser origins (scheme://host:port) this server's own pages are served from. */
export interface OriginPolicy {
  /** PUBLIC_BASE_URL's origin, and any extra ones named in ALLOWED_ORIGINS. */
  readonly origins: ReadonlySet<string>;
}

/** Built once at start-up, so a request only compares strings. */
export function originPolicy(config: Pick<Config, 'publicBaseUrl' | 'allowedOrigins'>): OriginPolicy {
  return { origins: new Set([new URL(config.publicBaseUrl).origin, ...config.allowedOrigins]) };
}

/**
 * True when a browser's `Origin` is one of ours: a configured origin, or exactly the origin the request itself was
 * sent to (scheme, host and port: a page on another port of the same host is another origin). `null` (sandboxed
 * frames, privacy redirects) never matches.
 */
export function isAllowedOrigin(policy: OriginPolicy, origin: string, requestOrigin: string): boolean {
  return origin === requestOrigin || policy.origins.has(origin);
}

/** True when the public base URL is https: cookies are then Secure and HSTS is sent, whatever the hop says. */
export function isHttps(config: Pick<Config, 'publicBaseUrl'>): boolean {
  return config.publicBaseUrl.startsWith('https://');
}
