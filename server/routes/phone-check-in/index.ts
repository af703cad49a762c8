import Router from '@koa/router';
import { randomBytes } from 'node:crypto';
import type { ParameterizedContext } from 'koa';
import { CATALOGUE, LANGUAGES, pickLanguage, type Language } from '../../../common/i18n';
import type { Config } from '../../config';
import { AppError } from '../../errors';
import type { QueueEntry } from '../../models';
import type { CheckInCodeAnswer } from '../../../common/check-in';
import type { KioskProfileService } from '../../services/kiosk-profiles';
import type { CheckInCodes, CheckedCode } from '../../services/check-in-codes';
import type { KioskServices } from '../../services/kiosk';
import { kioskDepartments } from '../../services/kiosk/departments';
import { qrSvg } from '../../services/kiosk/ticket-links';
import { departmentLabels, departmentName, recordTicketLanguage } from '../../services/patient-languages';
import type { Queue } from '../../queue';
import type { ClinicNameSource } from '../../services/settings';
import type { AppRouter, AppState } from '../../state';
import { renderView } from '../../views/render';
import { readForm } from './form';

const PAGE_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex, nofollow',
};

/** Errors whose server message is written for developers, never shown to a patient. */
const DEVELOPER_ERRORS = new Set(['validation_failed', 'malformed_request', 'internal_error', 'invalid_reference']);

/**
 * Check-in from the patient's own phone. The waiting-room display shows `GET /api/check-in-code` as a QR code (a
 * new one every minute, each good for five: see services/check-in-codes.ts), a printed poster its own code;
 * scanning either opens `/c/<code>`, a server-rendered page in the patient's language where they take a walk-in
 * ticket or check their booking in, and land on the same live ticket page (`/t/<code>`) as a kiosk ticket. A code
 * linked to a kiosk profile offers that kiosk's departments, and works only while the profile allows phone
 * check-in. An old, revoked or switched-off code is refused in plain words.
 */
