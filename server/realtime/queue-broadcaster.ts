import type { Transaction } from 'sequelize';
import type { Channel } from '../../common/protocol';
import type { Logger } from '../logger';
import type { Department, QueueEntry } from '../models';
import type { DepartmentState, QueueChange, QueueNotifier } from '../services/queue/types';
import type { RealtimeHub } from './hub';
import { boardMessage, departmentQueueMessage, doctorQueueMessage, ticketMessage, tokenCalledMessage } from './queue-messages';
import { displayDepartments, type QueueReads } from './queue-reads';

const idOf = (channel: Channel) => channel.slice(channel.indexOf(':') + 1);

/**
 * Turns committed queue changes into channel messages. Each change reads its department once and builds one
 * message per affected channel (not per client). Refreshes of one department run one after another, so the last
 * message on every channel always reflects the last commit.
 */
export class QueueBroadcaster implements QueueNotifier {
  private readonly tails = new Map<number, Promise<void>>();
  /** Which department each watched ticket is in, so a change only rebuilds the tickets it can affect. */
  private readonly ticketDepartments = new Map<string, number>();

  constructor(
    private readonly hub: RealtimeHub,
    private readonly reads: QueueReads,
    private readonly logger: Logger,
  ) {}

  /** Schedules the broadcast for after commit: a rolled-back step never reaches a screen. */
  changed(transaction: Transaction, change: QueueChange): void {
    transaction.afterCommit(() => {
      for (const departmentId of new Set(change.departmentIds)) {
        this.enqueue(departmentId, change.called?.departmentId === departmentId ? change.called : undefined);
      }
    });
  }

  /** Resolves once every broadcast scheduled so far has gone out (for orderly shutdown and tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.tails.values()]);
  }

  private enqueue(departmentId: number, called?: QueueEntry): void {
    const tail = (this.tails.get(departmentId) ?? Promise.resolve())
      .then(() => this.refresh(departmentId, called))
      .catch((error) => this.logger.error({ err: error, departmentId }, 'queue broadcast failed'));
    this.tails.set(departmentId, tail);
    void tail.then(() => {
      if (this.tails.get(departmentId) === tail) this.tails.delete(departmentId);
    });
  }

  private async refresh(departmentId: number, called?: QueueEntry): Promise<void> {
    const state = await this.reads.state(departmentId);
    const [department] = await this.reads.departments([departmentId]);
    if (!department) return;
    const displays = this.hub
      .subscribedChannels('display')
      .filter((channel) => this.displayCovers(channel, departmentId));

    if (called?.doctorId) {
      const doctor = state.doctors.get(called.doctorId)?.doctor ?? (await this.reads.doctor(called.doctorId));
      if (doctor) {
        for (const channel of [`department:${departmentId}` as Channel, ...displays]) {
          this.hub.publish(tokenCalledMessage(channel, called, doctor, department));
        }
      }
    }

    this.hub.publish(departmentQueueMessage(`department:${departmentId}`, state));
    for (const channel of this.hub.subscribedChannels('doctor')) {
      const doctor = state.doctors.get(Number(idOf(channel)))?.doctor;
      if (doctor) this.hub.publish(doctorQueueMessage(channel, state, doctor));
    }
    await this.publishBoards(displays, departmentId, state);
    await this.publishTickets(departmentId, state, department);
  }

  private displayCovers(channel: Channel, departmentId: number): boolean {
    const ids = displayDepartments(idOf(channel));
    return ids === 'all' || (ids?.includes(departmentId) ?? false);
  }

  private async publishBoards(displays: Channel[], departmentId: number, state: DepartmentState): Promise<void> {
    if (!displays.length) return;
    // Displays showing the same departments share one read of each.
    const states = new Map<number, Promise<DepartmentState>>([[departmentId, Promise.resolve(state)]]);
    for (const channel of displays) {
      const departments = await this.reads.departments(displayDepartments(idOf(channel))!);
      const boardStates = await Promise.all(
        departments.map((d) => {
          if (!states.has(d.id)) states.set(d.id, this.reads.state(d.id));
          return states.get(d.id)!;
        }),
      );
      this.hub.publish(boardMessage(channel, departments, boardStates));
    }
  }

  private async publishTickets(departmentId: number, state: DepartmentState, department: Department): Promise<void> {
    const tickets = this.hub.subscribedChannels('ticket');
    if (!tickets.length) return;
    // Most watched tickets are in the state just read; only the rest (finished, transferred) cost a query.
    const inState = new Map<string, QueueEntry>();
    for (const { entry } of state.waiting) inState.set(entry.publicCode, entry);
    for (const { current } of state.doctors.values()) if (current) inState.set(current.publicCode, current);
    for (const entry of state.recentCalls) if (entry.status !== 'transferred') inState.set(entry.publicCode, entry);

    for (const channel of tickets) {
      const code = idOf(channel);
      const known = this.ticketDepartments.get(code);
      if (known !== undefined && known !== departmentId) continue;
      const found = inState.has(code) ? { entry: inState.get(code)!, transferredTo: null } : await this.reads.ticket(code);
      if (!found) continue;
      this.ticketDepartments.set(code, found.entry.departmentId);
      if (found.entry.departmentId === departmentId) {
        this.hub.publish(ticketMessage(channel, found.entry, state, department, found.transferredTo));
      } else {
        // Transferred to another department: place it in that department's order.
        const [other] = await this.reads.departments([found.entry.departmentId]);
        if (other) this.hub.publish(ticketMessage(channel, found.entry, await this.reads.state(other.id), other, found.transferredTo));
      }
    }
    // Forget tickets nobody watches any more, so the map does not grow for weeks.
    const watched = new Set(tickets.map(idOf));
    for (const code of this.ticketDepartments.keys()) if (!watched.has(code)) this.ticketDepartments.delete(code);
  }
}
