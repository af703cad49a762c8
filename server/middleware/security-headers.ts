import type { Middleware } from 'koa';
import type { Config } from '../config';
import { isHttps } from '../security/origins';

const API_PATH = /^\/api\//i;
const DISPLAY_PATH = /^\/display(\/|$)/i;

/** The policy of every page: only this server's own scripts (no inline script, no eval), no framing. */
function contentSecurityPolicy(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Lit's styles and the kiosk's and display's <style> in index.html; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    // 'self' covers this server's own ws:/wss: (/ws) in current browsers.
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/**
 * Security headers on every response, built once at start-up (a request only copies a few strings):
 * `X-Content-Type-Options: nosniff` and `Referrer-Policy: no-referrer` everywhere, a strict Content-Security-Policy
 * with `frame-ancestors 'none'` on every page (the TV display may be framed by the signage origins in
 * DISPLAY_FRAME_ANCESTORS), and HSTS when the public address is https. Set before the route runs, so a route with
 * its own stricter policy (the ticket pages) keeps it.
 */
export function securityHeaders(config: Pick<Config, 'publicBaseUrl' | 'displayFrameAncestors'>): Middleware {
  const common: Record<string, string> = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
  if (isHttps(config)) common['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  const page = { ...common, 'Content-Security-Policy': contentSecurityPolicy("'none'") };
  const display = {
    ...common,
    'Content-Security-Policy': contentSecurityPolicy(config.displayFrameAncestors.length ? config.displayFrameAncestors.join(' ') : "'none'"),
  };
  return async (ctx, next) => {
    const path = ctx.path;
    // JSON needs no page policy; routing ignores case, so these tests do too.
    if (API_PATH.test(path)) ctx.set(common);
    else ctx.set(DISPLAY_PATH.test(path) ? display : page);
    await next();
  };
}
