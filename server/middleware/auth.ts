import type { Middleware, ParameterizedContext } from 'koa';
import type { Role } from '../../common/api';
import { forbidden, notSignedIn } from '../errors';
import type { Session, User } from '../models';
import { SESSION_COOKIE, type AuthService, type SessionLookup } from '../services/auth';

/** What the session middleware leaves in `ctx.state`. */
export interface AuthState {
  user?: User;
  session?: Session;
  sessionState: SessionLookup['state'];
  /** No staff session, but a patient's (the dashboard's): staff routes answer 403, not "please sign in". */
  patientOnly?: boolean;
}

/** Whether a request carries a live patient session (patient-portal), asked only when it has no staff one. */
export type PatientSessionCheck = (ctx: ParameterizedContext<AuthState>) => Promise<boolean>;

/** Reads the session cookie (if any) and puts the signed-in user into `ctx.state.user`. Never refuses by itself. */
export function loadSession(auth: AuthService, patientSession?: PatientSessionCheck): Middleware<AuthState> {
  return async (ctx, next) => {
    const found = await auth.lookup(ctx.cookies.get(SESSION_COOKIE));
    ctx.state.sessionState = found.state;
    if (found.state === 'active') {
      ctx.state.user = found.user;
      ctx.state.session = found.session;
    } else {
      if (found.state === 'expired') ctx.cookies.set(SESSION_COOKIE, null);
      if (patientSession && (await patientSession(ctx))) ctx.state.patientOnly = true;
    }
    await next();
  };
}

/** Throws 401 unless someone is signed in, naming an expired session as such. */
export function requireUser(ctx: ParameterizedContext<AuthState>): User {
  const user = ctx.state.user;
  if (user) return user;
  if (ctx.state.patientOnly) throw forbidden('This is a patient sign-in. Staff pages need a staff account.');
  if (ctx.state.sessionState === 'expired') {
    throw notSignedIn('Your session ended after a period of inactivity. Please sign in again.', 'session_expired');
  }
  throw notSignedIn();
}

/**
 * Lets the request through only for signed-in staff with one of `roles` (any staff role when none are given):
 * 401 without a session, 403 with the wrong role.
 */
export function auth(...roles: Role[]): Middleware<AuthState> {
  return async (ctx, next) => {
    const user = requireUser(ctx);
    if (roles.length && !roles.includes(user.role)) throw forbidden();
    await next();
  };
}
