import type { Channel } from '../../../common/protocol';
import type { ReadDescription } from '../../middleware/audit-read';
import type { User } from '../../models';
import { audit } from '../../services/audit';

/**
 * The socket's side of auditing reads of patient data: a staff member's first read of a channel's snapshot is
 * written as the same action the REST read of that data is (`queue.doctor_read`, `queue.list_read`), with the
 * channel in its details, so one search of the trail finds both ways in. Given to the hub as a channel's `audit`.
 */
export function auditChannelRead(action: string, describe: (channel: Channel) => ReadDescription = () => ({})) {
  return async (channel: Channel, user: User, address: string): Promise<void> => {
    const { details, ...what } = describe(channel);
    await audit({ userId: user.id, action, ip: address, ...what, details: { ...details, channel } });
  };
}
