import { readFileSync } from 'node:fs';
import path from 'node:path';
import Router from '@koa/router';
import type { Middleware } from 'koa';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { z } from 'zod';
import { LANGUAGES } from '../../common/i18n';
import { ROOT_DIR } from '../config';
import { tooManyAttempts } from '../errors';
import { validate, type InputOf } from '../middleware/validate';
import type { LimiterFactory } from '../scale/limiters';
import type { AppRouter } from '../state';
import type { NoticeSubscriptions } from './subscriptions';

/** Requests one address may make a minute: a page asks a few times, a script guessing codes thousands. */
export const NOTICE_REQUESTS_PER_MINUTE = 30;

const code = z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, 'That is not a ticket code.');
const base64url = (min: number, max: number) => z.string().regex(/^[A-Za-z0-9_-]+={0,2}$/, 'Expected base64url.').min(min).max(max);
const language = z.enum(LANGUAGES).optional();

const StatusSchema = { params: z.object({ code }) };
const SubscribeSchema = {
  params: z.object({ code }),
  body: z.discriminatedUnion(
    'channel',
    [
      z.object({
        channel: z.literal('push'),
        subscription: z.object({
          endpoint: z.string().url('Expected the push service\'s address.').max(1000),
          keys: z.object({ p256dh: base64url(80, 100), auth: base64url(16, 32) }),
          expirationTime: z.number().nullable().optional(),
        }),
        language,
      }),
      z.object({ channel: z.literal('sms'), language }),
    ],
    { error: 'Choose channel "push" (with the browser\'s subscription) or "sms".' },
  ),
};

/** The service worker, read once: it is the same file for every ticket. */
const SERVICE_WORKER = readFileSync(path.join(ROOT_DIR, 'ticket', 'sw.js'), 'utf8');

/**
 * Notices to waiting patients (issue 16): `GET /api/tickets/:code/notices` (what the ticket page may offer, what is
 * on) and `POST` (turn push or SMS on), public like the ticket page and keyed by its code, rate-limited per address;
 * and the ticket page's service worker at `/t/sw.js`. Mounted before the ticket pages, whose `/t/:code` it shares.
 */
export function noticeRoutes(subscriptions: NoticeSubscriptions, limiters: LimiterFactory): AppRouter {
  const router: AppRouter = new Router();
  const limiter = limiters({ name: 'ticket-notices', points: NOTICE_REQUESTS_PER_MINUTE, duration: 60 });
  const limited: Middleware = async (ctx, next) => {
    try {
      await limiter.consume(ctx.ip);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw tooManyAttempts('Too many requests from this phone in a short time. Please wait a minute.', rejection.msBeforeNext / 1000);
    }
    await next();
  };

  router.get('/api/tickets/:code/notices', limited, validate(StatusSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof StatusSchema>;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await subscriptions.status(params.code);
  });

  router.post('/api/tickets/:code/notices', limited, validate(SubscribeSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof SubscribeSchema>;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await subscriptions.subscribe(params.code, body);
  });

  router.get('/t/sw.js', (ctx) => {
    // Browsers look for a new service worker at most daily anyway; no-cache makes a release reach them at once.
    ctx.set({ 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
    ctx.type = 'text/javascript';
    ctx.body = SERVICE_WORKER;
  });

  return router;
}
