import { pickLanguage } from '../../../common/i18n';
import Router from '@koa/router';
import type { ParameterizedContext } from 'koa';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { LimiterFactory } from '../../scale/limiters';
import type { AppointmentService } from '../../services/appointments';
import { normalizeCode } from '../../services/codes';
import { renderConfirmation } from '../../services/confirmation';
import type { SettingsService } from '../../services/settings';
import type { AppRouter, AppState } from '../../state';

/** Appointments that still hold their time: the only ones a confirmation is shown for. */
const HOLDING = new Set(['booked', 'checked_in', 'in_consultation']);

/** Look-ups one address may make a minute: a patient opens their confirmation a few times, a guesser thousands. */
export const CONFIRMATION_LOOKUPS_PER_MINUTE = 30;

function plainPage(ctx: ParameterizedContext<AppState>, status: number, title: string, text: string): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><title>${title}</title></head><body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem"><h1>${title}</h1><p>${text}</p></body></html>`;
}

/**
 * The patient's own printable confirmation, opened from the public booking page: `GET /book/confirmation/<code>`.
 * The same page as the desk prints (time, doctor, room, code and QR code) without the patient's name, because the
 * booking code is the only key. Works whether or not online booking is switched on now; rate-limited per address.
 */
export function publicConfirmationRoutes(settings: SettingsService, appointments: AppointmentService, limiters: LimiterFactory): AppRouter {
  const router: AppRouter = new Router();
  const limiter = limiters({ name: 'confirmation', points: CONFIRMATION_LOOKUPS_PER_MINUTE, duration: 60 });

  router.get('/book/confirmation/:code', async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'");
    try {
      await limiter.consume(ctx.ip);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      ctx.set('Retry-After', String(Math.ceil(rejection.msBeforeNext / 1000)));
      plainPage(ctx, 429, 'Please wait a minute', 'Too many requests from this address. Please wait a minute and try again.');
      return;
    }
    const code = normalizeCode(String(ctx.params.code ?? '')).slice(0, 16);
    const appointment = code ? await appointments.findByCode(code) : null;
    if (!appointment || !HOLDING.has(appointment.status)) {
      plainPage(ctx, 404, "We can't find this booking", 'The code may be mistyped, or the appointment was cancelled. Please call the clinic if you need help.');
      return;
    }
    const { name } = await settings.getPublic();
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = await renderConfirmation(appointment, name, settings.activeTimeZone, false, pickLanguage([ctx.query.lang], ctx.get('accept-language')));
  });

  return router;
}
