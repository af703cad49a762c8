import type Router from '@koa/router';
import type { AuthState } from './middleware/auth';

/** What middleware leaves in `ctx.state` for handlers: the signed-in user and the validated input. */
export type AppState = AuthState & { input?: unknown };

/** Every router in routes/ is typed with the app's state, so they compose into one app. */
export type AppRouter = Router<AppState>;
