import Router from '@koa/router';
import type { ParameterizedContext } from 'koa';
import type { DepartmentResponse } from '../../../common/admin';
import type { DepartmentSummary } from '../../../common/api';
import { auth } from '../../middleware/auth';
import { validate, type InputOf } from '../../middleware/validate';
import { presentDepartment } from '../../presenters/admin';
import type { DepartmentService } from '../../services/departments';
import type { AppRouter, AppState } from '../../state';
import type { Department } from '../../models';
import { actorOf } from '../actor';
import { CreateDepartmentSchema, DepartmentIdSchema, UpdateDepartmentSchema } from './schema';

function respond(ctx: ParameterizedContext<AppState>, department: Department, status = 200): void {
  const body: DepartmentResponse = { department: presentDepartment(department) };
  ctx.status = status;
  ctx.body = body;
}

/** Departments: every staff member may list them (inactive ones included); admins change them. */
export function departmentRoutes(departments: DepartmentService): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/departments' });

  router.get('/', auth(), async (ctx) => {
    const body: { departments: DepartmentSummary[] } = {
      departments: (await departments.list()).map(presentDepartment),
    };
    ctx.body = body;
  });

  router.post('/', auth('admin'), validate(CreateDepartmentSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof CreateDepartmentSchema>;
    respond(ctx, await departments.create(body, actorOf(ctx)), 201);
  });

  router.patch('/:id', auth('admin'), validate(UpdateDepartmentSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof UpdateDepartmentSchema>;
    respond(ctx, await departments.update(params.id, body, actorOf(ctx)));
  });

  router.post('/:id/deactivate', auth('admin'), validate(DepartmentIdSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof DepartmentIdSchema>;
    respond(ctx, await departments.update(params.id, { active: false }, actorOf(ctx)));
  });

  router.post('/:id/activate', auth('admin'), validate(DepartmentIdSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof DepartmentIdSchema>;
    respond(ctx, await departments.update(params.id, { active: true }, actorOf(ctx)));
  });

  return router;
}
