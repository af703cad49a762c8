import Router from '@koa/router';
import type { ParameterizedContext } from 'koa';
import QRCode from 'qrcode';
import type { Config } from '../config';
import { auth } from '../middleware/auth';
import { validate, type InputOf } from '../middleware/validate';
import { isHttps } from '../security/origins';
import type { AppRouter, AppState } from '../state';
import { CATALOGUE, type Language } from '../../common/i18n';
import { patientLanguage } from '../services/patient-languages';
import { formatDateTime } from '../../common/clinic-format';
import type { ClinicNameSource } from '../services/settings';
import { renderView } from '../views/render';
import { loadPatient, requirePatient } from './middleware';
import { CodeRequestSchema, CodeSignInSchema, LinkSignInSchema, SignInLinkSchema } from './schema';
import { PATIENT_COOKIE, type PatientSessions } from './sessions';
import type { PatientSignIn } from './sign-in';

/**
 * Patient sign-in on the dashboard: ask for a code, sign in with it or with a printed link, sign out, "who am I";
 * and for the desk, a sign-in link with its QR code to print for a patient who stands there.
 */
export function patientSignInRoutes(
  config: Pick<Config, 'publicBaseUrl'>,
  signIn: PatientSignIn,
  sessions: PatientSessions,
  clinicName: ClinicNameSource,
  zone: () => string,
): AppRouter {
  const router: AppRouter = new Router();
  const httpsOnly = isHttps(config);
  router.use(loadPatient(sessions));

  const setCookie = (ctx: ParameterizedContext<AppState>, token: string) => {
    const secure = httpsOnly || ctx.secure;
    if (secure) ctx.cookies.secure = true;
    ctx.cookies.set(PATIENT_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, overwrite: true });
  };
  // The dashboard opens in the printed page's language; the token stays after '#', never in a log or a Referer.
  const linkUrl = (lang: Language, token: string) => `${config.publicBaseUrl}/me/?lang=${lang}#link=${token}`;
  const origin = (ctx: ParameterizedContext<AppState>) => ({ ip: ctx.ip, userAgent: ctx.get('user-agent') });

  router.post('/api/me/sign-in/code', validate(CodeRequestSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof CodeRequestSchema>;
    await signIn.requestCode(body.identifier, body.language, origin(ctx));
    // The same answer whether or not the identifier has an account, so the form does not tell who is a patient.
    ctx.status = 202;
    ctx.body = { sent: true };
  });

  router.post('/api/me/sign-in', validate(CodeSignInSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof CodeSignInSchema>;
    const { token, session } = await signIn.signInWithCode(body.identifier, body.code, origin(ctx));
    setCookie(ctx, token);
    ctx.body = await signIn.sessionView(session.accountId, session.expiresAt);
  });

  router.post('/api/me/sign-in/link', validate(LinkSignInSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof LinkSignInSchema>;
    const { token, session } = await signIn.signInWithLink(body.token, origin(ctx));
    setCookie(ctx, token);
    ctx.body = await signIn.sessionView(session.accountId, session.expiresAt);
  });

  router.get('/api/me/session', async (ctx) => {
    requirePatient(ctx);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await signIn.sessionView(ctx.state.patient!.account.id, ctx.state.patient!.session.expiresAt);
  });

  router.post('/api/me/sign-out', async (ctx) => {
    await sessions.end(ctx.cookies.get(PATIENT_COOKIE));
    ctx.cookies.set(PATIENT_COOKIE, null);
    ctx.status = 204;
  });

  // The desk prints this for a patient in front of them: the link signs them in once, within a day.
  router.post('/api/patients/:id/sign-in-link', auth('admin', 'reception'), validate(SignInLinkSchema), async (ctx) => {
    const { params, query } = ctx.state.input as InputOf<typeof SignInLinkSchema>;
    const lang = query.lang ?? (await patientLanguage(params.id)) ?? 'en';
    const { token, expiresAt } = await signIn.issueLink(params.id, ctx.state.user!.id, ctx.ip);
    const url = linkUrl(lang, token);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { url, language: lang, expiresAt: expiresAt.toISOString(), qrSvg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
  });

  // The same link on paper: a form at the desk posts here and the printable page opens in a new tab (80 mm roll).
  // Outside /api so a plain form may post it; the origin check still applies to it.
  router.post('/desk/patients/:id/sign-in-link', auth('admin', 'reception'), validate(SignInLinkSchema), async (ctx) => {
    const { params, query } = ctx.state.input as InputOf<typeof SignInLinkSchema>;
    const patient = await signIn.patient(params.id);
    // The language the desk chose, else the one the patient last checked in in, else English.
    const lang = query.lang ?? (await patientLanguage(params.id)) ?? 'en';
    const { token, expiresAt } = await signIn.issueLink(params.id, ctx.state.user!.id, ctx.ip);
    const texts = CATALOGUE[lang];
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'");
    ctx.body = renderView('patient-sign-in-link', {
      lang,
      dir: texts.dir,
      m: texts.me,
      clinicName: await clinicName(),
      firstName: patient.fullName.split(/\s+/)[0],
      qrDataUrl: await QRCode.toDataURL(linkUrl(lang, token), { errorCorrectionLevel: 'M', margin: 2, scale: 6 }),
      expires: texts.me.linkExpires(formatDateTime(expiresAt, zone(), texts.locale)),
    });
  });

  return router;
}
