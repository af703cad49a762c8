import { Op } from 'sequelize';
import type { StaffQueueEntry } from '../../common/api';
import type { ReceptionArrivalsResponse } from '../../common/reception';
import { Appointment, Department, DoctorProfile, Patient, QueueEntry, TimeSlot, User } from '../models';
import { presentStaffEntry, rankOf } from './presenters';
import { presentArrival } from '../presenters/reception';
import { clinicDay } from '../services/clinic-time';
import { entryIncludes } from './commands/entries';
import type { BoardUpdateMessage, Channel } from '../../common/protocol';
import type { Unsequenced } from '../realtime/hub';
import { boardMessage } from './channels/messages';
import { departmentState } from './read-model/figures';
import type { QueueService } from './commands/steps';
import type { DepartmentState } from './types';

/** The reads behind every queue channel, shared by the channel providers (snapshots) and the broadcaster (events). */
export class QueueReads {
  /**
   * Display boards by channel, kept until one of their departments changes: after a server restart every display
   * subscribes within seconds, and they should share one read, not make one each.
   */
  private readonly boards = new Map<Channel, Promise<Unsequenced<BoardUpdateMessage>>>();

  constructor(
    private readonly queue: QueueService,
    private readonly timeZone: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** One department's clinic day as the screens show it. */
  state(departmentId: number): Promise<DepartmentState> {
    return departmentState(departmentId, { timeZone: this.timeZone, now: this.now() });
  }

  /** The board of a `display:` channel, from the cache or read once for everyone asking at the same time. */
  board(channel: Channel): Promise<Unsequenced<BoardUpdateMessage>> {
    let board = this.boards.get(channel);
    if (!board) {
      board = this.readBoard(channel);
      this.boards.set(channel, board);
      board.catch(() => {
        if (this.boards.get(channel) === board) this.boards.delete(channel);
      });
    }
    return board;
  }

  /** Keeps a board just built for an event, so the next display to subscribe gets it without a read. */
  rememberBoard(message: Unsequenced<BoardUpdateMessage>): void {
    this.boards.set(message.channel, Promise.resolve(message));
  }

  /** Drops the cached boards that show `departmentId`, because it changed. */
  forgetBoards(departmentId: number): void {
    for (const channel of this.boards.keys()) {
      const ids = displayDepartments(channel.slice(channel.indexOf(':') + 1));
      if (ids === 'all' || ids?.includes(departmentId)) this.boards.delete(channel);
    }
  }

  private async readBoard(channel: Channel): Promise<Unsequenced<BoardUpdateMessage>> {
    const departments = await this.departments(displayDepartments(channel.slice(channel.indexOf(':') + 1)) ?? []);
    const states = await Promise.all(departments.map((d) => this.state(d.id)));
    return boardMessage(channel, departments, states);
  }

  /** Active departments by id (or all of them), in name order. */
  departments(ids: number[] | 'all'): Promise<Department[]> {
    return Department.findAll({
      where: ids === 'all' ? { active: true } : { id: { [Op.in]: ids } },
      order: [['name', 'ASC']],
    });
  }

  /** A doctor with their staff account (for the name). */
  doctor(id: number): Promise<DoctorProfile | null> {
    return DoctorProfile.findByPk(id, { include: [{ model: User, as: 'user' }] });
  }

  /** The doctor profile of a staff user, if they are a doctor. */
  doctorOfUser(userId: number): Promise<DoctorProfile | null> {
    return DoctorProfile.findOne({ where: { userId } });
  }

  /** An entry as staff see it right after a step: reloaded with its patient and appointment, and placed in line. */
  async staffEntry(entry: QueueEntry): Promise<StaffQueueEntry> {
    const [full, state] = await Promise.all([
      QueueEntry.findByPk(entry.id, {
        include: [
          { model: Patient, as: 'patient' },
          { model: Appointment, as: 'appointment', include: [{ model: TimeSlot, as: 'slot' }] },
        ],
      }),
      this.state(entry.departmentId),
    ]);
    return presentStaffEntry(full ?? entry, rankOf(state, entry.id), state.clinicDay);
  }

  /**
   * The clinic day's entries for the reception desk, in check-in order: every department's, or one department's
   * (what an `arrivals_update` carries). Names for staff; never sent on a public channel.
   */
  async arrivals(departmentId?: number): Promise<ReceptionArrivalsResponse> {
    const day = clinicDay(this.now(), this.timeZone);
    const entries = await QueueEntry.findAll({
      where: { clinicDay: day, ...(departmentId === undefined ? {} : { departmentId }) },
      include: entryIncludes(),
      order: [['checkedInAt', 'ASC'], ['id', 'ASC']],
    });
    return { day, arrivals: entries.map((entry) => presentArrival(entry, day)) };
  }

  /**
   * A ticket by the code on the patient's QR: the newest entry of the visit (after transfers), and that entry's
   * own code when it differs from the one asked for.
   */
  async ticket(code: string): Promise<{ entry: QueueEntry; transferredTo: string | null } | null> {
    const entry = await this.queue.findByPublicCode(code);
    if (!entry) return null;
    return { entry, transferredTo: entry.publicCode === code ? null : entry.publicCode };
  }
}

/** Department ids a display channel covers: `display:all` or `display:3,5`. Null when the name is malformed. */
export function displayDepartments(name: string): number[] | 'all' | null {
  if (name === 'all') return 'all';
  const ids = name.split(',').map(Number);
  return ids.length && ids.every((id) => Number.isInteger(id) && id > 0) ? ids : null;
}
