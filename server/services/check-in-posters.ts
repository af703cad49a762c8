import type { Sequelize } from 'sequelize';
import { MAX_POSTER_DAYS, type CheckInPosterInput } from '../../common/check-in';
import { inTransaction } from '../db/transaction';
import { notFound, validationFailed } from '../errors';
import { CheckInPoster, KioskProfile } from '../models';
import { audit } from './audit';
import { addDays, clinicDay, clinicDayBounds } from './clinic-time';
import { systemNow } from '../clock';

/** Who made a change, for the audit log. */
interface Actor {
  userId: number;
  ip: string;
}

/**
 * Printed check-in posters: a poster cannot rotate its code like the display, so each poster is a row, good through
 * the clinic day the admin chose (the end of that day in the clinic's zone) and revocable at once if a photo of it
 * travels. Its QR code is the row's id signed by the server (services/check-in-codes.ts).
 */
export class CheckInPosterService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly timeZone: () => string,
    private readonly now: () => Date = systemNow,
  ) {}

  /** Every poster, newest first, with its kiosk profile. */
  list(): Promise<CheckInPoster[]> {
    return CheckInPoster.findAll({ order: [['id', 'DESC']] });
  }

  /** One poster; 404 when there is none. */
  async get(id: number): Promise<CheckInPoster> {
    const poster = await CheckInPoster.findByPk(id);
    if (!poster) throw notFound('That poster');
    return poster;
  }

  /** Makes a poster good through `validThrough` (today to a year ahead), audited. */
  create(input: CheckInPosterInput, actor: Actor): Promise<CheckInPoster> {
    const zone = this.timeZone();
    const today = clinicDay(this.now(), zone);
    if (input.validThrough < today) throw posterDay('The last day cannot be in the past.');
    if (input.validThrough > addDays(today, MAX_POSTER_DAYS)) throw posterDay(`Choose a last day at most ${MAX_POSTER_DAYS} days ahead.`);
    return inTransaction(this.sequelize, async (transaction) => {
      const kioskProfileId = input.kioskProfileId ?? null;
      if (kioskProfileId !== null && !(await KioskProfile.findByPk(kioskProfileId, { transaction }))) {
        throw validationFailed([{ path: 'kioskProfileId', message: 'That kiosk profile no longer exists.' }]);
      }
      const poster = await CheckInPoster.create(
        { label: input.label, kioskProfileId, validUntil: clinicDayBounds(input.validThrough, zone).end, createdBy: actor.userId },
        { transaction },
      );
      await audit({ userId: actor.userId, ip: actor.ip, action: 'check_in_poster_created', entityType: 'check_in_poster', entityId: poster.id, details: { validThrough: input.validThrough, kioskProfileId } }, transaction);
      return poster;
    });
  }

  /** Stops a poster's code working now (already revoked: unchanged), audited. */
  revoke(id: number, actor: Actor): Promise<CheckInPoster> {
    return inTransaction(this.sequelize, async (transaction) => {
      const poster = await CheckInPoster.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
      if (!poster) throw notFound('That poster');
      if (!poster.revokedAt) {
        await poster.update({ revokedAt: this.now() }, { transaction });
        await audit({ userId: actor.userId, ip: actor.ip, action: 'check_in_poster_revoked', entityType: 'check_in_poster', entityId: id }, transaction);
      }
      return poster;
    });
  }
}

function posterDay(message: string) {
  return validationFailed([{ path: 'validThrough', message }]);
}
