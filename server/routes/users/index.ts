import Router from '@koa/router';
import type { StaffUser } from '../../../common/api';
import { auth } from '../../middleware/auth';
import type { AppRouter } from '../../state';
import { User } from '../../models';
import { presentUser } from '../../presenters/user';

/** Staff accounts. Listing only for now; the admin panel adds editing. */
export function userRoutes(): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/users' });

  router.get('/', auth('admin'), async (ctx) => {
    const users = await User.findAll({ order: [['fullName', 'ASC']] });
    const body: { users: StaffUser[] } = { users: users.map(presentUser) };
    ctx.body = body;
  });

  return router;
}
