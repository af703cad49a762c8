import type { ParameterizedContext } from 'koa';
import type { AppState } from '../state';

/** Who is making a change and from where, for the audit trail; only after auth() has let the request through. */
export function actorOf(ctx: ParameterizedContext<AppState>): { userId: number; ip: string; sessionId?: string } {
  return { userId: ctx.state.user!.id, ip: ctx.ip, sessionId: ctx.state.session?.id };
}
