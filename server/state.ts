import type Router from '@koa/router';
import type { AuthState } from './middleware/auth';
import type { ActivePatient } from './patient-portal/sessions';

/**
 * What middleware leaves in `ctx.state` for handlers: the signed-in staff user, the validated input, and on the
 * patient dashboard's routes only, the signed-in patient (never a staff user).
 */
export type AppState = AuthState & { input?: unknown; patient?: ActivePatient };

/** Every router in routes/ is typed with the app's state, so they compose into one app. */
export type AppRouter = Router<AppState>;
