import Router from '@koa/router';
import type { StaffResponse } from '../../../common/admin';
import type { StaffUser } from '../../../common/api';
import { auth } from '../../middleware/auth';
import { validate, type InputOf } from '../../middleware/validate';
import { presentUser } from '../../presenters/user';
import type { StaffService } from '../../services/staff';
import type { AppRouter, AppState } from '../../state';
import type { ParameterizedContext } from 'koa';
import type { User } from '../../models';
import { actorOf } from '../actor';
import { CreateStaffSchema, ListStaffSchema, ResetPasswordSchema, StaffIdSchema, UpdateStaffSchema } from './schema';

function respond(ctx: ParameterizedContext<AppState>, user: User, status = 200): void {
  const body: StaffResponse = { user: presentUser(user) };
  ctx.status = status;
  ctx.body = body;
}

/** Staff accounts (admins only): list, create, edit, deactivate and reactivate, reset a password. Never deleted. */
export function userRoutes(staff: StaffService): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/users' });

  router.get('/', auth('admin'), validate(ListStaffSchema), async (ctx) => {
    const { query } = ctx.state.input as InputOf<typeof ListStaffSchema>;
    const users = await staff.list(query.role);
    const body: { users: StaffUser[] } = { users: users.map(presentUser) };
    ctx.body = body;
  });

  router.post('/', auth('admin'), validate(CreateStaffSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof CreateStaffSchema>;
    respond(ctx, await staff.create(body, actorOf(ctx)), 201);
  });

  router.patch('/:id', auth('admin'), validate(UpdateStaffSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof UpdateStaffSchema>;
    respond(ctx, await staff.update(params.id, body, actorOf(ctx)));
  });

  router.post('/:id/deactivate', auth('admin'), validate(StaffIdSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof StaffIdSchema>;
    respond(ctx, await staff.deactivate(params.id, actorOf(ctx)));
  });

  router.post('/:id/activate', auth('admin'), validate(StaffIdSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof StaffIdSchema>;
    respond(ctx, await staff.activate(params.id, actorOf(ctx)));
  });

  router.post('/:id/reset-password', auth('admin'), validate(ResetPasswordSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof ResetPasswordSchema>;
    respond(ctx, await staff.resetPassword(params.id, body.password, actorOf(ctx)));
  });

  return router;
}
