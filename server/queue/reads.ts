import type { StaffQueueEntry, TicketView } from '../../common/api';
import type { ReceptionArrivalsResponse } from '../../common/reception';
import { Department, DoctorProfile, QueueEntry } from '../models';
import { presentStaffEntry, presentTicket } from './presenters';
import { presentArrival } from '../presenters/reception';
import { clinicDay } from '../services/clinic-time';
import { entryIncludes } from './commands/entries';
import type { BoardUpdateMessage, Channel } from '../../common/protocol';
import type { Unsequenced } from '../realtime/hub';
import { boardMessage } from './channels/messages';
import type { LiveQueue } from './read-model/live-queue';
import type { QueueService } from './commands/steps';
import type { DepartmentState } from './types';
import { systemNow } from '../clock';

/** The reads behind every queue channel, shared by the channel providers (snapshots) and the broadcaster (events). */
export class QueueReads {
  /**
   * Display boards by channel, kept until one of their departments changes: after a server restart every display
   * subscribes within seconds, and they should share one read, not make one each.
   */
  private readonly boards = new Map<Channel, Promise<Unsequenced<BoardUpdateMessage>>>();

  constructor(
    private readonly queue: QueueService,
    private readonly live: LiveQueue,
    private readonly timeZone: string,
    private readonly now: () => Date = systemNow,
  ) {}

  /** One department's clinic day as the screens show it, from the live read model. */
  state(departmentId: number): Promise<DepartmentState> {
    return this.live.state(departmentId, this.now());
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

  /** Departments by id (or all the active ones), in name order, from the directory. */
  async departments(ids: number[] | 'all'): Promise<Department[]> {
    const { departments } = await this.live.directory(this.now());
    const found = ids === 'all' ? [...departments.values()].filter((d) => d.active) : ids.map((id) => departments.get(id));
    return found.filter((d): d is Department => d !== undefined).sort((a, b) => byName(a.name, b.name));
  }

  /** A doctor with their staff account (for the name), from the directory. */
  async doctor(id: number): Promise<DoctorProfile | null> {
    return (await this.live.directory(this.now())).doctors.get(id)?.doctor ?? null;
  }

  /** The doctor profile of a staff user, if they are a doctor. */
  async doctorOfUser(userId: number): Promise<DoctorProfile | null> {
    for (const { doctor } of (await this.live.directory(this.now())).doctors.values()) if (doctor.userId === userId) return doctor;
    return null;
  }

  /**
   * An entry as staff see it right after a step, placed in line. The engine returns entries with their patient and
   * appointment slot, so nothing is read again.
   */
  async staffEntry(entry: QueueEntry): Promise<StaffQueueEntry> {
    const now = this.now();
    const rank = await this.live.rank(entry.departmentId, entry.id, now);
    return presentStaffEntry(entry, rank, clinicDay(now, this.timeZone));
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

  /** A ticket exactly as its WebSocket channel shows it (REST answers and the phone page use this too). */
  async ticketView(entry: QueueEntry, transferredTo: string | null = null): Promise<TicketView> {
    const now = this.now();
    const [directory, rank] = await Promise.all([this.live.directory(now), this.live.rank(entry.departmentId, entry.id, now)]);
    const doctor = entry.doctorId ? (directory.doctors.get(entry.doctorId)?.doctor ?? entry.doctor ?? null) : null;
    return presentTicket(entry, { department: directory.departments.get(entry.departmentId)!, doctor, rank, transferredTo });
  }

  /** The entry with this public code in a department's live day (today), if it is there. */
  async liveEntry(departmentId: number, code: string): Promise<QueueEntry | undefined> {
    return (await this.live.day(departmentId, this.now())).byCode(code);
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

/** Name order as the database sorted it before (case-insensitive, then exact). */
function byName(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Department ids a display channel covers: `display:all` or `display:3,5`. Null when the name is malformed. */
export function displayDepartments(name: string): number[] | 'all' | null {
  if (name === 'all') return 'all';
  const ids = name.split(',').map(Number);
  return ids.length && ids.every((id) => Number.isInteger(id) && id > 0) ? ids : null;
}
