import type { Transaction } from 'sequelize';
import type { WebhookEnvelope, WebhookEvent } from '../../common/webhooks';
import { WebhookDelivery, type Appointment, type TimeSlot } from '../models';
import { subscribedHooks } from './hook-cache';

/** An event's data: what anyone may see, and what only hooks marked clinical get on top. */
export interface EventData {
  public: Record<string, unknown>;
  clinical?: Record<string, unknown>;
}

/**
 * Writes one outbox row per active hook subscribed to `event`, inside `transaction` (the change's own): the rows
 * commit with the change or not at all. The body is built here, once, and sent as is on every attempt (the signature
 * covers exactly these bytes). A hook not marked clinical gets `data.public` only.
 */
export async function enqueueEvent(transaction: Transaction, event: WebhookEvent, data: EventData, now: Date): Promise<void> {
  const subscribed = await subscribedHooks(event, transaction);
  if (!subscribed.length) return;
  for (const hook of subscribed) {
    const row = await WebhookDelivery.create({ webhookId: hook.id, event, body: '{}', nextAttemptAt: now }, { transaction });
    const envelope: WebhookEnvelope = {
      id: row.id,
      event,
      occurredAt: now.toISOString(),
      data: hook.clinical ? { ...data.public, ...data.clinical } : data.public,
    };
    await row.update({ body: JSON.stringify(envelope) }, { transaction });
  }
}

/** An appointment event's data: the doctor and the time for anyone, the patient and reason for clinical hooks. */
export function appointmentEvent(appointment: Appointment, slot: TimeSlot): EventData {
  return {
    public: { appointmentId: appointment.id, doctorId: appointment.doctorId, slotId: slot.id, startsAt: new Date(slot.startsAt).toISOString(), status: appointment.status },
    clinical: { patientId: appointment.patientId, reason: appointment.reason, cancellationReason: appointment.cancellationReason },
  };
}
