import type { ReceptionArrivalsResponse } from '../../../common/reception';
import type { RealtimeHub } from '../../realtime/hub';
import { ReceptionAlerts } from '../../realtime/reception-channel';
import { AddressRateLimiter } from '../../middleware/rate-limit';
import type { PhoneCountry } from '../phone';

/** What the kiosk's routes and pages share: reception's alerts, the public check-in limit, the clinic's zone and clock. */
export interface KioskServices {
  alerts: ReceptionAlerts;
  /** Public check-ins and booking look-ups per address; tests tighten it with `setLimits`. */
  checkInLimiter: AddressRateLimiter;
  timeZone: string;
  /** The country phone numbers typed without a country code belong to (null: the time zone's). */
  country?: PhoneCountry | null;
  now: () => Date;
}

/**
 * Builds the kiosk's services and registers the staff `reception` channel on the hub; `arrivals` reads the day's
 * arrivals for that channel's snapshot (the reception desk).
 */
export function createKioskServices(
  hub: RealtimeHub,
  timeZone: string,
  options: { now?: () => Date; arrivals?: () => Promise<ReceptionArrivalsResponse>; country?: PhoneCountry | null } = {},
): KioskServices {
  const now = options.now ?? (() => new Date());
  const alerts = new ReceptionAlerts(hub, timeZone, now, options.arrivals);
  alerts.register();
  return { alerts, checkInLimiter: new AddressRateLimiter(), timeZone, country: options.country, now };
}
