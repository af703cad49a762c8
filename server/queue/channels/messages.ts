import type {
  BoardUpdateMessage,
  Channel,
  QueueUpdateMessage,
  TicketUpdateMessage,
  TokenCalledMessage,
} from '../../../common/protocol';
import type { Department, DoctorProfile, QueueEntry } from '../../models';
import { doctorName, presentDoctorQueue, presentTicket, queueLines, rankOf } from '../presenters';
import type { DepartmentState } from '../types';
import type { Unsequenced } from '../../realtime/hub';
import { systemNow } from '../../clock';

/** How many waiting tokens per department, and how many recent calls, a display shows. */
export const BOARD_NEXT = 5;
export const BOARD_RECENT = 8;

/** A doctor's channel: the original queue_update with names, plus the console's full view. */
export function doctorQueueMessage(channel: Channel, state: DepartmentState, doctor: DoctorProfile): Unsequenced<QueueUpdateMessage> {
  const view = presentDoctorQueue(state, doctor);
  const mine = state.doctors.get(doctor.id);
  return { type: 'queue_update', channel, queue: queueLines(mine?.waiting ?? [], true), stats: view.stats, view };
}

/** A department's public board: tokens, statuses and estimates, never names. */
export function departmentQueueMessage(channel: Channel, state: DepartmentState): Unsequenced<QueueUpdateMessage> {
  return { type: 'queue_update', channel, queue: queueLines(state.waiting, false), stats: state.stats };
}

/** The announcement of a call or recall. */
/** What every channel's `token_called` for one call says (the channel aside): built once, sent to many channels. */
export type CallAnnouncement = Omit<Unsequenced<TokenCalledMessage>, 'channel'>;

/** The announcement of a called entry, or null when it came without its doctor or department. */
export function callAnnouncement(entry: QueueEntry): CallAnnouncement | null {
  const { doctor, department } = entry;
  if (!doctor || !department) return null;
  const { channel: _channel, ...call } = tokenCalledMessage('display:all', entry, doctor, department);
  return call;
}

export function tokenCalledMessage(
  channel: Channel,
  entry: QueueEntry,
  doctor: DoctorProfile,
  department: Department,
): Unsequenced<TokenCalledMessage> {
  return {
    type: 'token_called',
    channel,
    token: entry.token,
    room: doctor.room,
    doctor_name: doctorName(doctor),
    department_id: department.id,
    department_name: department.name,
    called_at: (entry.calledAt ?? systemNow()).toISOString(),
    recall_count: entry.recallCount,
  };
}

/** A display's board over its departments: rooms with the token each serves, the next tokens, recent calls. */
export function boardMessage(channel: Channel, departments: Department[], states: DepartmentState[]): Unsequenced<BoardUpdateMessage> {
  const rooms: BoardUpdateMessage['rooms'] = [];
  const recent: Array<BoardUpdateMessage['recent'][number] & { at: number }> = [];
  for (const state of states) {
    for (const { doctor, current } of state.doctors.values()) {
      if (doctor.departmentId !== state.departmentId) continue;
      rooms.push({
        room: doctor.room,
        doctor_name: doctorName(doctor),
        department_id: state.departmentId,
        token: current?.token ?? null,
        status: current?.status ?? null,
      });
    }
    for (const entry of state.recentCalls) {
      const doctor = entry.doctorId ? state.doctors.get(entry.doctorId)?.doctor : undefined;
      if (!doctor || !entry.calledAt) continue;
      recent.push({ token: entry.token, room: doctor.room, called_at: entry.calledAt.toISOString(), at: entry.calledAt.getTime() });
    }
  }
  return {
    type: 'board_update',
    channel,
    departments: departments.map((d) => ({ id: d.id, name: d.name, prefix: d.prefix })),
    rooms: rooms.sort((a, b) => a.room.localeCompare(b.room, undefined, { numeric: true })),
    next: states.map((s) => ({
      department_id: s.departmentId,
      tokens: s.next(BOARD_NEXT).map((entry) => entry.token),
      waiting_count: s.stats.waiting_count,
    })),
    recent: recent
      .sort((a, b) => b.at - a.at)
      .slice(0, BOARD_RECENT)
      .map(({ at: _at, ...call }) => call),
  };
}

/** One patient's ticket, placed in its department's current order. */
export function ticketMessage(
  channel: Channel,
  entry: QueueEntry,
  state: DepartmentState,
  department: Department,
  transferredTo: string | null,
): Unsequenced<TicketUpdateMessage> {
  const doctor = entry.doctorId ? (state.doctors.get(entry.doctorId)?.doctor ?? entry.doctor ?? null) : null;
  return {
    type: 'ticket_update',
    channel,
    ticket: presentTicket(entry, { department, doctor, rank: rankOf(state, entry.id), transferredTo }),
  };
}
