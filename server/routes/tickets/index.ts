import Router from '@koa/router';
import type { ParameterizedContext } from 'koa';
import { formatDateOf, formatTime } from '../../../common/clinic-format';
import type { TicketView } from '../../../common/api';
import { CATALOGUE, LANGUAGES, pickLanguage, type Language } from '../../../common/i18n';
import { describeTicket, doctorLine, roomIn, waitWords } from '../../../common/ticket-status';
import type { Config } from '../../config';
import { AppError } from '../../errors';
import { ticketMessage } from '../../queue/channels/messages';
import type { QueueReads } from '../../queue/reads';
import { clinicDay } from '../../services/clinic-time';
import type { KioskServices } from '../../services/kiosk';
import { departmentLabels, departmentName, ticketLanguage } from '../../services/patient-languages';
import { qrSvg, ticketUrl } from '../../services/kiosk/ticket-links';
import type { QueueService } from '../../queue/commands/steps';
import type { QueueEntry } from '../../models';
import type { Notices } from '../../notices';
import type { ClinicNameSource } from '../../services/settings';
import type { AppRouter, AppState } from '../../state';
import { builtScript } from '../../views/assets';
import { renderView } from '../../views/render';

/** The language the address asks for (`?lang=`), carried into the links and QR codes the page makes. */
function languageAsked(ctx: ParameterizedContext<AppState>): Language | null {
  const lang = ctx.query.lang;
  return typeof lang === 'string' && (LANGUAGES as readonly string[]).includes(lang) ? (lang as Language) : null;
}

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
  notices?: Pick<Notices, 'block'>,
): AppRouter {
  const router: AppRouter = new Router({ prefix: '/t' });

  /**
   * The ticket behind `code` as its channel shows it, and the language to show it in (`?lang=`, then the language
   * it was taken in, then the browser's), or null when unknown or from an earlier clinic day.
   */
  async function load(ctx: ParameterizedContext<AppState>): Promise<{ ticket: TicketView; language: Language; entry: QueueEntry } | null> {
    const code = ctx.params.code;
    if (!CODE.test(code)) return null;
    const found = await reads.ticket(code);
    if (!found || found.entry.clinicDay < clinicDay(kiosk.now(), kiosk.timeZone)) return null;
    const ticket = await reads.ticketView(found.entry, found.transferredTo);
    return { ticket, entry: found.entry, language: pickLanguage([ctx.query.lang, await ticketLanguage(found.entry.id)], ctx.get('accept-language')) };
  }

  async function page(ctx: ParameterizedContext<AppState>, view: string, data: object, status = 200): Promise<void> {
    const name = await clinicName();
    ctx.set(PAGE_HEADERS);
    ctx.status = status;
    ctx.type = 'html';
    ctx.body = renderView(view, { clinicName: name, lang: 'en', dir: 'ltr', ...data });
  }

  function notFoundPage(ctx: ParameterizedContext<AppState>): Promise<void> {
    const language = pickLanguage([ctx.query.lang], ctx.get('accept-language'));
    const t = CATALOGUE[language].ticketPage;
    return page(ctx, 'ticket-missing', { title: t.missingTitle, t, lang: language, dir: CATALOGUE[language].dir }, 404);
  }

  /** What every ticket view shows, in `language`: the ticket, its state in words, and the clinic-time of check-in. */
  async function model(code: string, found: { ticket: TicketView; language: Language }) {
    const { language } = found;
    const texts = CATALOGUE[language];
    const room = roomIn(texts);
    const labels = await departmentLabels();
    const ticket = { ...found.ticket, department: { ...found.ticket.department, name: departmentName(found.ticket.department, labels, language) } };
    return {
      code,
      ticket,
      lang: language,
      dir: texts.dir,
      t: texts.ticketPage,
      p: { ...texts.printed, waitText: ticket.etaMinutes ? texts.printed.waitValue(ticket.etaMinutes) : texts.printed.soon },
      room: ticket.doctor ? room(ticket.doctor.room) : null,
      languages: LANGUAGES.filter((l) => l !== language).map((l) => ({ code: l, name: CATALOGUE[l].languageName, dir: CATALOGUE[l].dir })),
      status: describeTicket(ticket, texts.ticketPage, room),
      waitText: waitWords(ticket.etaMinutes, texts.ticketPage),
      doctorLine: doctorLine(ticket, texts.ticketPage, room),
      liveText: texts.ticketPage.live,
      checkedInTime: formatTime(ticket.checkedInAt, config.clinicTimeZone, texts.locale),
      checkedInDate: formatDateOf(ticket.checkedInAt, config.clinicTimeZone, texts.locale),
    };
  }

  router.get('/:code', async (ctx) => {
    const found = await load(ctx);
    if (!found) return notFoundPage(ctx);
    const data = await model(ctx.params.code, found);
    // Before a build (`npm run dev`), the source path: Vite's dev server, which proxies /t/ here, serves it.
    const script = builtScript(TICKET_SCRIPT_ENTRY) ?? `/${TICKET_SCRIPT_ENTRY}`;
    // The "Notify me" block (issue 16): only while the ticket waits, when notices are wired in.
    const notify = notices ? await notices.block(found.entry, found.language) : null;
    await page(ctx, 'ticket', { ...data, title: `${found.ticket.token} · ${data.status.headline}`, script, left: ctx.query.left === '1', notify });
  });

  router.get('/:code/qr.svg', async (ctx) => {
    const found = await load(ctx);
    if (!found) return notFoundPage(ctx);
    ctx.set({ ...PAGE_HEADERS, 'Cache-Control': 'private, max-age=86400' });
    ctx.type = 'image/svg+xml';
    ctx.body = await qrSvg(ticketUrl(config.publicBaseUrl, ctx.params.code, languageAsked(ctx)));
  });

  router.get('/:code/print', async (ctx) => {
    const found = await load(ctx);
    if (!found) return notFoundPage(ctx);
    const url = ticketUrl(config.publicBaseUrl, ctx.params.code, languageAsked(ctx));
    const data = await model(ctx.params.code, found);
    await page(ctx, 'ticket-print', { ...data, title: data.p.title(found.ticket.token), qr: await qrSvg(url), url });
  });

  router.get('/:code/leave', async (ctx) => {
    const found = await load(ctx);
    if (!found) return notFoundPage(ctx);
    const data = await model(ctx.params.code, found);
    await page(ctx, 'ticket-leave', { ...data, title: data.t.leaveTitle });
  });

  router.post('/:code/leave', async (ctx) => {
    const found = await load(ctx);
    if (!found) return notFoundPage(ctx);
    try {
      await queue.cancelByPublicCode(ctx.params.code);
    } catch (error) {
      // Already called in, finished or gone: the ticket page says where the visit stands, which is the answer.
      if (!(error instanceof AppError)) throw error;
    }
    ctx.status = 303;
    const lang = languageAsked(ctx);
    ctx.redirect(`/t/${encodeURIComponent(ctx.params.code)}?left=1${lang ? `&lang=${lang}` : ''}`);
  });

  return router;
}
