// Module hooks for the estimate capture (capture.ts): every import of server/queue/rules/forecast.ts, except the
// probe's own, is sent to probe.ts, which records each forecast's input and then runs the real forecast. The
// product code is untouched.
const PROBE = new URL('./probe.ts', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  if (result.url.endsWith('/server/queue/rules/forecast.ts') && context.parentURL !== PROBE) return { ...result, url: PROBE };
  return result;
}
