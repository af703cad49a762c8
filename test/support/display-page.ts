import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { CHROMIUM_ARGS } from './browser';

export { CHROMIUM_ARGS };

// Display tests run in the shared Chromium, which plays sound without a tap (SHARED_BROWSER_ARGS in ./browser).

/** One utterance as the page's (recorded) speech engine received it. */
export interface Utterance {
  text: string;
  lang: string;
  start: number;
  end: number | null;
}

/** What the recorder saw: utterances, chimes (oscillator starts) and calls to `cancel()`. */
export interface SoundLog {
  spoken: Utterance[];
  chimes: number[];
  cancels: number;
}

/**
 * Runs in the page before its own scripts:
 * - replaces `speechSynthesis` with a recorder that "speaks" each utterance for `__speech.ms` and then fires `end`
 *   (or never does, for the next `__speech.stall` utterances, like a hung engine); headless Chromium has no voices;
 * - records every oscillator start (the chime is two) and every `cancel()`;
 * - counts the page's pending timers, so a test can see that none pile up.
 * Logs keep their last 200 entries, so the recorder itself does not grow in the memory test.
 */
function pageHooks(): void {
  // Runs in the browser; the server's TypeScript setup has no DOM types, hence the untyped window.
  const page = globalThis as any;
  const nativeSetTimeout = page.setTimeout.bind(page);
  const nativeClearTimeout = page.clearTimeout.bind(page);
  const nativeSetInterval = page.setInterval.bind(page);
  const nativeClearInterval = page.clearInterval.bind(page);
  const cap = <T>(list: T[], item: T) => {
    list.push(item);
    if (list.length > 200) list.shift();
  };

  const log: SoundLog = { spoken: [], chimes: [], cancels: 0 };
  const config = { ms: 30, stall: 0 };
  let current: { utterance: any; entry: Utterance; timer?: number } | null = null;
  const finish = (type: 'end' | 'error') => {
    if (!current) return;
    const { utterance, entry, timer } = current;
    current = null;
    if (timer !== undefined) nativeClearTimeout(timer);
    entry.end = Date.now();
    utterance.dispatchEvent(new page.Event(type));
  };
  const speech = {
    get speaking() {
      return current !== null;
    },
    pending: false,
    paused: false,
    getVoices: () => [],
    speak(utterance: any) {
      // The silent utterance that unlocks speech inside a tap is not an announcement.
      if (!String(utterance.text).trim()) return;
      const entry: Utterance = { text: utterance.text, lang: utterance.lang, start: Date.now(), end: null };
      cap(log.spoken, entry);
      current = { utterance, entry };
      if (config.stall > 0) {
        config.stall--;
        return;
      }
      current.timer = nativeSetTimeout(() => finish('end'), config.ms);
    },
    cancel() {
      log.cancels++;
      finish('error');
    },
    pause() {},
    resume() {},
    addEventListener() {},
    removeEventListener() {},
  };
  Object.defineProperty(page, 'speechSynthesis', { value: speech, configurable: true });

  const start = page.OscillatorNode.prototype.start;
  page.OscillatorNode.prototype.start = function (this: unknown, ...args: unknown[]) {
    cap(log.chimes, Date.now());
    return start.apply(this, args);
  };

  const active = new Set<number>();
  page.setTimeout = (handler: unknown, ms?: number, ...rest: unknown[]) => {
    const id: number = nativeSetTimeout(
      (...args: unknown[]) => {
        active.delete(id);
        if (typeof handler === 'function') handler(...args);
      },
      ms,
      ...rest,
    );
    active.add(id);
    return id;
  };
  page.clearTimeout = (id?: number) => {
    if (id !== undefined) active.delete(id);
    nativeClearTimeout(id);
  };
  page.setInterval = (handler: unknown, ms?: number, ...rest: unknown[]) => {
    const id: number = nativeSetInterval(handler, ms, ...rest);
    active.add(id);
    return id;
  };
  page.clearInterval = (id?: number) => {
    if (id !== undefined) active.delete(id);
    nativeClearInterval(id);
  };

  Object.assign(page, { __sound: log, __speech: config, __activeTimers: () => active.size });
}

