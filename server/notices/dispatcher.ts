import { Op } from 'sequelize';
import { CATALOGUE, isLanguage, type Language } from '../../common/i18n';
import { NOTICE_TEXTS } from '../../common/i18n/notices';
import { roomIn } from '../../common/ticket-status';
import type { Logger } from '../logger';
import { QueueEntry, TicketNotice } from '../models';
import type { QueueReads } from '../queue/reads';
import type { LiveQueue } from '../queue/read-model/live-queue';
import type { QueueChange } from '../queue/types';
import { clinicDay } from '../services/clinic-time';
import type { PushSender, PushSubscriptionJson } from './push';
import { SmsError, type SmsGateway, type SmsKind } from './sms';

/** The two notices: 3rd in line (or nearer), and called. */
type Notice = 'third' | 'called';

/** The place at which a waiting patient is told to come back. */
export const NOTICE_PLACE = 3;

/** What the dispatcher works with. */
export interface DispatcherDeps {
  live: LiveQueue;
  reads: QueueReads;
  push: PushSender;
  sms: SmsGateway | null;
  clinicName: () => Promise<string>;
  logger: Logger;
  timeZone: string;
  now: () => Date;
  /** Waits before the retries of a send that met a network error (2, 10 and 30 s unless tests say otherwise). */
  retryDelaysMs?: number[];
}

const SENT_AT = { third: 'thirdSentAt', called: 'calledSentAt' } as const;
/** The ticket's status a notice still makes sense in: nothing is sent once the ticket has moved on or ended. */
const STILL = { third: 'waiting', called: 'called' } as const;
const SMS_KIND: Record<Notice, SmsKind> = { third: 'third_in_line', called: 'called' };
/** How long a push service keeps a notice for a phone that is off: after that it is no longer true. */
const TTL_SECONDS = { third: 15 * 60, called: 10 * 60 };
const ENDED = ['completed', 'cancelled'];

/**
 * Tells waiting patients who asked (issue 16). It hears every committed queue change of this server (the live read
 * model's listeners, like the broadcaster) and, for tickets with subscriptions in the changed queues, sends "you are
 * number N in line" once the place is 3 or less, and "please go to Room X" when called, each once.
 *
 * At most once: a notice is claimed by a conditional update of its `*_sent_at` column before it is sent, so two
 * servers (or two changes in quick succession) never both send it. A send that meets a network error is retried after
 * 2, 10 and 30 s while the ticket is still where the notice says; a push service answering 404 or 410 means the
 * subscription is gone, and it is deleted. Subscriptions of a finished or cancelled ticket are deleted with it, and
 * earlier days' once a day; a transfer carries them to the new ticket.
 */
export class NoticeDispatcher {
  private chain: Promise<void> = Promise.resolve();
  private readonly sending = new Set<Promise<void>>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private closed = false;
  /** The clinic day before which subscriptions were last deleted. */
  private purgedBefore: string | null = null;

  constructor(private readonly deps: DispatcherDeps) {}

  /** Takes one committed change (in order: each waits for the one before). */
  changed(change: QueueChange): void {
    this.enqueue(() => this.handle(change));
  }

  /** Looks at one queue now (a new subscription may already be due). */
  recheck(departmentId: number): void {
    this.enqueue(() => this.recheckQueue(departmentId));
  }

  /** Resolves once the changes taken so far are handled and their first sends done (tests wait on it). */
  async idle(): Promise<void> {
    await this.chain;
    await Promise.all([...this.sending]);
  }

