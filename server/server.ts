import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import type { Clock } from './clock';
import { buildContainer, type Container, type ContainerDeps, type Services } from './container';
import type { RealtimeHub } from './realtime/hub';
import { limitTransactions } from './db/transaction-deadline';
import { redisReady } from './scale/redis';

/** A listening MediQueue server: HTTP and the WebSocket hub on one port. */
export interface RunningServer {
  http: http.Server;
  container: Container;
  hub: RealtimeHub;
  services: Services;
  /** The server's one clock (tests move it). */
  clock: Clock;
  port: number;
  close(): Promise<void>;
}

/** Builds the server's parts (server/container.ts), starts HTTP and the hub on `port` (0: a free one) and resolves once listening. */
export async function startServer(deps: ContainerDeps, port: number, host?: string): Promise<RunningServer> {
  const container = buildContainer(deps);
  const { hub, services } = container;
  const unlimitTransactions = limitTransactions(deps.db.sequelize, deps.config.transactionTimeoutMs);
  if (container.redis && !(await redisReady(container.redis))) container.logger.warn('redis is not answering; starting without it');
  await services.relay?.start();
  const server = http.createServer(createApp(container).callback());
  hub.attach(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  services.webhooks.start();
  return {
    http: server,
    container,
    hub,
    services,
    clock: container.clock,
    port: (server.address() as AddressInfo).port,
    close: async () => {
      await services.webhooks.stop();
      await services.slotHorizon.stop();
      await services.queue.close();
      await services.notices.dispatcher.close();
      await hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      unlimitTransactions();
      await services.relay?.close();
      // quit() waits for replies; while Redis is away it fails, and disconnect() then stops the reconnect attempts.
      await container.redis?.quit().catch(() => container.redis?.disconnect());
    },
  };
}
