import Router from '@koa/router';
import type { ParameterizedContext } from 'koa';
import { DateTime } from 'luxon';
import type { TicketView } from '../../../common/api';
import { describeTicket, doctorLine, LIVE_TEXT, waitWords } from '../../../common/ticket-status';
import type { Config } from '../../config';
import { AppError } from '../../errors';
import { ticketMessage } from '../../queue/channels/messages';
import type { QueueReads } from '../../queue/reads';
import { clinicDay } from '../../services/clinic-time';
import type { KioskServices } from '../../services/kiosk';
import { qrSvg, ticketUrl } from '../../services/kiosk/ticket-links';
import type { QueueService } from '../../queue/commands/steps';
import type { ClinicNameSource } from '../../services/settings';
import type { AppRouter, AppState } from '../../state';
import { builtScript } from '../../views/assets';
import { renderView } from '../../views/render';

/** The ticket page's script in Vite's manifest (vite.config.ts builds it as an entry of its own). */
export const TICKET_SCRIPT_ENTRY = 'ticket/src/main.ts';

const CODE = /^[A-Za-z0-9_-]{10,64}$/;

/**
 * The ticket link is the patient's only key, so: never sent on as a referrer, never cached or indexed, and the pages
 * run only this server's own script.
 */
const PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:; " +
    "frame-ancestors 'self'; base-uri 'none'; form-action 'self'",
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex, nofollow',
  'X-Content-Type-Options': 'nosniff',
};

/**
 * The patient's side of a ticket, server-rendered so it works on any phone without JavaScript: `/t/<code>` (live
 * with the page's script), its QR code, the 80 mm printed ticket, and leaving the queue with a confirmation.
 * An unknown code, or a ticket from an earlier day, gets a friendly page with status 404.
 */
export function ticketPageRoutes(
  config: Readonly<Config>,
  queue: QueueService,
  reads: QueueReads,
  kiosk: KioskServices,
  clinicName: ClinicNameSource,
): AppRouter {
  const router: AppRouter = new Router({ prefix: '/t' });

  /** The ticket behind `code` as its channel shows it, or null when unknown or from an earlier clinic day. */
  async function load(code: string): Promise<TicketView | null> {
    if (!CODE.test(code)) return null;
    const found = await reads.ticket(code);
    if (!found || found.entry.clinicDay < clinicDay(kiosk.now(), kiosk.timeZone)) return null;
    return reads.ticketView(found.entry, found.transferredTo);
  }

  async function page(ctx: ParameterizedContext<AppState>, view: string, data: object, status = 200): Promise<void> {
    const name = await clinicName();
    ctx.set(PAGE_HEADERS);
    ctx.status = status;
    ctx.type = 'html';
    ctx.body = renderView(view, { clinicName: name, ...data });
  }

  function notFoundPage(ctx: ParameterizedContext<AppState>): Promise<void> {
    return page(ctx, 'ticket-missing', { title: 'Ticket not found' }, 404);
  }

  /** What every ticket view shows: the ticket, its state in words, and the clinic-time of check-in. */
  function model(code: string, ticket: TicketView) {
    const checkedIn = DateTime.fromISO(ticket.checkedInAt, { zone: config.clinicTimeZone }).setLocale('en-GB');
    return {
      code,
      ticket,
      status: describeTicket(ticket),
      waitText: waitWords(ticket.etaMinutes),
      doctorLine: doctorLine(ticket),
      liveText: LIVE_TEXT.live,
      checkedInTime: checkedIn.toFormat('HH:mm'),
      checkedInDate: checkedIn.toFormat('d LLL yyyy'),
    };
  }

  router.get('/:code', async (ctx) => {
    const ticket = await load(ctx.params.code);
    if (!ticket) return notFoundPage(ctx);
    const data = model(ctx.params.code, ticket);
    // Before a build (`npm run dev`), the source path: Vite's dev server, which proxies /t/ here, serves it.
    const script = builtScript(TICKET_SCRIPT_ENTRY) ?? `/${TICKET_SCRIPT_ENTRY}`;
    await page(ctx, 'ticket', { ...data, title: `${ticket.token} · ${data.status.headline}`, script, left: ctx.query.left === '1' });
  });

  router.get('/:code/qr.svg', async (ctx) => {
    const ticket = await load(ctx.params.code);
    if (!ticket) return notFoundPage(ctx);
    ctx.set({ ...PAGE_HEADERS, 'Cache-Control': 'private, max-age=86400' });
    ctx.type = 'image/svg+xml';
    ctx.body = await qrSvg(ticketUrl(config.publicBaseUrl, ctx.params.code));
  });

  router.get('/:code/print', async (ctx) => {
    const ticket = await load(ctx.params.code);
    if (!ticket) return notFoundPage(ctx);
    const url = ticketUrl(config.publicBaseUrl, ctx.params.code);
    await page(ctx, 'ticket-print', { ...model(ctx.params.code, ticket), title: `Ticket ${ticket.token}`, qr: await qrSvg(url), url });
  });

  router.get('/:code/leave', async (ctx) => {
    const ticket = await load(ctx.params.code);
    if (!ticket) return notFoundPage(ctx);
    await page(ctx, 'ticket-leave', { ...model(ctx.params.code, ticket), title: 'Leave the queue?' });
  });

  router.post('/:code/leave', async (ctx) => {
    const ticket = await load(ctx.params.code);
    if (!ticket) return notFoundPage(ctx);
    try {
      await queue.cancelByPublicCode(ctx.params.code);
    } catch (error) {
      // Already called in, finished or gone: the ticket page says where the visit stands, which is the answer.
      if (!(error instanceof AppError)) throw error;
    }
    ctx.status = 303;
    ctx.redirect(`/t/${encodeURIComponent(ctx.params.code)}?left=1`);
  });

  return router;
}
