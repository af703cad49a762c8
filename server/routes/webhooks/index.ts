import Router from '@koa/router';
import type { ParameterizedContext } from 'koa';
import { z } from 'zod';
import { WEBHOOK_EVENTS, type CreatedWebhookResponse, type WebhookListResponse } from '../../../common/webhooks';
import { auth } from '../../middleware/auth';
import { validate, type InputOf } from '../../middleware/validate';
import type { AppRouter, AppState } from '../../state';
import type { HookActor, WebhookService } from '../../webhooks/service';

/** POST /api/webhooks */
export const CreateWebhookSchema = {
  body: z.object({
    url: z
      .string({ error: 'URL: required.' })
      .trim()
      .max(500, 'URL: use at most 500 characters.')
      .url('URL: enter a full address such as https://emr.example.org/hooks/mediqueue.')
      .refine((u) => /^https?:\/\//i.test(u), 'URL: only http and https addresses.'),
    events: z.array(z.enum(WEBHOOK_EVENTS, { error: `Events: each one of ${WEBHOOK_EVENTS.join(', ')}.` })).min(1, 'Events: choose at least one.'),
    clinical: z.boolean({ error: 'Clinical: true or false.' }).optional().default(false),
  }),
};

/** DELETE /api/webhooks/:id */
export const WebhookIdSchema = { params: z.object({ id: z.coerce.number({ error: 'Expected a number.' }).int().positive('Expected a positive id.') }) };

const actor = (ctx: ParameterizedContext<AppState>): HookActor => ({ userId: ctx.state.user!.id, ip: ctx.ip });

/** Webhooks (issue 16): admins list them with their last delivery status, register and remove them. */
export function webhookRoutes(hooks: WebhookService): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/webhooks' });

  router.get('/', auth('admin'), async (ctx) => {
    const body: WebhookListResponse = { webhooks: await hooks.list() };
    ctx.set('Cache-Control', 'no-store');
    ctx.body = body;
  });

  router.post('/', auth('admin'), validate(CreateWebhookSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof CreateWebhookSchema>;
    const created: CreatedWebhookResponse = await hooks.create(body, actor(ctx));
    ctx.status = 201;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = created;
  });

  router.delete('/:id', auth('admin'), validate(WebhookIdSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof WebhookIdSchema>;
    await hooks.remove(params.id, actor(ctx));
    ctx.status = 204;
  });

  return router;
}
