import type { Sequelize } from 'sequelize';
import type { WalkInCheckInRequest } from '../../common/api';
import type { Logger } from '../logger';
import type { QueueEntry } from '../models';
import type { Actor } from './types';
import type { RealtimeHub } from '../realtime/hub';
import type { PhoneCountrySource } from '../services/phone';
import { queueActionHandler } from './channels/actions';
import { QueueBroadcaster } from './channels/broadcaster';
import { ReceptionAlerts } from './channels/reception';
import { registerQueueChannels } from './channels/register';
import { QueueService } from './commands/steps';
import { walkIn } from './commands/walk-in';
import { EstimateLog } from './estimate-log';
import { LiveQueue } from './read-model/live-queue';
import { QueueReads } from './reads';
import type { QueueNotifier } from './types';
import { QueueOutbox } from '../webhooks/queue-events';
import { systemNow } from '../clock';

/**
 * The queue, assembled: the engine's commands (QueueService), the live read model they feed, the reads every
 * screen's answer is built from, and the channels that carry it (queue, display, ticket and reception channels on
 * the hub, staff actions over the socket). REST routes and socket handlers call into this and nothing below it.
 */
export interface Queue {
  service: QueueService;
  live: LiveQueue;
  reads: QueueReads;
  broadcaster: QueueBroadcaster;
  alerts: ReceptionAlerts;
  /** Keeps the estimate each patient was shown at check-in, for reports. */
  estimates: EstimateLog;
  /** A walk-in by anyone, under one set of rules (commands/walk-in.ts). `now` is the clock for opening hours. */
  walkIn(input: WalkInCheckInRequest, actor: Actor, now?: () => Date): Promise<QueueEntry>;
  /** Waits for the broadcasts under way and removes the read model's hooks. */
  close(): Promise<void>;
}

/** What the queue is built from. */
export interface QueueDeps {
  sequelize: Sequelize;
  timeZone: string;
  /** The country phone numbers typed without a country code belong to (absent: the time zone's). */
  country?: PhoneCountrySource;
  hub: RealtimeHub;
  logger: Logger;
  now?: () => Date;
}

/** Builds the queue in dependency order: read model, engine, reads, broadcaster; then registers its channels. */
export function createQueue(deps: QueueDeps): Queue {
  const now = deps.now ?? (systemNow);
  const live = new LiveQueue(deps.timeZone, now, deps.logger);
  // The engine's changes go to the live model (after commit) and to the webhook outbox (inside the transaction).
  const outbox = new QueueOutbox(now);
  const notifier: QueueNotifier = {
    changed(transaction, change) {
      live.changed(transaction, change);
      outbox.collect(transaction, change);
    },
  };
  const service = new QueueService(
    deps.sequelize,
    { timeZone: deps.timeZone, live, country: deps.country, beforeCommit: (transaction) => outbox.flush(transaction) },
    notifier,
    now,
  );
  const reads = new QueueReads(service, live, deps.timeZone, now);
  const broadcaster = new QueueBroadcaster(deps.hub, reads, deps.logger);
  live.onChange((change) => broadcaster.changed(change));
  const estimates = new EstimateLog(live, deps.logger);
  live.onChange((change) => estimates.changed(change));
  registerQueueChannels(deps.hub, reads);
  deps.hub.onAction(queueActionHandler(service, reads));
  const alerts = new ReceptionAlerts(deps.hub, deps.timeZone, now, () => reads.arrivals());
  alerts.register();
  return {
    service,
    live,
    reads,
    broadcaster,
    alerts,
    estimates,
    walkIn: (input, actor, clock = now) => walkIn({ queue: service, live, alerts, now: clock, timeZone: deps.timeZone }, input, actor),
    close: async () => {
      await service.idle();
      broadcaster.close();
      await broadcaster.idle();
      await estimates.close();
      live.close();
    },
  };
}
