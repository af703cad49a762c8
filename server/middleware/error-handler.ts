import type { Middleware, ParameterizedContext } from 'koa';
import {
  BaseError,
  ConnectionError,
  ForeignKeyConstraintError,
  TimeoutError,
  UniqueConstraintError,
  ValidationError,
} from 'sequelize';
import type { ApiErrorBody, ErrorId } from '../../common/errors';
import { AppError } from '../errors';
import { UNAVAILABLE_CODES } from '../db/timeouts';
import { audit } from '../services/audit';
import type { Logger } from '../logger';

const HTTP_IDS: Record<number, ErrorId> = {
  400: 'malformed_request',
  401: 'not_signed_in',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

// Plain words for the statuses Koa and its body parser raise themselves.
const HTTP_MESSAGES: Record<number, string> = {
  400: 'The request body is not valid JSON.',
  404: 'That page or file does not exist.',
  405: 'This address does not accept that kind of request.',
  413: 'The request is too large.',
  415: 'Send the request body as JSON.',
};

/** True when the driver's error (or the one Sequelize wrapped) says the database is unreachable or not answering. */
function isUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; parent?: { code?: unknown }; original?: { code?: unknown } } | null;
  for (const code of [e?.code, e?.parent?.code, e?.original?.code]) if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  return false;
}

function humanField(field: string): string {
  return field.replace(/_id$/, '').replace(/_/g, ' ');
}

/**
 * Maps anything thrown below it to a client-safe AppError. Unknown errors become a 500 whose message hides the
 * details; the log keeps the stack.
 */
export function toAppError(error: unknown): { appError: AppError; unexpected: boolean } {
  if (error instanceof AppError) return { appError: error, unexpected: false };
  if (error instanceof UniqueConstraintError) {
    // MySQL reports the fields as an object keyed by column, SQLite as an array of columns.
    const raw = (error.fields ?? {}) as Record<string, unknown> | string[];
    const fields = (Array.isArray(raw) ? raw : Object.keys(raw)).map(humanField);
    const what = fields.length ? fields.join(' and ') : 'value';
    return {
      appError: new AppError(409, 'already_exists', `Another record already uses this ${what}.`),
      unexpected: false,
    };
  }
  if (error instanceof ForeignKeyConstraintError) {
    return {
      appError: new AppError(
        409,
        'in_use',
        'This change refers to a record that does not exist, or removes one that others still refer to.',
      ),
      unexpected: false,
    };
  }
  if (error instanceof ValidationError) {
    const fields = error.errors.map((e) => ({ path: e.path ?? 'value', message: e.message }));
    return {
      appError: new AppError(422, 'validation_failed', fields.map((f) => `${f.path}: ${f.message}`).join('; '), fields),
      unexpected: false,
    };
  }
  if (error instanceof ConnectionError || error instanceof TimeoutError || isUnavailable(error)) {
    return {
      appError: new AppError(503, 'database_unavailable', 'The clinic database is not answering. Please try again shortly.'),
      unexpected: true,
    };
  }
  const status = (error as { status?: number; expose?: boolean })?.status;
  if (!(error instanceof BaseError) && typeof status === 'number' && status >= 400 && status < 500) {
    // Koa's own errors (ctx.throw, the body parser): their messages are written for clients.
    const message = HTTP_MESSAGES[status] ?? (error as Error).message;
    return { appError: new AppError(status, HTTP_IDS[status] ?? 'bad_request', message), unexpected: false };
  }
  return {
    appError: new AppError(500, 'internal_error', 'Something went wrong on our side. Please try again.'),
    unexpected: true,
  };
}

/**
 * Every refusal is a fact for the audit trail (who was refused what, from where). Refusals to nobody (no session,
 * no cookie: a forged cross-site post, a bot) are not written, so a flood of them cannot fill the table. A trail
 * that cannot be written (the database is away) does not change the answer; the log has it.
 */
async function auditRefusal(ctx: ParameterizedContext, error: AppError, logger: Logger): Promise<void> {
  const user = (ctx.state as { user?: { id: number } }).user;
  if (!user && ctx.headers.cookie === undefined) return;
  try {
    await audit({
      userId: user?.id ?? null,
      action: 'access.refused',
      ip: ctx.ip,
      details: { id: error.id, method: ctx.method, path: ctx.path },
    });
  } catch (failure) {
    logger.error({ err: failure, method: ctx.method, url: ctx.url }, 'could not audit a refusal');
  }
}

/**
 * The first middleware: every failure below it answers `{ "error": { "id", "message" } }` with a fitting status,
 * never a stack trace; unexpected ones are logged with their stack. `shape` may dress the body for a protocol that
 * expects its own (FHIR's OperationOutcome under /fhir).
 */
export function errorHandler(logger: Logger, shape: (path: string, status: number, body: ApiErrorBody) => unknown = (_p, _s, body) => body): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const { appError, unexpected } = toAppError(error);
      if (unexpected) logger.error({ err: error, method: ctx.method, url: ctx.url }, 'request failed');
      const body: ApiErrorBody = { error: { id: appError.id, message: appError.message } };
      if (appError.fields) body.error.fields = appError.fields;
      if (appError.status === 403 && !appError.audited) await auditRefusal(ctx, appError, logger);
      ctx.status = appError.status;
      ctx.set(appError.headers ?? {});
      ctx.body = shape(ctx.path, appError.status, body);
    }
  };
}
