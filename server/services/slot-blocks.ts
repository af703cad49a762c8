import type { Sequelize } from 'sequelize';
import { inTransaction } from '../db/transaction';
import { notFound } from '../errors';
import { TimeSlot } from '../models';
import { audit } from './audit';

/**
 * Takes one slot out of booking, or back in, without deleting it (a meeting, a broken machine). An appointment that
 * already holds the slot keeps it: blocking only stops new bookings.
 */
export function setSlotBlocked(
  sequelize: Sequelize,
  slotId: number,
  blocked: boolean,
  actor: { userId: number; ip: string },
): Promise<TimeSlot> {
  return inTransaction(sequelize, async (transaction) => {
    const slot = await TimeSlot.findByPk(slotId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!slot || slot.withdrawnAt) throw notFound('That time slot');
    if (Boolean(slot.blocked) !== blocked) {
      await slot.update({ blocked }, { transaction });
      await audit({ userId: actor.userId, action: blocked ? 'slot.block' : 'slot.unblock', entityType: 'time_slot', entityId: slotId, ip: actor.ip, details: { doctorId: slot.doctorId } }, transaction);
    }
    return slot;
  });
}
