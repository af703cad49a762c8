import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Config } from '../config';
import type { HubAuth } from '../realtime/hub';
import { SESSION_COOKIE, type AuthService } from '../services/auth';
import { isAllowedOrigin, originPolicy, type OriginPolicy } from './origins';

/** Reads one cookie from a raw request (the WebSocket upgrade has no Koa context). */
function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * The origin an upgrade request was sent to (scheme, host and port), as a browser on our own page would name it.
 * Behind a trusted proxy the scheme comes from X-Forwarded-Proto, as Koa's ctx.origin does for HTTP.
 */
function requestOrigin(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim() : '';
  const scheme = forwarded || ((req.socket as TLSSocket).encrypted ? 'https' : 'http');
  return `${scheme}://${req.headers.host ?? ''}`;
}

/** The client's address as Koa's ctx.ip reads it: the first X-Forwarded-For hop only behind a trusted proxy. */
function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',')[0].trim() : '';
  return forwarded || req.socket.remoteAddress || '';
}

/** True when a browser's Origin is exactly ours (or absent, for non-browser clients such as kiosk scripts). */
function sameOrigin(req: IncomingMessage, policy: OriginPolicy, trustProxy: boolean): boolean {
  const origin = req.headers.origin;
  return origin === undefined || isAllowedOrigin(policy, origin, requestOrigin(req, trustProxy));
}

/** How the WebSocket hub learns who is behind a connection: the staff session cookie, from our own origin only. */
export function socketSessions(config: Readonly<Config>, auth: AuthService): HubAuth {
  const origins = originPolicy(config);
  return {
    resolve: async (req) => {
      // Another site's page must not ride on a staff member's cookie (cross-site WebSocket hijacking).
      if (!sameOrigin(req, origins, config.trustProxy)) return null;
      const found = await auth.lookup(cookie(req.headers.cookie, SESSION_COOKIE));
      return found.state === 'active' ? { user: found.user, sessionId: found.session.id } : null;
    },
    address: (req) => clientAddress(req, config.trustProxy),
    check: async (sessionId, renew) => {
      const found = await auth.lookupById(sessionId, { renew });
      return found.state === 'active' ? found.user : null;
    },
  };
}
