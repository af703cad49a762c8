import Router from '@koa/router';
import type { CheckInPosterView } from '../../../common/check-in';
import { CATALOGUE, LANGUAGES } from '../../../common/i18n';
import type { Config } from '../../config';
import { conflict } from '../../errors';
import { auth } from '../../middleware/auth';
import { validate, type InputOf } from '../../middleware/validate';
import type { CheckInPoster } from '../../models';
import type { KioskProfileService } from '../../services/kiosk-profiles';
import { presentPoster } from '../../presenters/check-in-poster';
import type { CheckInCodes } from '../../services/check-in-codes';
import type { CheckInPosterService } from '../../services/check-in-posters';
import { qrSvg } from '../../services/kiosk/ticket-links';
import type { ClinicNameSource } from '../../services/settings';
import type { AppRouter } from '../../state';
import { renderView } from '../../views/render';
import { actorOf } from '../actor';
import { CreatePosterSchema, PosterIdSchema } from './schema';

/**
 * Printed check-in posters (admins): list, make (good through a chosen clinic day, for the clinic or one kiosk
 * profile), revoke, and the A4 page to print, whose QR code opens phone check-in like the display's.
 */
export function checkInPosterRoutes(
  config: Readonly<Config>,
  posters: CheckInPosterService,
  codes: CheckInCodes,
  clinicName: ClinicNameSource,
  context: { timeZone: () => string; now: () => Date; kioskProfiles: KioskProfileService },
): AppRouter {
  const router: AppRouter = new Router();
  const admin = auth('admin');

  const present = async (rows: CheckInPoster[]): Promise<CheckInPosterView[]> => {
    const kiosks = new Map((await context.kioskProfiles.list()).map((k) => [k.id, k]));
    const now = context.now();
    return Promise.all(
      rows.map(async (poster) =>
        presentPoster(poster, { kiosks, url: `${config.publicBaseUrl}/c/${await codes.posterCode(poster.id)}`, now, timeZone: context.timeZone() }),
      ),
    );
  };

  router.get('/api/check-in-posters', admin, async (ctx) => {
    ctx.body = { posters: await present(await posters.list()) };
  });

  router.post('/api/check-in-posters', admin, validate(CreatePosterSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof CreatePosterSchema>;
    const [poster] = await present([await posters.create(body, actorOf(ctx))]);
    ctx.status = 201;
    ctx.body = poster;
  });

  router.post('/api/check-in-posters/:id/revoke', admin, validate(PosterIdSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof PosterIdSchema>;
    const [poster] = await present([await posters.revoke(params.id, actorOf(ctx))]);
    ctx.body = poster;
  });

  router.get('/check-in-posters/:id/print', admin, validate(PosterIdSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof PosterIdSchema>;
    const [poster] = await present([await posters.get(params.id)]);
    if (poster.status !== 'active') throw conflict('invalid_transition', `This poster is ${poster.status}: its code no longer works. Make a new poster.`);
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'self'");
    ctx.body = renderView('check-in-poster', {
      clinicName: await clinicName(),
      label: poster.label,
      kioskName: poster.kiosk?.name,
      validThrough: poster.validThrough,
      url: poster.url,
      qrSvg: await qrSvg(poster.url),
      qrLabel: CATALOGUE.en.poster.title,
      languages: LANGUAGES.map((code) => ({ code, dir: CATALOGUE[code].dir, ...CATALOGUE[code].poster })),
    });
  });

  return router;
}
