import { AddressRateLimiter } from '../../middleware/rate-limit';

/** What the kiosk's routes and pages share: the public check-in limit, the clinic's zone and the kiosk's clock. */
export interface KioskServices {
  /** Public check-ins and booking look-ups per address; tests tighten it with `setLimits`. */
  checkInLimiter: AddressRateLimiter;
  timeZone: string;
  /** Opening hours and "today" for the kiosk's answers; tests move it. */
  now: () => Date;
}

/** Builds the kiosk's services. */
export function createKioskServices(timeZone: string, now: () => Date = () => new Date()): KioskServices {
  return { checkInLimiter: new AddressRateLimiter(), timeZone, now };
}
