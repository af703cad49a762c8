import type { Transaction } from 'sequelize';
import type { Channel } from '../../../common/protocol';
import type { Logger } from '../../logger';
import type { Department, QueueEntry } from '../../models';
import type { DepartmentState, QueueChange, QueueNotifier } from '../types';
import type { RealtimeHub } from '../../realtime/hub';
import { boardMessage, departmentQueueMessage, doctorQueueMessage, ticketMessage, tokenCalledMessage } from './messages';
import { displayDepartments, type QueueReads } from '../reads';
import { RECEPTION_CHANNEL } from './reception';

const idOf = (channel: Channel) => channel.slice(channel.indexOf(':') + 1);

/**
 * Turns committed queue changes into channel messages. A call is announced (`token_called`) as soon as it commits,
 * from the entry the engine hands over; then each changed department is read once and one message is built per
 * affected channel (not per client). Refreshes of one department run one after another and coalesce: changes that
 * commit while a refresh is waiting to start are covered by that one refresh, so a burst of check-ins costs a few
 * reads, not one each, and the last message on every channel still reflects the last commit.
 */
export class QueueBroadcaster implements QueueNotifier {
  private readonly running = new Map<number, Promise<void>>();
  /** Departments with a refresh queued but not yet started. */
  private readonly queued = new Set<number>();
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
      if (change.called) this.announce(change.called);
      for (const departmentId of new Set(change.departmentIds)) this.schedule(departmentId);
    });
  }

  /** Resolves once every broadcast scheduled so far has gone out (for orderly shutdown and tests). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running.values()]);
  }

  /** Publishes a call to its department and the displays showing it, without waiting for any read. */
  private announce(entry: QueueEntry): void {
    const { doctor, department } = entry;
    if (!doctor || !department) {
      this.logger.warn({ entryId: entry.id }, 'a called entry came without its doctor or department; not announced');
      return;
    }
    const displays = this.hub.subscribedChannels('display').filter((c) => this.displayCovers(c, department.id));
    for (const channel of [`department:${department.id}` as Channel, ...displays]) {
      this.hub.publish(tokenCalledMessage(channel, entry, doctor, department));
    }
  }

  private schedule(departmentId: number): void {
    if (this.queued.has(departmentId)) return;
    this.queued.add(departmentId);
    const run = (this.running.get(departmentId) ?? Promise.resolve())
      .then(() => {
        // From here on, a new commit needs a new refresh: this one may already have read past it.
        this.queued.delete(departmentId);
        return this.refresh(departmentId);
      })
      .catch((error) => this.logger.error({ err: error, departmentId }, 'queue broadcast failed'));
    this.running.set(departmentId, run);
    void run.then(() => {
      if (this.running.get(departmentId) === run) this.running.delete(departmentId);
    });
  }

  private async refresh(departmentId: number): Promise<void> {
    const state = await this.reads.state(departmentId);
    const [department] = await this.reads.departments([departmentId]);
    if (!department) return;
    const displays = this.hub
      .subscribedChannels('display')
      .filter((channel) => this.displayCovers(channel, departmentId));

    this.hub.publish(departmentQueueMessage(`department:${departmentId}`, state));
    for (const channel of this.hub.subscribedChannels('doctor')) {
      const doctor = state.doctors.get(Number(idOf(channel)))?.doctor;
      if (doctor) this.hub.publish(doctorQueueMessage(channel, state, doctor));
    }
    this.reads.forgetBoards(departmentId);
    await this.publishBoards(displays, departmentId, state);
    await this.publishTickets(departmentId, state, department);
    // Last: the desk can wait a few milliseconds more than a waiting-room display.
    await this.publishArrivals(departmentId);
  }

  /** The reception desk's rows for the department (names: staff channel only), when a desk is watching. */
  private async publishArrivals(departmentId: number): Promise<void> {
    if (!this.hub.subscribedChannels('reception').includes(RECEPTION_CHANNEL)) return;
    const { day, arrivals } = await this.reads.arrivals(departmentId);
    this.hub.publish({ type: 'arrivals_update', channel: RECEPTION_CHANNEL, day, departmentId, arrivals });
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
      const board = boardMessage(channel, departments, boardStates);
      this.reads.rememberBoard(board);
      this.hub.publish(board);
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
