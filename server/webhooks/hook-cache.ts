import type { Transaction } from 'sequelize';
import type { WebhookEvent } from '../../common/webhooks';
import { Webhook } from '../models';

/**
 * How long "this clinic has no active webhook" is trusted without asking the database again. Every queue change
 * writes its outbox rows inside its own transaction, so without this a clinic with no hooks (most of them) pays a
 * read of `webhooks` inside every call's transaction, on the way to every display. A hook made on this server ends
 * the trust at once (after its commit); one made on another server is seen within this time, so its first events
 * on this server may be missed for as long (sessions are trusted for as long: see auth.ts).
 */
export const NO_HOOKS_TRUST_MS = 5000;

/** Until when (performance.now()) "no active hook" is trusted, and when a hook last changed. */
let noHooksUntil = 0;
let lastChange = 0;

/** The active hooks subscribed to `event`, read inside `transaction`; none, without a read, while trusted to be none. */
export async function subscribedHooks(event: WebhookEvent, transaction: Transaction): Promise<Webhook[]> {
  if (performance.now() < noHooksUntil) return [];
  const started = performance.now();
  const hooks = await Webhook.findAll({ where: { active: true }, transaction });
  // Only a read that began after the last change may start the trust (a change may commit while this one runs).
  if (!hooks.length && started >= lastChange) noHooksUntil = started + NO_HOOKS_TRUST_MS;
  return hooks.filter((hook) => hook.eventList().includes(event));
}

/** A hook was made, changed or deleted: ask the database next time (once `transaction`, if any, has committed). */
export function forgetNoWebhooks(transaction?: Transaction | null): void {
  const forget = () => {
    noHooksUntil = 0;
    lastChange = performance.now();
  };
  forget();
  transaction?.afterCommit(forget);
}
