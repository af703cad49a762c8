import { AddressRateLimiter, DEFAULT_CHECK_IN_LIMITS } from '../../middleware/rate-limit';
import type { LimiterFactory } from '../../scale/limiters';
import type { PhoneCountrySource } from '../phone';
import { systemNow } from '../../clock';

/** What the kiosk's routes and pages share: the public check-in limit, the clinic's zone and the kiosk's clock. */
export interface KioskServices {
  /** Public check-ins and booking look-ups per address; tests tighten it with `setLimits`. */
  checkInLimiter: AddressRateLimiter;
  timeZone: string;
  /** The country phone numbers typed without a country code belong to (absent: the time zone's). */
  country?: PhoneCountrySource;
  /** Opening hours and "today" for the kiosk's answers: the server's one clock (server/clock.ts). */
  readonly now: () => Date;
}

/** Builds the kiosk's services. */
export function createKioskServices(
  timeZone: string,
  options: { now?: () => Date; country?: PhoneCountrySource; limiters?: LimiterFactory } = {},
): KioskServices {
  return {
    checkInLimiter: new AddressRateLimiter(DEFAULT_CHECK_IN_LIMITS, options.limiters),
    timeZone,
    country: options.country,
    now: options.now ?? (systemNow),
  };
}
