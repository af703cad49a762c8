import type { Transaction } from 'sequelize';
import type { QueueEntry } from '../models';
import type { QueueChange } from '../queue/types';
import { enqueueEvent, type EventData } from './outbox';
import type { WebhookEvent } from '../../common/webhooks';

/** The public-safe part of a ticket (no patient, no walk-in's name or phone) and, for clinical hooks, the patient. */
function ticketData(entry: QueueEntry, extra: Record<string, unknown>): EventData {
  return {
    public: {
      ticketId: entry.id,
      token: entry.token,
      clinicDay: entry.clinicDay,
      departmentId: entry.departmentId,
      doctorId: entry.doctorId,
      priority: entry.priority,
      ...extra,
    },
    clinical: { patientId: entry.patientId, encounter: `Encounter/${entry.id}` },
  };
}

/** The webhook events one queue change stands for. */
export function eventsOf(change: QueueChange): { event: WebhookEvent; data: EventData }[] {
  const events: { event: WebhookEvent; data: EventData }[] = [];
  for (const entry of change.entries) {
    // A new row (the engine's entries start at version 0): a check-in, or the new ticket a transfer issues.
    if (entry.status === 'waiting' && entry.version === 0) events.push({ event: 'ticket.created', data: ticketData(entry, { checkedInAt: entry.checkedInAt.toISOString() }) });
    if (entry.status === 'completed' && entry.completedAt) events.push({ event: 'visit.completed', data: ticketData(entry, { completedAt: entry.completedAt.toISOString() }) });
  }
  if (change.called?.calledAt) events.push({ event: 'ticket.called', data: ticketData(change.called, { calledAt: change.called.calledAt.toISOString(), recall: change.called.recallCount > 0 }) });
  return events;
}

/**
 * Turns the queue engine's changes into webhook outbox rows in the same transaction. The engine tells its notifier
 * synchronously; `collect` keeps the changes per transaction and `flush`, awaited by queueTransaction before the
 * commit, writes them. A transaction that rolls back never reaches `flush`, and its changes go with it.
 */
export class QueueOutbox {
  private readonly pending = new WeakMap<Transaction, QueueChange[]>();

  constructor(private readonly now: () => Date) {}

  /** Notes a change made inside `transaction`. */
  collect(transaction: Transaction, change: QueueChange): void {
    const list = this.pending.get(transaction) ?? [];
    list.push(change);
    this.pending.set(transaction, list);
  }

  /** Writes the outbox rows of the changes noted for `transaction`. */
  async flush(transaction: Transaction): Promise<void> {
    const changes = this.pending.get(transaction);
    if (!changes) return;
    this.pending.delete(transaction);
    for (const { event, data } of changes.flatMap(eventsOf)) await enqueueEvent(transaction, event, data, this.now());
  }
}
