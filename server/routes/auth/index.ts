import Router from '@koa/router';
import type { Config } from '../../config';
import { isHttps } from '../../security/origins';
import type { SessionResponse } from '../../../common/api';
import { requireUser } from '../../middleware/auth';
import type { AppRouter } from '../../state';
import { validate, type InputOf } from '../../middleware/validate';
import { presentUser } from '../../presenters/user';
import { SESSION_COOKIE, type AuthService } from '../../services/auth';
import { SignInSchema } from './schema';

/** Staff sign-in, sign-out and "who am I". */
export function authRoutes(auth: AuthService, config: Pick<Config, 'publicBaseUrl'>): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/auth' });
  // Behind a TLS-terminating proxy the hop to us is plain http; the public address says what the browser sees.
  const httpsOnly = isHttps(config);

  router.post('/sign-in', validate(SignInSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof SignInSchema>;
    const { token, user, session } = await auth.signIn(body.email, body.password, {
      ip: ctx.ip,
      userAgent: ctx.get('user-agent'),
    });
    // A browser-session cookie: the server decides when it expires (idle lifetime), the browser forgets it on exit.
    const secure = httpsOnly || ctx.secure;
    // The cookies library refuses a Secure cookie on what it thinks is a plain connection; the public address is https.
    if (secure) ctx.cookies.secure = true;
    ctx.cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, overwrite: true });
    const response: SessionResponse = { user: presentUser(user), expiresAt: session.expiresAt.toISOString() };
    ctx.body = response;
  });

  router.get('/me', async (ctx) => {
    const user = requireUser(ctx);
    const response: SessionResponse = {
      user: presentUser(user),
      expiresAt: ctx.state.session!.expiresAt.toISOString(),
    };
    ctx.body = response;
  });

  router.post('/sign-out', async (ctx) => {
    await auth.signOut(ctx.cookies.get(SESSION_COOKIE), { ip: ctx.ip });
    ctx.cookies.set(SESSION_COOKIE, null);
    ctx.status = 204;
  });

  return router;
}
