import type { Middleware, ParameterizedContext } from 'koa';
import { notSignedIn } from '../errors';
import type { AppState } from '../state';
import { patientActor, type PatientActor } from './actor';
import { PATIENT_COOKIE, type PatientSessions } from './sessions';

/**
 * Reads the patient cookie on the dashboard's routes (and nowhere else): the signed-in patient goes to
 * `ctx.state.patient`. Never refuses by itself; never sets `ctx.state.user`, which staff routes check.
 */
export function loadPatient(sessions: PatientSessions): Middleware<AppState> {
  return async (ctx, next) => {
    const found = await sessions.lookup(ctx.cookies.get(PATIENT_COOKIE));
    if (found) ctx.state.patient = found;
    else if (ctx.cookies.get(PATIENT_COOKIE)) ctx.cookies.set(PATIENT_COOKIE, null);
    await next();
  };
}

/** 401 unless a patient is signed in; else the actor the dashboard's services act for. */
export function requirePatient(ctx: ParameterizedContext<AppState>): PatientActor {
  const found = ctx.state.patient;
  if (!found) throw notSignedIn('Please sign in with a code to see your appointments and visits.');
  return patientActor(found.account.patientId, found.account.id, ctx.ip, found.family);
}
