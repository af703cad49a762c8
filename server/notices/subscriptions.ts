import { createHash } from 'node:crypto';
import { UniqueConstraintError } from 'sequelize';
import type { NoticeChannel, NoticeRequest, TicketNoticesView } from '../../common/notices';
import { isLanguage, type Language } from '../../common/i18n';
import { AppError, conflict, notFound, validationFailed } from '../errors';
import { TicketNotice, type QueueEntry } from '../models';
import type { QueueReads } from '../queue/reads';
import { clinicDay } from '../services/clinic-time';
import { ticketLanguage } from '../services/patient-languages';
import { pushEndpointAllowed, type PushSender } from './push';
import type { SmsGateway } from './sms';

/** What the subscriptions are kept against. */
export interface SubscriptionDeps {
  reads: QueueReads;
  push: PushSender;
  sms: SmsGateway | null;
  timeZone: string;
  now: () => Date;
  /** Tests only: a push endpoint on this machine is accepted. */
  allowLocalPush: boolean;
  /** Looks at one department at once, so a ticket already 3rd in line is told straight away. */
  recheck: (departmentId: number) => void;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * A patient's requests to be told, by ticket code (the code in the ticket page's address is the only key, so nothing
 * here names the patient). Only a waiting ticket of today takes one.
 */
export class NoticeSubscriptions {
  constructor(private readonly deps: SubscriptionDeps) {}

  /** What this ticket's page may offer, and what is on. */
  async status(code: string): Promise<TicketNoticesView> {
    return this.view(await this.ticket(code));
  }

  /** Turns on one way of being told; asking twice changes nothing (a new push key replaces the old one). */
  async subscribe(code: string, request: NoticeRequest): Promise<TicketNoticesView> {
    const entry = await this.ticket(code);
    if (entry.status !== 'waiting') throw conflict('ticket_ended', 'This ticket is no longer waiting, so there is nothing left to tell you.');
    const language: Language = request.language && isLanguage(request.language) ? request.language : ((await ticketLanguage(entry.id)) ?? 'en');
    let target: string;
    let key: string;
    if (request.channel === 'push') {
      const { endpoint, keys } = request.subscription;
      if (!pushEndpointAllowed(endpoint, this.deps.allowLocalPush)) {
        throw validationFailed([{ path: 'subscription.endpoint', message: 'That is not the address of a push service.' }]);
      }
      target = JSON.stringify({ endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } });
      key = sha256(endpoint);
    } else {
      if (!this.deps.sms) throw conflict('notices_unavailable', 'This clinic does not send text messages.');
      if (!entry.contactPhone) throw new AppError(422, 'no_phone', 'No phone number was given for this ticket at the kiosk, so we cannot send a text.');
      target = entry.contactPhone;
      key = sha256(target);
    }
    await this.keep(entry, request.channel, target, key, language);
    this.deps.recheck(entry.departmentId);
    return this.view(entry);
  }

  private async keep(entry: QueueEntry, channel: NoticeChannel, target: string, targetKey: string, language: Language): Promise<void> {
    const where = { queueEntryId: entry.id, channel, targetKey };
    const existing = await TicketNotice.findOne({ where });
    if (existing) {
      await existing.update({ target, language });
      return;
    }
    try {
      await TicketNotice.create({ ...where, target, language, departmentId: entry.departmentId, clinicDay: entry.clinicDay });
    } catch (error) {
      // The same request twice at once (a double tap): the unique key kept one; it gets this one's details.
      if (!(error instanceof UniqueConstraintError)) throw error;
      await TicketNotice.update({ target, language }, { where });
    }
  }

  /** The ticket behind `code` (the newest after a transfer), if it is today's. */
  private async ticket(code: string): Promise<QueueEntry> {
    const found = await this.deps.reads.ticket(code);
    if (!found || found.entry.clinicDay < clinicDay(this.deps.now(), this.deps.timeZone)) throw notFound('That ticket');
    return found.entry;
  }

  private async view(entry: QueueEntry): Promise<TicketNoticesView> {
    const rows = await TicketNotice.findAll({ where: { queueEntryId: entry.id }, attributes: ['channel'] });
    const waiting = entry.status === 'waiting';
    return {
      push: { available: waiting, publicKey: await this.deps.push.publicKey() },
      sms: { available: waiting && Boolean(this.deps.sms && entry.contactPhone) },
      on: [...new Set(rows.map((row) => row.channel))],
    };
  }
}