  /** Stops: pending retries are dropped, sends under way are waited for. */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.idle();
  }

  private enqueue(step: () => Promise<void>): void {
    if (this.closed) return;
    this.chain = this.chain.then(step).catch((error) => this.deps.logger.error({ err: error }, 'ticket notices: handling a queue change failed'));
  }

  /**
   * One read per change serves all three jobs: the requests of tickets that ended (deleted), of the ticket just called
   * ("please go to Room X") and of the changed queues not yet told "3rd in line". A change that touches no request
   * costs that one read and no write.
   */
  private async handle(change: QueueChange): Promise<void> {
    for (const entry of change.entries) {
      // A transfer's new ticket (a new row continuing another): the patient's requests follow the visit, and the
      // new queue is a new wait, told again.
      if (entry.transferredFromId && entry.version === 0) {
        await TicketNotice.update(
          { queueEntryId: entry.id, departmentId: entry.departmentId, clinicDay: entry.clinicDay, thirdSentAt: null, calledSentAt: null },
          { where: { queueEntryId: entry.transferredFromId } },
        );
      }
    }
    const ended = change.entries.filter((entry) => ENDED.includes(entry.status)).map((entry) => entry.id);
    const called = change.called?.status === 'called' ? change.called : null;
    const day = await this.today();
    const notices = await TicketNotice.findAll({
      where: {
        [Op.or]: [
          ...(ended.length ? [{ queueEntryId: { [Op.in]: ended } }] : []),
          ...(called ? [{ queueEntryId: called.id }] : []),
          { departmentId: { [Op.in]: change.departmentIds }, clinicDay: day, thirdSentAt: null },
        ],
      },
    });
    const gone = notices.filter((n) => ended.includes(n.queueEntryId));
    if (gone.length) await TicketNotice.destroy({ where: { id: { [Op.in]: gone.map((n) => n.id) } } });
    const mine = called ? notices.filter((n) => n.queueEntryId === called.id && !ended.includes(n.queueEntryId)) : [];
    if (called && mine.length) await this.called(called, mine);
    const waiting = notices.filter((n) => n.thirdSentAt === null && n.clinicDay === day && !ended.includes(n.queueEntryId) && n.queueEntryId !== called?.id);
    await this.third(waiting);
  }

  /** `notices`: the called ticket's requests. */
  private async called(entry: QueueEntry, notices: TicketNotice[]): Promise<void> {
    const due = notices.filter((n) => n.calledSentAt === null);
    if (due.length) {
      const ticket = await this.deps.reads.ticketView(entry);
      const room = ticket.room ?? ticket.doctor?.room ?? null;
      for (const notice of due) {
        const language = languageOf(notice);
        const text = NOTICE_TEXTS[language].called(entry.token, room ? roomIn(CATALOGUE[language])(room) : null);
        if (await this.claim(notice, 'called')) this.deliver(notice, 'called', entry, text);
      }
    }
    // Called before reaching 3rd place (or called again after it): "3rd in line" would now be wrong.
    if (notices.some((n) => n.thirdSentAt === null)) {
      await TicketNotice.update({ thirdSentAt: this.deps.now() }, { where: { queueEntryId: entry.id, thirdSentAt: null } });
    }
  }

  /** Reads one queue's requests not yet told "3rd in line" and tells those now at place 3 or nearer. */
  private async recheckQueue(departmentId: number): Promise<void> {
    const day = await this.today();
    await this.third(await TicketNotice.findAll({ where: { departmentId, clinicDay: day, thirdSentAt: null } }));
  }

  /** `notices`: requests of waiting tickets not yet told "3rd in line". */
  private async third(notices: TicketNotice[]): Promise<void> {
    const now = this.deps.now();
    for (const notice of notices) {
      const rank = await this.deps.live.rank(notice.departmentId, notice.queueEntryId, now);
      if (!rank || rank.position > NOTICE_PLACE) continue;
      const text = NOTICE_TEXTS[languageOf(notice)].third(rank.entry.token, rank.position);
      if (await this.claim(notice, 'third')) this.deliver(notice, 'third', rank.entry, text);
    }
  }

  /** Today's clinic day, deleting earlier days' requests first when the day has turned. */
  private async today(): Promise<string> {
    const day = clinicDay(this.deps.now(), this.deps.timeZone);
    if (this.purgedBefore !== day) await this.purge(day);
    return day;
  }

  /**
   * Deletes the requests of days before `day` (tickets left as no-shows keep theirs, and they hold phones). Only a
   * read when there are none, so a busy queue's first change of the day adds no write; a failure is tried next change.
   */
  private async purge(day: string): Promise<void> {
    const earlier = { clinicDay: { [Op.lt]: day } };
    try {
      if (await TicketNotice.findOne({ where: earlier, attributes: ['id'] })) await TicketNotice.destroy({ where: earlier });
      this.purgedBefore = day;
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'ticket notices: deleting earlier days\' requests failed; will try again');
    }
  }

  /** Marks the notice sent unless someone already did: true for the one who may send it. */
  private async claim(notice: TicketNotice, kind: Notice): Promise<boolean> {
    const column = SENT_AT[kind];
    const [claimed] = await TicketNotice.update({ [column]: this.deps.now() }, { where: { id: notice.id, [column]: null } });
    return claimed === 1;
  }

  /** Sends in the background, with the retries, so one slow push service never holds up the queue's other notices. */
  private deliver(notice: TicketNotice, kind: Notice, entry: QueueEntry, text: string): void {
    const delays = this.deps.retryDelaysMs ?? [2_000, 10_000, 30_000];
    const attempt = async (tries: number): Promise<void> => {
      if (tries > 0) {
        const current = await QueueEntry.findByPk(entry.id, { attributes: ['id', 'status'] });
        if (current?.status !== STILL[kind]) return;
      }
      const outcome = await this.sendOnce(notice, kind, entry, text);
      if (outcome === 'gone') await TicketNotice.destroy({ where: { id: notice.id } });
      if (outcome === 'retry' && tries < delays.length && !this.closed) {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.track(attempt(tries + 1));
        }, delays[tries]);
        this.timers.add(timer);
      } else if (outcome !== 'sent') {
        this.deps.logger.warn({ notice: notice.id, channel: notice.channel, kind, outcome }, 'ticket notice not delivered');
      }
    };
    this.track(attempt(0));
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch((error) => this.deps.logger.error({ err: error, kind: 'ticket-notice' }, 'ticket notice failed'));
    this.sending.add(tracked);
    void tracked.finally(() => this.sending.delete(tracked));
  }

  private async sendOnce(notice: TicketNotice, kind: Notice, entry: QueueEntry, text: string): Promise<'sent' | 'gone' | 'retry' | 'failed'> {
    const clinic = await this.deps.clinicName();
    if (notice.channel === 'push') {
      const language = languageOf(notice);
      const payload = { title: clinic, body: text, url: `/t/${entry.publicCode}`, tag: `ticket-${entry.publicCode}`, lang: language, dir: CATALOGUE[language].dir };
      return this.deps.push.send(JSON.parse(notice.target) as PushSubscriptionJson, payload, TTL_SECONDS[kind]);
    }
    if (!this.deps.sms) return 'failed';
    try {
      await this.deps.sms.send({ to: notice.target, text: `${clinic}: ${text}`, language: notice.language, kind: SMS_KIND[kind] });
      return 'sent';
    } catch (error) {
      return error instanceof SmsError && !error.retryable ? 'failed' : 'retry';
    }
  }
}

function languageOf(notice: TicketNotice): Language {
  return isLanguage(notice.language) ? notice.language : 'en';
}
