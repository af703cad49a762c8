import type { Middleware } from 'koa';
import type { z } from 'zod';
import { validationFailed } from '../errors';

/** Where validated input is left for the handler. */
export interface Validated<B = unknown, Q = unknown, P = unknown> {
  body: B;
  query: Q;
  params: P;
}

/** What a route may validate: any of the body, the query string and the path parameters. */
export interface RequestSchema {
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
}

/** The parsed shape `validate(schema)` leaves in `ctx.state.input`. */
export type InputOf<S extends RequestSchema> = Validated<
  S['body'] extends z.ZodType ? z.output<S['body']> : undefined,
  S['query'] extends z.ZodType ? z.output<S['query']> : undefined,
  S['params'] extends z.ZodType ? z.output<S['params']> : undefined
>;

/**
 * Checks the request against zod schemas; on failure answers 422 `validation_failed` naming every bad field.
 * The parsed (and coerced) values go to `ctx.state.input`, so handlers never read raw input.
 */
export function validate(schema: RequestSchema): Middleware {
  return async (ctx, next) => {
    const input: Record<string, unknown> = {};
    const fields: { path: string; message: string }[] = [];
    for (const part of ['body', 'query', 'params'] as const) {
      const partSchema = schema[part];
      if (!partSchema) continue;
      const raw = part === 'body' ? (ctx.request as { body?: unknown }).body : part === 'query' ? ctx.query : ctx.params;
      const result = partSchema.safeParse(raw ?? {});
      if (result.success) input[part] = result.data;
      else {
        for (const issue of result.error.issues) {
          fields.push({ path: issue.path.length ? issue.path.join('.') : part, message: issue.message });
        }
      }
    }
    if (fields.length) throw validationFailed(fields);
    ctx.state.input = input;
    await next();
  };
}
