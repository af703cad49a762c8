import Router from '@koa/router';
import type { ParameterizedContext } from 'koa';
import type { Config } from '../config';
import { notFound } from '../errors';
import type { ApiTokenService } from '../services/api-tokens';
import type { AppRouter, AppState } from '../state';
import { fhirAuth, readerOf } from './auth';
import { pageRequest, searchset } from './bundle';
import { capabilityStatement } from './capability';
import { HANDLERS, patientEverything } from './registry';
import { readById, type ResourceHandler, type SearchContext } from './search/context';
import { assertKnownParams, type FhirQuery } from './search-params';
import { systemNow } from '../clock';

/** What the FHIR routes need. */
export interface FhirDeps {
  config: Readonly<Config>;
  tokens: ApiTokenService;
  now?: () => Date;
}

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** The server's FHIR base as clients reach it (behind a proxy, the proxy's address when `trustProxy` is on). */
const baseOf = (ctx: ParameterizedContext<AppState>) => `${ctx.origin}/fhir/R4`;

function handlerOf(type: string): ResourceHandler {
  const handler = HANDLERS.get(type);
  if (!handler) throw notFound(`The resource type ${type}`);
  return handler;
}

/**
 * The FHIR R4 read API (issue 16) under /fhir/R4: the CapabilityStatement (public), then read, search and
 * Patient $everything for API tokens with `fhir:read` and signed-in admins and doctors (server/fhir/auth.ts).
 * Answers are `application/fhir+json`; errors are OperationOutcomes with the usual statuses (fhir/outcome.ts).
 */
export function fhirRoutes(deps: FhirDeps): AppRouter {
  const router: AppRouter = new Router({ prefix: '/fhir/R4' });
  const now = deps.now ?? (systemNow);
  const started = now();
  const searchContext = (ctx: ParameterizedContext<AppState>): SearchContext => ({ reader: readerOf(ctx), zone: deps.config.clinicTimeZone });
  const answer = (ctx: ParameterizedContext<AppState>, body: unknown) => {
    ctx.body = body;
    ctx.type = FHIR_JSON;
    ctx.set('Cache-Control', 'no-store');
  };

  router.get('/metadata', (ctx) => {
    answer(ctx, capabilityStatement(HANDLERS.values(), baseOf(ctx), started));
  });

  router.get('/:type', fhirAuth(deps.tokens), async (ctx) => {
    const handler = handlerOf(ctx.params.type);
    const query = ctx.query as FhirQuery;
    assertKnownParams(query, handler.params);
    const page = pageRequest(query);
    const found = await handler.search(query, page, searchContext(ctx));
    answer(ctx, searchset(found, page, { base: baseOf(ctx), path: `/${handler.type}`, query }, now()));
  });

  router.get('/:type/:id', fhirAuth(deps.tokens), async (ctx) => {
    const handler = handlerOf(ctx.params.type);
    const resource = await readById(handler, ctx.params.id, searchContext(ctx));
    if (!resource) throw notFound(`${handler.type}/${ctx.params.id}`);
    answer(ctx, resource);
  });

  router.get('/:type/:id/:operation', fhirAuth(deps.tokens), async (ctx) => {
    const { type, id, operation } = ctx.params;
    if (type !== 'Patient' || operation !== '$everything') throw notFound(`The operation ${type}/{id}/${operation}`);
    const query = ctx.query as FhirQuery;
    assertKnownParams(query, []);
    const page = pageRequest(query);
    const found = await patientEverything(id, page, searchContext(ctx));
    answer(ctx, searchset(found, page, { base: baseOf(ctx), path: `/Patient/${id}/$everything`, query }, now()));
  });

  return router;
}
