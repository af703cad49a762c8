import { NOTICE_TEXTS, type NoticeTexts } from '../../common/i18n/notices';
import type { Language } from '../../common/i18n';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { TicketNotice, type QueueEntry } from '../models';
import type { Queue } from '../queue';
import { NoticeDispatcher } from './dispatcher';
import { PushSender } from './push';
import { smsGatewayFrom, type SmsGateway } from './sms';
import { NoticeSubscriptions } from './subscriptions';

/** Test hooks for notices, given through ContainerDeps (never settings: production has no use for them). */
export interface NoticeTestOptions {
  /** Accept push endpoints on this machine (a test's own fake push service). */
  allowLocalPush?: boolean;
  retryDelaysMs?: number[];
}

/** What the ticket page's "Notify me" block is rendered from; null when the ticket is past asking. */
export interface NoticeBlock {
  t: NoticeTexts;
  publicKey: string;
  sms: boolean;
  smsOn: boolean;
}

/** Notices to waiting patients (issue 16), assembled: the requests, the dispatcher, and the two ways out. */
export interface Notices {
  subscriptions: NoticeSubscriptions;
  dispatcher: NoticeDispatcher;
  push: PushSender;
  /** The clinic's SMS gateway (SMS_GATEWAY_URL), or null: the patient dashboard's codes use it too. */
  sms: SmsGateway | null;
  /** The ticket page's block for `entry`, in `language`. */
  block(entry: QueueEntry, language: Language): Promise<NoticeBlock | null>;
}

/** Builds the notices over the queue and hooks the dispatcher to its committed changes. */
export function createNotices(
  deps: { config: Readonly<Config>; queue: Queue; logger: Logger; now: () => Date; clinicName: () => Promise<string> },
  options: NoticeTestOptions = {},
): Notices {
  const { config, queue } = deps;
  const push = new PushSender(config.vapidSubject, undefined, options.allowLocalPush ?? false);
  const sms = smsGatewayFrom(config);
  const dispatcher = new NoticeDispatcher({
    live: queue.live,
    reads: queue.reads,
    push,
    sms,
    clinicName: deps.clinicName,
    logger: deps.logger,
    timeZone: config.clinicTimeZone,
    now: deps.now,
    retryDelaysMs: options.retryDelaysMs,
  });
  queue.live.onChange((change) => dispatcher.changed(change));
  const subscriptions = new NoticeSubscriptions({
    reads: queue.reads,
    push,
    sms,
    timeZone: config.clinicTimeZone,
    now: deps.now,
    allowLocalPush: options.allowLocalPush ?? false,
    recheck: (departmentId) => dispatcher.recheck(departmentId),
  });
  return {
    subscriptions,
    dispatcher,
    push,
    sms,
    block: async (entry, language) => {
      if (entry.status !== 'waiting') return null;
      const offered = Boolean(sms && entry.contactPhone);
      const smsOn = offered && (await TicketNotice.count({ where: { queueEntryId: entry.id, channel: 'sms' } })) > 0;
      return { t: NOTICE_TEXTS[language], publicKey: await push.publicKey(), sms: offered, smsOn };
    },
  };
}