/** Installs {@link pageHooks} in every page of `context`. */
export async function installPageHooks(context: BrowserContext): Promise<void> {
  // tsx compiles with esbuild's keepNames, which wraps named functions in a `__name(...)` helper that exists only
  // in Node; functions handed to the page (init scripts, evaluate) need a stand-in there.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  await context.addInitScript(pageHooks);
}

/** What the page's recorder has seen so far. */
export function soundLog(page: Page): Promise<SoundLog> {
  return page.evaluate(() => (globalThis as any).__sound as SoundLog);
}

/** Sets how long each fake utterance lasts, and how many of the next ones hang for good. */
export function configureSpeech(page: Page, config: { ms?: number; stall?: number }): Promise<void> {
  return page.evaluate((c) => void Object.assign((globalThis as any).__speech, c), config);
}

/** The text of the whole page as a person could see it, shadow roots included, plus every attribute and the title. */
export function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const document = (globalThis as any).document;
    const parts: string[] = [document.title, document.body.textContent ?? ''];
    const walk = (root: any) => {
      for (const element of root.querySelectorAll('*')) {
        for (const name of element.getAttributeNames()) parts.push(element.getAttribute(name) ?? '');
        if (element.shadowRoot) {
          parts.push(element.shadowRoot.textContent ?? '');
          walk(element.shadowRoot);
        }
      }
    };
    walk(document);
    return parts.join('\n');
  });
}

/** Size figures of a page after a full garbage collection. */
export interface PageFootprint {
  /** Nodes in the document and every shadow root. */
  domNodes: number;
  /** Chromium's own count of live DOM nodes (detached ones not yet collected included). */
  chromiumNodes: number;
  jsHeapUsedBytes: number;
  /** Every JavaScript event listener Chromium tracks in the page. */
  jsEventListeners: number;
  /** Listeners on window and document (DOMDebugger.getEventListeners). */
  windowAndDocumentListeners: number;
  /** setTimeout/setInterval calls still pending. */
  pendingTimers: number;
}

/** Collects garbage, then measures the page through the Chrome DevTools Protocol and in the page itself. */
export async function footprint(page: Page, cdp: CDPSession): Promise<PageFootprint> {
  await cdp.send('Performance.enable');
  // DOM nodes are freed by Blink's own collector after V8's, and swept lazily: collect until the count settles.
  let metrics: Array<{ name: string; value: number }> = [];
  let previous = NaN;
  for (let round = 0; round < 5; round++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await new Promise((resolve) => setTimeout(resolve, 100));
    ({ metrics } = await cdp.send('Performance.getMetrics'));
    const nodes = metrics.find((m) => m.name === 'Nodes')?.value;
    if (nodes === previous) break;
    previous = nodes ?? NaN;
  }
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  let windowAndDocumentListeners = 0;
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    windowAndDocumentListeners += listeners.length;
  }
  const inPage = await page.evaluate(() => {
    const window = globalThis as any;
    const count = (root: any): number => {
      let n = 0;
      const walker = window.document.createTreeWalker(root, window.NodeFilter.SHOW_ALL);
      while (walker.nextNode()) {
        n++;
        const shadow = walker.currentNode.shadowRoot;
        if (shadow) n += 1 + count(shadow);
      }
      return n;
    };
    return { domNodes: count(window.document), pendingTimers: window.__activeTimers() as number };
  });
  return {
    ...inPage,
    chromiumNodes: metric('Nodes'),
    jsHeapUsedBytes: metric('JSHeapUsedSize'),
    jsEventListeners: metric('JSEventListeners'),
    windowAndDocumentListeners,
  };
}

/** Polls `check` until it is true, failing loudly with `what` after `timeoutMs`. */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
