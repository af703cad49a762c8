import Router from '@koa/router';
import type { ParameterizedContext } from 'koa';
import { z } from 'zod';
import { MedicineInputSchema, type FormularySearchResponse } from '../../../common/formulary';
import { auth } from '../../middleware/auth';
import { validate, type InputOf } from '../../middleware/validate';
import type { FormularyService, FormularyActor } from '../../services/formulary';
import type { AppRouter, AppState } from '../../state';

const id = z.coerce.number({ error: 'Expected a number.' }).int().positive('Expected a positive id.');

/** GET /api/formulary?q=&limit=&all= */
export const SearchSchema = {
  query: z.object({
    q: z.string().trim().max(100, 'Search: use at most 100 characters.').optional().default(''),
    limit: z.coerce.number({ error: 'Limit: expected a number.' }).int().min(1).max(500, 'Limit: at most 500.').optional().default(20),
    all: z.enum(['true', 'false'], { error: 'All: expected true or false.' }).optional().default('false'),
  }),
};
export const CreateSchema = { body: MedicineInputSchema };
// No defaults here: a PATCH that leaves out the strength must not clear it.
export const UpdateSchema = {
  params: z.object({ id }),
  body: z.object({
    name: MedicineInputSchema.shape.name.optional(),
    strength: z.string().trim().max(80, 'Strength: use at most 80 characters.').optional(),
    form: z.string().trim().max(60, 'Form: use at most 60 characters.').optional(),
    active: MedicineInputSchema.shape.active,
  }),
};
export const FavouriteSchema = { params: z.object({ id }) };

const actor = (ctx: ParameterizedContext<AppState>): FormularyActor => ({ userId: ctx.state.user!.id, ip: ctx.ip });

/**
 * The formulary (issue 19): doctors and admins search it (favourites first; `all=true` lists withdrawn medicines
 * too, for the admin's list), admins add and edit medicines, doctors keep favourites.
 */
export function formularyRoutes(formulary: FormularyService): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/formulary' });

  router.get('/', auth('doctor', 'admin'), validate(SearchSchema), async (ctx) => {
    const { query } = ctx.state.input as InputOf<typeof SearchSchema>;
    const body: FormularySearchResponse = await formulary.search(query.q, query.limit, query.all === 'true', actor(ctx));
    ctx.body = body;
  });

  router.post('/', auth('admin'), validate(CreateSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof CreateSchema>;
    ctx.status = 201;
    ctx.body = await formulary.create({ name: body.name, strength: body.strength, form: body.form }, actor(ctx));
  });

  router.patch('/:id', auth('admin'), validate(UpdateSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof UpdateSchema>;
    ctx.body = await formulary.update(params.id, body, actor(ctx));
  });

  router.put('/:id/favourite', auth('doctor'), validate(FavouriteSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof FavouriteSchema>;
    ctx.body = await formulary.setFavourite(params.id, true, actor(ctx));
  });

  router.delete('/:id/favourite', auth('doctor'), validate(FavouriteSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof FavouriteSchema>;
    ctx.body = await formulary.setFavourite(params.id, false, actor(ctx));
  });

  return router;
}
