import http, { type IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { createApp, createServices, type AppDeps, type Services } from './app';
import { SESSION_COOKIE } from './services/auth';
import { RealtimeHub, type HubOptions } from './realtime/hub';
import { isAllowedOrigin, originPolicy, type OriginPolicy } from './security/origins';

/** A listening MediQueue server: HTTP and the WebSocket hub on one port. */
export interface RunningServer {
  http: http.Server;
  hub: RealtimeHub;
  services: Services;
  port: number;
  close(): Promise<void>;
}

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

/** Starts the app and the hub on `port` (0 picks a free one) and resolves once listening. */
export async function startServer(
  deps: AppDeps,
  port: number,
  host?: string,
  hubOptions: Partial<HubOptions> = {},
): Promise<RunningServer> {
  // The hub asks the auth service about sessions lazily, so it can be built first and handed to the services.
  let services: Services | undefined;
  const origins = originPolicy(deps.config);
  const hub = new RealtimeHub(
    {
      resolve: async (req) => {
        // Another site's page must not ride on a staff member's cookie (cross-site WebSocket hijacking).
        if (!sameOrigin(req, origins, deps.config.trustProxy)) return null;
        const found = await services!.auth.lookup(cookie(req.headers.cookie, SESSION_COOKIE));
        return found.state === 'active' ? { user: found.user, sessionId: found.session.id } : null;
      },
      address: (req) => clientAddress(req, deps.config.trustProxy),
      check: async (sessionId, renew) => {
        const found = await services!.auth.lookupById(sessionId, { renew });
        return found.state === 'active' ? found.user : null;
      },
    },
    deps.logger,
    hubOptions,
  );
  services = createServices(deps, hub);
  services.auth.onSessionEnded = (sessionId) => hub.revokeSession(sessionId);
  const server = http.createServer(createApp(deps, services).callback());
  hub.attach(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  services.webhooks.start();
  return {
    http: server,
    hub,
    services,
    port: (server.address() as AddressInfo).port,
    close: async () => {
      await services!.webhooks.stop();
      await services!.queue.close();
      await hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
