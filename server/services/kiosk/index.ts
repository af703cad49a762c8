import type { ReceptionArrivalsResponse } from '../../../common/reception';
import type { RealtimeHub } from '../../realtime/hub';
import { ReceptionAlerts } from '../../queue/channels/reception';
import { AddressRateLimiter } from '../../middleware/rate-limit';

/** What the kiosk's routes and pages share: reception's alerts, the public check-in limit, the clinic's zone and clock. */
export interface KioskServices {
  alerts: ReceptionAlerts;
  /** Public check-ins and booking look-ups per address; tests tighten it with `setLimits`. */
  checkInLimiter: AddressRateLimiter;
  timeZone: string;
  now: () => Date;
}

/**
 * Builds the kiosk's services and registers the staff `reception` channel on the hub; `arrivals` reads the day's
 * arrivals for that channel's snapshot (the reception desk).
 */
export function createKioskServices(
  hub: RealtimeHub,
  timeZone: string,
  options: { now?: () => Date; arrivals?: () => Promise<ReceptionArrivalsResponse> } = {},
): KioskServices {
  const now = options.now ?? (() => new Date());
  const alerts = new ReceptionAlerts(hub, timeZone, now, options.arrivals);
  alerts.register();
  return { alerts, checkInLimiter: new AddressRateLimiter(), timeZone, now };
}