export function phoneCheckInRoutes(
  config: Readonly<Config>,
  queue: Queue,
  kiosk: KioskServices,
  clinicName: ClinicNameSource,
  codes: CheckInCodes,
  kioskProfiles: KioskProfileService,
): AppRouter {
  const router: AppRouter = new Router();
  const addressOf = (code: string) => `${config.publicBaseUrl}/c/${code}`;

  router.get('/api/check-in-code', async (ctx) => {
    const kiosk = String(ctx.query.kiosk ?? '');
    if (kiosk && !/^[1-9]\d{0,8}$/.test(kiosk)) throw new AppError(422, 'validation_failed', 'kiosk: Give a kiosk profile id.', [{ path: 'kiosk', message: 'Give a kiosk profile id.' }]);
    const kioskId = kiosk ? Number(kiosk) : null;
    ctx.set('Cache-Control', 'no-store');
    let body: CheckInCodeAnswer = { available: false };
    if (await codes.kioskTakesPhones(kioskId)) {
      const { code, expiresAt } = await codes.issue(kioskId);
      body = { available: true, code, url: addressOf(code), qr: `/api/check-in-code/${code}/qr.svg`, expiresAt: expiresAt.toISOString() };
    }
    ctx.body = body;
  });

  router.get('/api/check-in-code/:code/qr.svg', async (ctx) => {
    if ((await codes.check(ctx.params.code)).state !== 'valid') throw new AppError(404, 'not_found', 'That check-in code has expired.');
    ctx.set('Cache-Control', 'private, max-age=300');
    ctx.type = 'image/svg+xml';
    ctx.body = await qrSvg(addressOf(ctx.params.code));
  });

  async function page(ctx: ParameterizedContext<AppState>, data: { error?: string; tab?: string } = {}, status = 200): Promise<void> {
    const language = pickLanguage([ctx.query.lang], ctx.get('accept-language'));
    const texts = CATALOGUE[language];
    const checked = await codes.check(ctx.params.code);
    const { state } = checked;
    const labels = await departmentLabels();
    const departments = state === 'valid' ? await offeredDepartments(checked) : [];
    ctx.set(PAGE_HEADERS);
    ctx.status = state === 'valid' ? status : state === 'off' ? 403 : 410;
    ctx.type = 'html';
    ctx.body = renderView('phone-check-in', {
      clinicName: await clinicName(),
      title: state === 'valid' ? texts.phoneCheckIn.title : state === 'off' ? texts.phoneCheckIn.offTitle : texts.phoneCheckIn.expiredTitle,
      lang: language,
      dir: texts.dir,
      t: texts.phoneCheckIn,
      languageLabel: texts.ticketPage.language,
      code: ctx.params.code,
      // One key per page shown (each form adds its own letter): a double tap or a resent form gives one ticket.
      key: randomBytes(12).toString('base64url'),
      expired: state === 'expired' || state === 'invalid',
      off: state === 'off',
      error: data.error,
      departments: departments.filter((d) => d.open).map((d) => ({ id: d.id, name: departmentName(d, labels, language) })),
      languages: LANGUAGES.filter((l) => l !== language).map((l) => ({ code: l, name: CATALOGUE[l].languageName, dir: CATALOGUE[l].dir })),
    });
  }

  /** The open departments a code offers walk-ins: its kiosk profile's (none ticked: all), else every one. */
  async function offeredDepartments(checked: CheckedCode) {
    const all = await kioskDepartments(queue.live, { timeZone: kiosk.timeZone, now: kiosk.now() });
    const open = all.filter((d) => d.open);
    const ids = await kioskProfiles.departmentIds(checked.kioskId ?? null);
    return ids.size ? open.filter((d) => ids.has(d.id)) : open;
  }

  router.get('/c/:code', (ctx) => page(ctx));

  /** Runs a check-in for a valid code and sends the patient to their ticket; a refusal re-renders the form. */
  async function checkIn(ctx: ParameterizedContext<AppState>, run: (form: URLSearchParams, checked: CheckedCode) => Promise<QueueEntry>): Promise<void> {
    const checked = await codes.check(ctx.params.code);
    if (checked.state !== 'valid') return page(ctx);
    const form = await readForm(ctx);
    const language: Language = pickLanguage([ctx.query.lang], ctx.get('accept-language'));
    try {
      // The same per-address allowance as every other public check-in path (a code is public: the display shows it).
      await kiosk.checkInLimiter.consume(ctx.ip);
      const entry = await run(form, checked);
      await recordTicketLanguage(entry.publicCode, language);
      ctx.status = 303;
      ctx.redirect(`/t/${encodeURIComponent(entry.publicCode)}?lang=${language}`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const words = language === 'en' && !DEVELOPER_ERRORS.has(error.id) ? error.message : CATALOGUE[language].errors[error.id] ?? CATALOGUE[language].errors.generic;
      await page(ctx, { error: words }, error.status);
    }
  }

  router.post('/c/:code/walk-in', (ctx) =>
    checkIn(ctx, async (form, checked) => {
      const departmentId = Number(form.get('departmentId'));
      if (!Number.isInteger(departmentId) || departmentId <= 0) throw new AppError(422, 'validation_failed', 'Choose a department.');
      // A kiosk's code takes walk-ins only for the departments that kiosk offers, as the kiosk itself does.
      const offered = await kioskProfiles.departmentIds(checked.kioskId ?? null);
      if (offered.size && !offered.has(departmentId)) {
        throw new AppError(422, 'validation_failed', 'Choose one of the departments listed.');
      }
      return queue.walkIn({ departmentId, idempotencyKey: idempotencyKeyOf(form) }, null, () => kiosk.now());
    }),
  );

  router.post('/c/:code/appointment', (ctx) =>
    checkIn(ctx, (form) =>
      queue.service.checkInAppointment({ bookingCode: String(form.get('bookingCode') ?? '').trim(), idempotencyKey: idempotencyKeyOf(form) }, null),
    ),
  );

  return router;
}

/** The form's one-time key (a hidden field), so a double tap or a resent form gives the same ticket. */
function idempotencyKeyOf(form: URLSearchParams): string {
  const key = form.get('key') ?? '';
  if (!/^[A-Za-z0-9_-]{8,65}$/.test(key)) throw new AppError(422, 'validation_failed', 'Please reload the page and try again.');
  return key;
}
