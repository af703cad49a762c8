import Router from '@koa/router';
import type { Middleware } from 'koa';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { PublicSlotsResponse } from '../../../common/booking';
import { tooManyAttempts } from '../../errors';
import { validate, type InputOf } from '../../middleware/validate';
import { presentPublicBooking, presentPublicSlot } from '../../presenters/booking';
import type { LimiterFactory } from '../../scale/limiters';
import type { AppointmentService } from '../../services/appointments';
import { assertPublicBookingOn, publicDepartments, publicDoctors, publicSlots } from '../../services/public-booking';
import type { SettingsService } from '../../services/settings';
import type { AppRouter } from '../../state';
import { PublicBookingSchema, PublicDoctorsSchema, PublicSlotsSchema } from './schema';

/** Requests one address may make to the public booking API: bookings per hour, look-ups per minute. */
export interface PublicBookingLimits {
  bookingsPerHour: number;
  lookupsPerMinute: number;
}

/** A household books a few appointments; a script books hundreds. Look-ups are a page's worth of clicks. */
export const DEFAULT_PUBLIC_BOOKING_LIMITS: PublicBookingLimits = { bookingsPerHour: 10, lookupsPerMinute: 120 };

/** Counts requests per client address and answers 429 with Retry-After once the allowance is spent. */
function limitPerAddress(limiters: LimiterFactory, name: string, points: number, duration: number, message: string): Middleware {
  const limiter = limiters({ name, points, duration });
  return async (ctx, next) => {
    try {
      await limiter.consume(ctx.ip);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw tooManyAttempts(message, rejection.msBeforeNext / 1000);
    }
    await next();
  };
}

/**
 * Online booking for patients, open to anyone while an admin has it switched on (403 `booking_disabled` otherwise):
 * departments, doctors, free slots, and booking one with name, phone and date of birth. Every attempt counts
 * against the address's allowance, whatever its outcome, so guessing costs as much as booking.
 */
export function publicBookingRoutes(
  appointments: AppointmentService,
  settings: SettingsService,
  now: () => Date,
  limiters: LimiterFactory,
  limits: PublicBookingLimits = DEFAULT_PUBLIC_BOOKING_LIMITS,
  /** Registers the booking's patient for the dashboard (issue 17); true when they can sign in with this phone. */
  register: (patientId: number) => Promise<boolean> = async () => false,
): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/public' });
  const lookups = limitPerAddress(limiters, 'booking-lookup', limits.lookupsPerMinute, 60, 'Too many requests from this address. Please wait a minute and try again.');
  const bookings = limitPerAddress(limiters, 'booking', limits.bookingsPerHour, 3600, 'Too many bookings from this address. Please call the clinic to book.');
  const open: Middleware = async (_ctx, next) => {
    await assertPublicBookingOn(settings);
    await next();
  };

  router.get('/departments', lookups, open, async (ctx) => {
    ctx.body = { departments: await publicDepartments() };
  });

  router.get('/doctors', lookups, open, validate(PublicDoctorsSchema), async (ctx) => {
    const { query } = ctx.state.input as InputOf<typeof PublicDoctorsSchema>;
    ctx.body = { doctors: await publicDoctors(query.departmentId) };
  });

  router.get('/slots', lookups, open, validate(PublicSlotsSchema), async (ctx) => {
    const { query } = ctx.state.input as InputOf<typeof PublicSlotsSchema>;
    const zone = settings.activeTimeZone;
    const slots = await publicSlots(query, { fromDay: query.from, toDay: query.to }, zone, now());
    const body: PublicSlotsResponse = { timeZone: zone, slots: slots.map((s) => presentPublicSlot(s, zone)) };
    ctx.body = body;
  });

  router.post('/bookings', bookings, open, validate(PublicBookingSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof PublicBookingSchema>;
    const { slotId, createAccount, ...person } = body;
    const appointment = await appointments.book({ slotId, person }, { userId: null, ip: ctx.ip });
    // After the booking's own transaction: a booking stands even if registering fails.
    const account = createAccount ? await register(appointment.patientId) : false;
    ctx.status = 201;
    ctx.body = { ...presentPublicBooking(appointment, settings.activeTimeZone), account };
  });

  return router;
}
