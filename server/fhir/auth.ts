import type { Middleware, ParameterizedContext } from 'koa';
import { AppError, forbidden } from '../errors';
import { requireUser } from '../middleware/auth';
import { resolveActor } from '../queue/commands/access';
import type { ApiTokenService } from '../services/api-tokens';
import { audit } from '../services/audit';
import type { AppState } from '../state';
import type { FhirReader } from './search/context';

/** The scope an API token needs for the FHIR API. */
export const FHIR_READ_SCOPE = 'fhir:read';

/** `ctx.state` under /fhir: the app's, plus who reads. */
export type FhirState = AppState & { fhirReader?: FhirReader };

/** The reader `fhirAuth` let through. */
export const readerOf = (ctx: ParameterizedContext<AppState>): FhirReader => (ctx.state as FhirState).fhirReader!;

async function tokenReader(tokens: ApiTokenService, secret: string, ctx: ParameterizedContext<AppState>): Promise<FhirReader> {
  const token = await tokens.authenticate(secret, ctx.ip);
  if (!token.scopeList().includes(FHIR_READ_SCOPE)) {
    await audit({ userId: null, action: 'fhir.refused', entityType: 'api_token', entityId: token.id, ip: ctx.ip, details: { reason: 'insufficient_scope', path: ctx.path } });
    const refusal = new AppError(403, 'insufficient_scope', `This API token lacks the ${FHIR_READ_SCOPE} scope.`, undefined, {
      'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${FHIR_READ_SCOPE}"`,
    });
    refusal.audited = true;
    throw refusal;
  }
  return { userId: null, tokenId: token.id, doctor: null };
}

async function staffReader(ctx: ParameterizedContext<AppState>): Promise<FhirReader> {
  const user = requireUser(ctx);
  // The API exports clinical records: the roles that may read them (services/records/access.ts), never reception.
  if (user.role === 'reception') throw forbidden('Reception cannot read clinical records.');
  const actor = await resolveActor(user);
  return { userId: user.id, tokenId: null, doctor: actor?.doctor ? { id: actor.doctor.id, departmentId: actor.doctor.departmentId } : null };
}

/** The patient a FHIR request is about, when it names one (for the audit row). */
function patientOf(ctx: ParameterizedContext<AppState>): number | undefined {
  const fromPath = /^\/fhir\/R4\/Patient\/(\d+)/.exec(ctx.path)?.[1];
  const fromQuery = typeof ctx.query.patient === 'string' ? /(\d+)$/.exec(ctx.query.patient)?.[1] : undefined;
  const id = fromPath ?? fromQuery;
  return id ? Number(id) : undefined;
}

/**
 * Lets a FHIR request through for an API token with the `fhir:read` scope (`Authorization: Bearer ...`) or a signed-in
 * admin or doctor: 401 without either (or with a bad token), 403 for reception or a token without the scope.
 * Every answered request is audited (`fhir.read`: who or which token, what was asked, about which patient), awaited
 * like the staff reads: a read the trail cannot record is not answered.
 */
export function fhirAuth(tokens: ApiTokenService): Middleware<AppState> {
  return async (ctx, next) => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(ctx.get('Authorization'))?.[1];
    const reader = bearer ? await tokenReader(tokens, bearer, ctx) : await staffReader(ctx);
    (ctx.state as FhirState).fhirReader = reader;
    await next();
    if (ctx.status >= 400) return;
    const total = (ctx.body as { total?: number } | undefined)?.total;
    await audit({
      userId: reader.userId,
      action: 'fhir.read',
      entityType: reader.tokenId ? 'api_token' : undefined,
      entityId: reader.tokenId ?? undefined,
      patientId: patientOf(ctx),
      ip: ctx.ip,
      details: { path: ctx.path, query: { ...ctx.query }, ...(total !== undefined ? { total } : {}) },
    });
  };
}
