import { randomBytes } from 'node:crypto';
import { fn, col, type Sequelize } from 'sequelize';
import type { WebhookEvent, WebhookView } from '../../common/webhooks';
import { notFound } from '../errors';
import { Webhook, WebhookDelivery } from '../models';
import { audit } from '../services/audit';

/** The admin who acts, and from where. */
export interface HookActor {
  userId: number;
  ip?: string;
}

function present(hook: Webhook, pending: number): WebhookView {
  return {
    id: hook.id,
    url: hook.url,
    events: hook.eventList() as WebhookEvent[],
    clinical: hook.clinical,
    active: hook.active,
    lastStatus: hook.lastStatus,
    lastAttemptAt: hook.lastAttemptAt?.toISOString() ?? null,
    pending,
  };
}

/** Registered webhooks (issue 16): an admin lists, adds and removes them; both changes are audited. */
export class WebhookService {
  constructor(private readonly sequelize: Sequelize) {}

  /** Every hook with its last delivery outcome and how many deliveries wait. */
  async list(): Promise<WebhookView[]> {
    const hooks = await Webhook.findAll({ order: [['id', 'ASC']] });
    const waiting = (await WebhookDelivery.findAll({
      attributes: ['webhookId', [fn('COUNT', col('id')), 'n']],
      where: { deliveredAt: null, failedAt: null },
      group: ['webhookId'],
      raw: true,
    })) as unknown as { webhookId: number; n: number | string }[];
    const pending = new Map(waiting.map((w) => [w.webhookId, Number(w.n)]));
    return hooks.map((hook) => present(hook, pending.get(hook.id) ?? 0));
  }

  /** Registers a hook; its signing secret is returned once. */
  async create(input: { url: string; events: WebhookEvent[]; clinical: boolean }, actor: HookActor): Promise<{ webhook: WebhookView; secret: string }> {
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const hook = await this.sequelize.transaction(async (transaction) => {
      const created = await Webhook.create(
        { url: input.url, events: [...new Set(input.events)].join(' '), clinical: input.clinical, secret, createdBy: actor.userId },
        { transaction },
      );
      await audit({ userId: actor.userId, action: 'webhook.create', entityType: 'webhook', entityId: created.id, ip: actor.ip, details: { url: input.url, events: input.events, clinical: input.clinical } }, transaction);
      return created;
    });
    return { webhook: present(hook, 0), secret };
  }

  /** Removes a hook and its undelivered deliveries. */
  async remove(id: number, actor: HookActor): Promise<void> {
    await this.sequelize.transaction(async (transaction) => {
      const hook = await Webhook.findByPk(id, { transaction });
      if (!hook) throw notFound('That webhook');
      await WebhookDelivery.destroy({ where: { webhookId: id }, transaction });
      await hook.destroy({ transaction });
      await audit({ userId: actor.userId, action: 'webhook.delete', entityType: 'webhook', entityId: id, ip: actor.ip, details: { url: hook.url } }, transaction);
    });
  }
}
