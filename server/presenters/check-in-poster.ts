import type { CheckInPosterView } from '../../common/check-in';
import type { CheckInPoster, KioskProfile } from '../models';
import { clinicDay } from '../services/clinic-time';

/**
 * A poster as admins see it. `kiosks` holds the profiles posters may name (a missing one cannot happen: the foreign
 * key deletes the poster with its profile); `url` is the address its QR code holds; `now` and `timeZone` decide its
 * status and its last day.
 */
export function presentPoster(
  poster: CheckInPoster,
  context: { kiosks: Map<number, KioskProfile>; url: string; now: Date; timeZone: string },
): CheckInPosterView {
  const kiosk = poster.kioskProfileId === null ? undefined : context.kiosks.get(poster.kioskProfileId);
  const status = poster.revokedAt ? 'revoked' : poster.validUntil <= context.now ? 'expired' : 'active';
  return {
    id: poster.id,
    label: poster.label,
    kiosk: kiosk ? { id: kiosk.id, name: kiosk.name, phoneCheckIn: kiosk.phoneCheckIn } : null,
    // validUntil is the first instant of the next day: the last day is the one just before it.
    validThrough: clinicDay(new Date(poster.validUntil.getTime() - 1), context.timeZone),
    validUntil: poster.validUntil.toISOString(),
    revokedAt: poster.revokedAt ? poster.revokedAt.toISOString() : null,
    status,
    url: context.url,
    printAddress: `/check-in-posters/${poster.id}/print`,
    createdAt: poster.createdAt.toISOString(),
  };
}
