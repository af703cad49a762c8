import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Logger, type Plugin, type ProxyOptions } from 'vite';

/** The front ends; each is `<name>/index.html`, built to `dist/public/<name>/index.html`, served at `/<name>`. */
export const PAGES = ['kiosk', 'display', 'admin', 'book', 'me'] as const;

/** Where the production build goes; the server serves `/<page>` and `/assets/*` from here. */
// MQ_BUILD_DIR lets parallel checkouts or test runs build side by side; everyone else uses dist/public.
export const OUT_DIR = process.env.MQ_BUILD_DIR || 'dist/public';

/**
 * Gzipped JavaScript budget per page, in KB (issues 4 and 5: the kiosk and the TV display run on cheap hardware;
 * the phone ticket page is opened over a waiting room's mobile data).
 * The build prints each page's total against it; the browser tests enforce it.
 */
export const PAGE_JS_BUDGET_KB: Partial<Record<(typeof PAGES)[number] | 'ticket', number>> = { kiosk: 60, display: 30, book: 30, me: 40, ticket: 12 };

/**
 * The dev server's proxy to the API server on `apiPort` (default: $API_PORT, else 3000).
 * Keys are anchored patterns so `/t` (ticket pages) does not swallow every path that merely starts with "t".
 * server/dev.ts can set API_PORT before starting Vite, or pass this to `createServer({ server: { proxy } })`.
 */
export function apiProxy(apiPort: number | string = process.env.API_PORT ?? 3000): Record<string, ProxyOptions> {
  const target = `http://localhost:${apiPort}`;
  return {
    '^/api(/|$)': { target },
    '^/healthz$': { target },
    '^/t/': { target },
    '^/book/confirmation/': { target },
    // Vite's own HMR socket uses a different protocol header and is not proxied.
    '^/ws$': { target, ws: true },
  };
}

/**
 * Dev only: answers `/kiosk` like production does (Vite itself only knows `/kiosk/`), by redirecting to the
 * folder URL with the query string kept, e.g. `/display?departments=C`.
 */
function pageUrls(): Plugin {
  return {
    name: 'mediqueue:page-urls',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const [pathname, query] = (req.url ?? '').split(/\?(.*)/s);
        if ((PAGES as readonly string[]).includes(pathname.slice(1))) {
          res.statusCode = 302;
          res.setHeader('Location', `${pathname}/${query ? `?${query}` : ''}`);
          res.end();
          return;
        }
        next();
      });
    },
  };
}

/**
 * Prints each page's total gzipped JavaScript (its entry chunk plus every chunk it imports statically):
 * Vite reports chunk by chunk, but a shared chunk (Lit) counts against every page that loads it.
 */
function pageSizeReport(): Plugin {
  const totals = new Map<string, number>();
  let logger: Logger | undefined;
  return {
    name: 'mediqueue:page-size-report',
    apply: 'build',
    configResolved(config) {
      // Vite's own logger, so `logLevel: 'warn'` (the test suite's pre-build) keeps the report quiet.
      logger = config.logger;
    },
    generateBundle(_options, bundle) {
      const gzipped = (file: string): number => {
        const item = bundle[file];
        return item?.type === 'chunk' ? gzipSync(item.code, { level: 9 }).length : 0;
      };
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk' || !item.isEntry) continue;
        const seen = new Set<string>();
        const visit = (file: string) => {
          if (seen.has(file)) return;
          seen.add(file);
          const chunk = bundle[file];
          if (chunk?.type === 'chunk') chunk.imports.forEach(visit);
        };
        visit(item.fileName);
        totals.set(item.name, [...seen].reduce((sum, file) => sum + gzipped(file), 0));
      }
    },
    closeBundle() {
      if (!totals.size) return;
      const lines = [...totals].map(([page, bytes]) => {
        const kb = bytes / 1024;
        const budget = PAGE_JS_BUDGET_KB[page as keyof typeof PAGE_JS_BUDGET_KB];
        const verdict = budget === undefined ? '' : kb <= budget ? `  (budget ${budget} KB)` : `  OVER BUDGET (${budget} KB)`;
        return `  ${page.padEnd(8)} ${kb.toFixed(2).padStart(7)} KB gzip${verdict}`;
      });
      logger?.info(`\nJavaScript per page (entry + static imports):\n${lines.join('\n')}\n`);
    },
  };
}

/** Multi-page build of the kiosk, the TV display and the staff panel; dev server proxies the API and /ws. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  appType: 'mpa',
  // The root tsconfig.json is the server's; without this, Lit's decorators would reach the browser untranspiled.
  tsconfig: 'tsconfig.web.json',
  plugins: [pageUrls(), pageSizeReport()],
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    // The server looks up the hashed name of the ticket page's script (a server-rendered page) here.
    manifest: true,
    assetsDir: 'assets',
    target: 'es2022',
    // The only stylesheet is the shared theme (components carry their own styles): one file, cached by all pages.
    cssCodeSplit: false,
    rolldownOptions: {
      input: {
        ...Object.fromEntries(PAGES.map((page) => [page, path.resolve(import.meta.dirname, page, 'index.html')])),
        // The patient's ticket page (/t/<code>) is rendered by the server; only its small live script is built here.
        ticket: path.resolve(import.meta.dirname, 'ticket/src/main.ts'),
      },
      output: {
        // Lit in a chunk of its own: it changes less often than our code, so screens keep it cached across releases.
        codeSplitting: { groups: [{ name: 'lit', test: /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]/ }] },
      },
    },
  },
  server: {
    proxy: apiProxy(),
  },
});
