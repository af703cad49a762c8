import type { Channel, ChannelMessage, Sequenced } from '../../../common/protocol';
import { forbidden, notFound, notSignedIn } from '../../errors';
import type { User } from '../../models';
import type { RealtimeHub } from '../../realtime/hub';
import { auditChannelRead } from './channel-read';
import { departmentQueueMessage, doctorQueueMessage, ticketMessage } from './messages';
import { displayDepartments, type QueueReads } from '../reads';

const idOf = (channel: Channel) => channel.slice(channel.indexOf(':') + 1);

/** The department a department:/doctor: channel names, or a 404 in plain words. */
function numericId(channel: Channel, what: string): number {
  const id = Number(idOf(channel));
  if (!Number.isInteger(id) || id <= 0) throw notFound(what);
  return id;
}

/** Throws unless `user` may watch doctor `doctorId`'s queue (with patient names). */
export async function authorizeDoctorQueue(reads: QueueReads, user: User | null, doctorId: number): Promise<void> {
  if (!user) throw notSignedIn('Please sign in to see a doctor\'s queue.');
  if (user.role === 'doctor') {
    const own = await reads.doctorOfUser(user.id);
    if (own?.id !== doctorId) throw forbidden('Doctors can only see their own queue.');
  }
}

/**
 * Registers the four queue channels on the hub. Each snapshot is built by the same function the broadcaster uses
 * for events, so a snapshot and an event never disagree in shape.
 */
export function registerQueueChannels(hub: RealtimeHub, reads: QueueReads): void {
  hub.registerChannel('doctor', {
    authorize: (channel, user) => authorizeDoctorQueue(reads, user, numericId(channel, 'That doctor')),
    snapshot: async (channel, meta) => {
      const doctor = await reads.doctor(numericId(channel, 'That doctor'));
      if (!doctor) throw notFound('That doctor');
      return [stamp(doctorQueueMessage(channel, await reads.state(doctor.departmentId), doctor), meta)];
    },
    // Patient names: audited as GET /api/queue/doctors/:id is.
    audit: auditChannelRead('queue.doctor_read', (channel) => ({ entityType: 'doctor', entityId: numericId(channel, 'That doctor') })),
  });

  hub.registerChannel('department', {
    authorize: () => undefined,
    snapshot: async (channel, meta) => {
      const [department] = await reads.departments([numericId(channel, 'That department')]);
      if (!department) throw notFound('That department');
      return [stamp(departmentQueueMessage(channel, await reads.state(department.id)), meta)];
    },
  });

  hub.registerChannel('display', {
    authorize: (channel) => {
      if (!displayDepartments(idOf(channel))) throw notFound('That display');
    },
    snapshot: async (channel, meta) => [stamp(await reads.board(channel), meta)],
  });

  hub.registerChannel('ticket', {
    authorize: () => undefined,
    snapshot: async (channel, meta) => {
      const found = await reads.ticket(idOf(channel));
      if (!found) throw notFound('That ticket');
      const [department] = await reads.departments([found.entry.departmentId]);
      const state = await reads.state(department.id);
      return [stamp(ticketMessage(channel, found.entry, state, department, found.transferredTo), meta)];
    },
  });
}

function stamp<M extends { channel: Channel }>(message: M, meta: Sequenced): ChannelMessage {
  return { ...message, ...meta } as unknown as ChannelMessage;
}
