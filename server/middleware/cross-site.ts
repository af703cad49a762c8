import type { Middleware, ParameterizedContext } from 'koa';
import { AppError } from '../errors';
import { isAllowedOrigin, type OriginPolicy } from '../security/origins';

/** Methods that only read; everything else changes state and must come from our own pages. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A browser's user agent; non-browser clients (kiosk scripts, curl, tests) send no Origin and are not at risk. */
const BROWSER = /Mozilla\//;

/** Routing ignores case (`/API/...` reaches the same handlers), so this check must too. */
const API_PATH = /^\/api\//i;

/** The origin this request was sent to. Not ctx.origin: Koa 3 answers that from the Origin header itself. */
const own = (ctx: ParameterizedContext) => `${ctx.protocol}://${ctx.host}`;

const refused = () =>
  new AppError(403, 'origin_refused', 'This request did not come from a MediQueue page and was refused.');

/**
 * CSRF defence in depth for every state-changing request, before the session is even read:
 * - a browser that names where the request comes from must name this server's own origin (scheme, host and port):
 *   `Sec-Fetch-Site: same-origin` where the browser sends it, else an `Origin` that is ours; so another site, or
 *   another port of this host (SameSite calls that "same site"), cannot ride on a staff cookie;
 * - a browser that names neither while carrying a cookie is refused too (every current browser sends both);
 * - `/api` requests must say `Content-Type: application/json` (415 otherwise): a cross-site HTML form or a "simple"
 *   fetch cannot send that without a CORS preflight, which this server never grants.
 * Only header reads per request, no database and no allocation on reads (GET/HEAD), since public check-in runs
 * through here hundreds of times a second.
 */
export function refuseCrossSite(policy: OriginPolicy): Middleware {
  return async (ctx, next) => {
    if (SAFE_METHODS.has(ctx.method)) return next();
    const headers = ctx.headers;
    const site = headers['sec-fetch-site'];
    const origin = headers.origin;
    if (site !== undefined) {
      // Set by the browser itself, never by a page: the most direct answer. `none` is a request the user started
      // (typed address, bookmark). It is checked instead of Origin because a form posted from a page with
      // Referrer-Policy: no-referrer (all of ours) says `Origin: null` even to its own server.
      // Another site is let through only when it is one of ALLOWED_ORIGINS.
      if (site !== 'same-origin' && site !== 'none' && !(origin !== undefined && isAllowedOrigin(policy, origin, own(ctx)))) throw refused();
    } else if (origin !== undefined) {
      if (!isAllowedOrigin(policy, origin, own(ctx))) throw refused();
    } else if (headers.cookie !== undefined && BROWSER.test(headers['user-agent'] ?? '')) {
      throw refused();
    }
    // The header itself, not ctx.is(): that answers null for a request without a body, and a body-less POST
    // (sign-out, call-next) is exactly what a cross-site form or "simple" fetch can send.
    if (API_PATH.test(ctx.path) && ctx.request.type !== 'application/json') {
      throw new AppError(415, 'unsupported_media_type', 'Send the request as JSON (Content-Type: application/json).');
    }
    return next();
  };
}
