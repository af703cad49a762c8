import Router from '@koa/router';
import type { ParameterizedContext } from 'koa';
import { z } from 'zod';
import { API_TOKEN_SCOPES, type ApiTokenListResponse, type CreatedApiTokenResponse } from '../../../common/api-tokens';
import { auth } from '../../middleware/auth';
import { validate, type InputOf } from '../../middleware/validate';
import { presentApiToken, type ApiTokenService, type TokenActor } from '../../services/api-tokens';
import type { AppRouter, AppState } from '../../state';

/** POST /api/api-tokens */
export const CreateTokenSchema = {
  body: z.object({
    name: z.string({ error: 'Name: required.' }).trim().min(1, 'Name: required.').max(100, 'Name: use at most 100 characters.'),
    scopes: z.array(z.enum(API_TOKEN_SCOPES, { error: `Scopes: each one of ${API_TOKEN_SCOPES.join(', ')}.` })).min(1, 'Scopes: choose at least one.'),
  }),
};

/** POST /api/api-tokens/:id/revoke */
export const TokenIdSchema = { params: z.object({ id: z.coerce.number({ error: 'Expected a number.' }).int().positive('Expected a positive id.') }) };

const actor = (ctx: ParameterizedContext<AppState>): TokenActor => ({ userId: ctx.state.user!.id, ip: ctx.ip });

/** API clients' tokens (issue 16): admins list, create (the secret is in the answer once) and revoke them. */
export function apiTokenRoutes(tokens: ApiTokenService): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/api-tokens' });

  router.get('/', auth('admin'), async (ctx) => {
    const body: ApiTokenListResponse = { tokens: (await tokens.list()).map(presentApiToken) };
    ctx.set('Cache-Control', 'no-store');
    ctx.body = body;
  });

  router.post('/', auth('admin'), validate(CreateTokenSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof CreateTokenSchema>;
    const created = await tokens.create(body.name, body.scopes, actor(ctx));
    const response: CreatedApiTokenResponse = { token: presentApiToken(created.token), secret: created.secret };
    ctx.status = 201;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = response;
  });

  router.post('/:id/revoke', auth('admin'), validate(TokenIdSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof TokenIdSchema>;
    ctx.body = presentApiToken(await tokens.revoke(params.id, actor(ctx)));
  });

  return router;
}
