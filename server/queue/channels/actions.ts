import type { EntryActionType, ServerMessage, StaffAction } from '../../../common/protocol';
import { AppError } from '../../errors';
import type { QueueEntry, User } from '../../models';
import type { QueueService } from '../commands/steps';
import type { QueueReads } from '../reads';

/** Runs one step on one entry; shared by the REST routes and the WebSocket so both do exactly the same. */
export function runEntryStep(
  queue: QueueService,
  step: EntryActionType,
  user: User,
  entryId: number,
  expectedVersion: number,
  doctorId: number | undefined,
): Promise<QueueEntry> {
  switch (step) {
    case 'call_token':
      return queue.callToken(entryId, expectedVersion, doctorId, user);
    case 'recall':
      return queue.recall(entryId, expectedVersion, user);
    case 'skip':
      return queue.skip(entryId, expectedVersion, user);
    case 'return_to_queue':
      return queue.returnToQueue(entryId, expectedVersion, user);
    case 'start_consultation':
      return queue.startConsultation(entryId, expectedVersion, user);
    case 'complete':
      return queue.complete(entryId, expectedVersion, user);
    case 'cancel':
      return queue.cancel(entryId, expectedVersion, user);
  }
}

/** The doctor a "call next" is for: the one named, or the signed-in doctor. */
export async function callNextDoctorId(reads: QueueReads, user: User, doctorId?: number): Promise<number> {
  if (doctorId) return doctorId;
  const own = user.role === 'doctor' ? await reads.doctorOfUser(user.id) : null;
  if (!own) throw new AppError(422, 'validation_failed', 'Choose the doctor who is calling.', [{ path: 'doctorId', message: 'Required' }]);
  return own.id;
}

/** Carries out a staff action sent over the WebSocket and answers with the entry as it is now. */
export function queueActionHandler(queue: QueueService, reads: QueueReads) {
  return async (user: User, action: StaffAction): Promise<ServerMessage> => {
    let entry: QueueEntry;
    if (action.type === 'call_next') {
      entry = await queue.callNext(await callNextDoctorId(reads, user, action.doctorId), user);
    } else if (action.type === 'transfer') {
      const { entryId, expectedVersion, toDepartmentId, toDoctorId, reason } = action;
      entry = await queue.transfer(entryId, expectedVersion, { toDepartmentId, toDoctorId, reason }, user);
    } else {
      entry = await runEntryStep(queue, action.type, user, action.entryId, action.expectedVersion, action.doctorId);
    }
    return { type: 'action_result', requestId: action.requestId, entry: await reads.staffEntry(entry) };
  };
}
