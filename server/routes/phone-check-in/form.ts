import type { ParameterizedContext } from 'koa';

/** The most a check-in form can sensibly send. */
const MAX_BYTES = 4096;

/**
 * An HTML form's fields (`application/x-www-form-urlencoded`), read from the request; the app's body parser takes
 * JSON only, and the phone check-in pages work without JavaScript, so they post plain forms.
 */
export async function readForm(ctx: ParameterizedContext): Promise<URLSearchParams> {
  if (!ctx.is('application/x-www-form-urlencoded')) return new URLSearchParams();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BYTES) break;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
