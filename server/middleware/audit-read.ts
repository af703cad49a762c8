import type { ParsedUrlQuery } from 'node:querystring';
import type { Middleware, ParameterizedContext } from 'koa';
import { audit, type AuditEntry } from '../services/audit';
import type { AppState } from '../state';

/** The route parameters and query of an answered read. */
export interface ReadRequest {
  params: Record<string, string>;
  query: ParsedUrlQuery;
}

/** What a read names in the audit trail, worked out from the request once it has been answered. */
export type ReadDescription = Omit<AuditEntry, 'userId' | 'action' | 'ip'>;

/**
 * Audits a successful staff read of personal or clinical data (a profile, a list, a search): who, what, when (the
 * row's time) and from which address. Written after the answer is built and before it is sent, and awaited: a read
 * the trail cannot record is not answered. Only for signed-in routes (after auth()), never on public ones.
 */
export function auditRead(action: string, describe: (request: ReadRequest) => ReadDescription = () => ({})): Middleware<AppState> {
  return async (ctx, next) => {
    await next();
    const user = ctx.state.user;
    if (!user || ctx.status >= 400) return;
    const params = (ctx as ParameterizedContext<AppState> & { params?: Record<string, string> }).params ?? {};
    await audit({ userId: user.id, action, ip: ctx.ip, ...describe({ params, query: ctx.query }) });
  };
}

/** The query of a list or search as audit details (page and size included: they say how much was seen). */
export function queryDetails(request: ReadRequest): ReadDescription {
  return { details: { query: { ...request.query } } };
}
