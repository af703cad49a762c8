import path from 'node:path';
import { existsSync } from 'node:fs';
import Router from '@koa/router';
import send from 'koa-send';
import { ROOT_DIR } from '../../config';
import { AppError } from '../../errors';
import type { AppRouter } from '../../state';

/** Where `vite build` writes the three front ends (MQ_BUILD_DIR overrides it, as in vite.config.ts). */
export const PUBLIC_DIR = path.resolve(ROOT_DIR, process.env.MQ_BUILD_DIR || path.join('dist', 'public'));

/** The tab icon: a white cross on the clinic's teal. */
const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0a6b71"/>' +
  '<path d="M13 7h6v6h6v6h-6v6h-6v-6H7v-6h6z" fill="#fff"/></svg>';

/** The single-page front ends, each served at `/<name>` (and below, for their own routing). */
export const PAGES = ['kiosk', 'display', 'admin', 'book', 'me'] as const;

/** True when every front end has been built. */
export function frontEndsBuilt(dir = PUBLIC_DIR): boolean {
  return PAGES.every((page) => existsSync(path.join(dir, page, 'index.html')));
}

/** Serves the built kiosk, display, staff panel and public booking page, and their hashed assets. */
export function pageRoutes(dir = PUBLIC_DIR): AppRouter {
  const router: AppRouter = new Router();

  router.get('/', (ctx) => ctx.redirect('/admin'));

  // Every page names /favicon.svg; browsers still ask for /favicon.ico on their own, which would otherwise be a 404.
  router.get('/favicon.svg', (ctx) => {
    ctx.set('Cache-Control', 'public, max-age=86400');
    ctx.type = 'image/svg+xml';
    ctx.body = FAVICON_SVG;
  });
  router.get('/favicon.ico', (ctx) => {
    ctx.status = 301;
    ctx.redirect('/favicon.svg');
  });

  for (const page of PAGES) {
    router.get([`/${page}`, `/${page}/{*rest}`], async (ctx) => {
      if (!existsSync(path.join(dir, page, 'index.html'))) {
        throw new AppError(503, 'frontend_not_built', 'The screens have not been built yet. Run `npm run build`.');
      }
      // The HTML names the current asset hashes, so it must never be cached; the assets themselves can be.
      ctx.set('Cache-Control', 'no-cache');
      await send(ctx, `${page}/index.html`, { root: dir });
    });
  }

  router.get('/assets/*file', async (ctx) => {
    await send(ctx, ctx.path, { root: dir, immutable: true, maxage: 365 * 24 * 3600 * 1000 });
  });

  return router;
}
