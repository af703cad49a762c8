import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect } from 'chai';
import { type Browser, type BrowserContext, type Page, type WebSocketRoute } from 'playwright-core';
import type { Channel, Sequenced } from '../../common/protocol';
import { resetDatabase } from '../support/db';
import { startTestServer, type TestServer } from '../support/server';
import { stats } from '../support/messages';
// The built front ends (npm test's pretest builds them; run `npx vite build` when running this file alone).
import { PUBLIC_DIR } from '../../server/routes/pages';
import { sharedBrowser } from '../support/browser';

const PAGES = ['kiosk', 'display', 'admin', 'book', 'me'] as const;
/** Gzipped JS budgets from issues 4, 5 and 17 (the booking page and the dashboard are meant for patients' phones), in KB. */
const BUDGET_KB: Partial<Record<(typeof PAGES)[number], number>> = { kiosk: 60, display: 30, book: 30, me: 40 };


/** Total gzipped size of the JavaScript a built page loads up front (its entry script and every modulepreload). */
function pageJsGzipBytes(page: string): number {
  const indexHtml = readFileSync(path.join(PUBLIC_DIR, page, 'index.html'), 'utf8');
  const files = [...indexHtml.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  expect(files, `${page} loads no script from /assets`).to.not.be.empty;
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(PUBLIC_DIR, file)), { level: 9 }).length, 0);
}

describe('front-end shells in Chromium', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  before(async function () {
    this.timeout(60_000);
    await resetDatabase();
    server = await startTestServer();
    // A public board the pages can subscribe to, like the queue engine's, so re-subscription can be observed.
    server.hub.registerChannel('department', {
      authorize: () => {},
      snapshot: async (channel: Channel, meta: Sequenced) => [
        { type: 'queue_update', queue: [], stats: stats(0), ...meta },
      ],
    });
    browser = await sharedBrowser();
  });

  after(async () => {
    await server?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  describe('build', () => {
    it('has produced the five pages with their assets under /assets', () => {
      for (const name of PAGES) {
        expect(existsSync(path.join(PUBLIC_DIR, name, 'index.html')), `dist/public/${name}/index.html`).to.equal(true);
        expect(pageJsGzipBytes(name)).to.be.greaterThan(1000);
      }
    });

    it('keeps the kiosk, the display, the booking page and the patient dashboard within their JavaScript budgets', () => {
      for (const [name, kb] of Object.entries(BUDGET_KB)) {
        const bytes = pageJsGzipBytes(name);
        expect(bytes, `${name}: ${(bytes / 1024).toFixed(1)} KB gzipped`).to.be.at.most(kb * 1024);
      }
    });
  });

  describe('kiosk (/kiosk)', () => {
    it('shows the clinic, the time and two large choices, and is live', async () => {
      await page.goto(`${server.baseUrl}/kiosk`);
      const app = page.locator('mq-kiosk-app');
      await app.getByRole('heading', { level: 1, name: 'Test Clinic' }).waitFor();
      expect(await page.title()).to.equal('Check-in · Test Clinic');
      for (const name of ['I have an appointment', 'Walk-in']) {
        const box = await app.getByRole('button', { name }).boundingBox();
        expect(box, name).to.not.equal(null);
        expect(box!.height, `${name} height`).to.be.at.least(64);
        expect(box!.width, `${name} width`).to.be.at.least(64);
      }
      await page.waitForSelector('mq-kiosk-app[connection="open"]');
      await app.getByRole('button', { name: 'Walk-in' }).click();
      await app.getByRole('heading', { name: 'Which department do you need?' }).waitFor();
    });

    it('blocks text selection and the context menu', async () => {
      await page.goto(`${server.baseUrl}/kiosk`);
      await page.locator('mq-kiosk-app').getByRole('heading', { name: 'Welcome', level: 2 }).waitFor();
      expect(await page.evaluate('getComputedStyle(document.body).userSelect')).to.equal('none');
      const prevented = await page.evaluate(`(() => {
        const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true, composed: true });
        document.querySelector('mq-kiosk-app').shadowRoot.querySelector('mq-start-screen').shadowRoot.querySelector('button').dispatchEvent(event);
        return event.defaultPrevented;
      })()`);
      expect(prevented).to.equal(true);
    });

    it('says in plain words when the server cannot be reached, and recovers by itself', async () => {
      let serverUp = false;
      await page.routeWebSocket(/\/ws$/, (ws) => {
        if (serverUp) ws.connectToServer();
        else ws.close({ code: 1013, reason: 'try again later' });
      });
      await page.goto(`${server.baseUrl}/kiosk`);
      const banner = page.locator('mq-kiosk-app').getByText("We can't reach the clinic's system right now.");
      await banner.waitFor({ timeout: 10_000 });
      serverUp = true;
      await page.waitForSelector('mq-kiosk-app[connection="open"]', { timeout: 15_000 });
      await banner.waitFor({ state: 'detached' });
    });
  });

  describe('TV display (/display)', () => {
    it('shows the clinic, date and clock, an empty "Now calling" area, and a live connection without signing in', async () => {
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.goto(`${server.baseUrl}/display`);
      const app = page.locator('mq-display-app');
      await app.getByRole('heading', { level: 1, name: 'Test Clinic' }).waitFor();
      await app.getByRole('heading', { name: 'Now calling' }).waitFor();
      await app.getByText('No one is being called right now.').waitFor();
      await page.waitForSelector('mq-display-app[connection="open"]');
      expect(await app.getByText('Reconnecting').count()).to.equal(0);
      // The clock shows the clinic's time of day (hours and minutes).
      expect(await app.locator('.time').textContent()).to.match(/\d{1,2}:\d{2}/);
    });

    it('shows "Reconnecting…" only after the connection has been down a few seconds, and clears it on return', async () => {
      let serverUp = true;
      const connections: WebSocketRoute[] = [];
      await page.routeWebSocket(/\/ws$/, (ws) => {
        if (!serverUp) return ws.close({ code: 1013, reason: 'try again later' });
        connections.push(ws);
        ws.connectToServer();
      });
      await page.goto(`${server.baseUrl}/display`);
      await page.waitForSelector('mq-display-app[connection="open"]');
      serverUp = false;
      const downAt = Date.now();
      connections[0].close({ code: 1012, reason: 'restart' });
      const sign = page.locator('mq-display-app').getByText('Reconnecting…');
      await sign.waitFor({ timeout: 10_000 });
      expect(Date.now() - downAt, 'sign shown too early').to.be.at.least(3500);
      serverUp = true;
      await page.waitForSelector('mq-display-app[connection="open"]', { timeout: 15_000 });
      await sign.waitFor({ state: 'detached' });
    });
  });

  describe('realtime client in the page', () => {
    /** Subscribes the page's root element to `channel` through its socket controller. */
    const subscribe = (selector: string, channel: Channel) =>
      page.locator(selector).evaluate((el: any, ch) => el.realtime.subscribe(ch), channel);

    /** Records in the page every message the element's client lets through, for the test to read. */
    const recordMessages = (selector: string) =>
      page.locator(selector).evaluate((el: any) => {
        const seen: unknown[] = ((globalThis as any).__seen = []);
        // The display follows its own board channel (display:...); these tests watch only the channel they add.
        el.realtime.client.on('message', (m: any) => !m.channel?.startsWith('display:') && seen.push(m));
      });
    const seen = () => page.evaluate(() => (globalThis as any).__seen as Array<{ type: string; seq?: number; epoch?: string }>);

    it('reconnects after the server drops the socket and re-subscribes, getting a fresh snapshot', async () => {
      const connections: Array<{ ws: WebSocketRoute; sent: Array<{ type: string; channel?: string }> }> = [];
      await page.routeWebSocket(/\/ws$/, (ws) => {
        const record = { ws, sent: [] as Array<{ type: string; channel?: string }> };
        connections.push(record);
        const upstream = ws.connectToServer();
        ws.onMessage((message) => {
          record.sent.push(JSON.parse(String(message)));
          upstream.send(message);
        });
      });
      await page.goto(`${server.baseUrl}/display`);
      await page.waitForSelector('mq-display-app[connection="open"]');
      await subscribe('mq-display-app', 'department:7');
      await expectSoon(() => connections[0].sent.some((m) => m.type === 'subscribe' && m.channel === 'department:7'));

      await recordMessages('mq-display-app');
      await connections[0].ws.close({ code: 1012, reason: 'server restart' });
      await expectSoon(() => connections.length === 2, 5000);
      await expectSoon(() => connections[1].sent.some((m) => m.type === 'subscribe' && m.channel === 'department:7'), 5000);
      await page.waitForSelector('mq-display-app[connection="open"]');
      await expectSoon(async () => (await seen()).some((m) => m.type === 'queue_update'));
    });

    it('asks for a new snapshot when it sees a gap in the sequence numbers', async () => {
      const subscribes: string[] = [];
      let dropNextEvent = false;
      await page.routeWebSocket(/\/ws$/, (ws) => {
        const upstream = ws.connectToServer();
        ws.onMessage((message) => {
          const parsed = JSON.parse(String(message));
          if (parsed.type === 'subscribe') subscribes.push(parsed.channel);
          upstream.send(message);
        });
        upstream.onMessage((message) => {
          const parsed = JSON.parse(String(message));
          // Lose one event on the way, as a flaky link or an at-most-once broker would.
          if (parsed.type === 'queue_update' && parsed.seq > 0 && dropNextEvent) {
            dropNextEvent = false;
            return;
          }
          ws.send(message);
        });
      });
      await page.goto(`${server.baseUrl}/display`);
      await page.waitForSelector('mq-display-app[connection="open"]');
      await recordMessages('mq-display-app');
      await subscribe('mq-display-app', 'department:8');
      await expectSoon(async () => (await seen()).some((m) => m.type === 'queue_update'));

      const event = (waiting: number) => ({
        type: 'queue_update' as const,
        channel: 'department:8' as const,
        queue: [],
        stats: stats(waiting),
      });
      server.hub.publish(event(1));
      await expectSoon(async () => (await seen()).some((m) => m.seq === 1));
      dropNextEvent = true;
      server.hub.publish(event(2)); // lost
      server.hub.publish(event(3)); // arrives with a gap: must not be shown, must trigger a resubscribe
      await expectSoon(() => subscribes.filter((c) => c === 'department:8').length === 2);
      await expectSoon(async () => (await seen()).some((m) => m.type === 'queue_update' && m.seq === 3));
      const messages = await seen();
      const resubscribed = messages.findLastIndex((m) => m.type === 'subscribed');
      expect(messages.filter((m) => m.type === 'subscribed').map((m) => m.seq)).to.deep.equal([0, 3]);
      const firstSeq3 = messages.findIndex((m) => m.type === 'queue_update' && m.seq === 3);
      // seq 3 reaches the screen only as part of the fresh snapshot, never as the event that came after the gap.
      expect(firstSeq3, 'the event after the gap was shown').to.be.greaterThan(resubscribed);
      // After the fresh snapshot (current to seq 3), the next event follows on normally.
      server.hub.publish(event(4));
      await expectSoon(async () => (await seen()).some((m) => m.seq === 4));
    });

    it('treats silence as a dead connection, and a new epoch as a reason to resubscribe', async () => {
      let connections = 0;
      const subscribes: Array<{ connection: number; channel: string }> = [];
      await page.routeWebSocket(/\/ws$/, (ws) => {
        const connection = ++connections;
        const hello = { type: 'hello', protocol: 1, epoch: 'E1', serverTime: new Date().toISOString(), user: null };
        // The first connection promises heartbeats every 200 ms and keeps them up until the page has subscribed;
        // then it falls silent without closing, like a dead link: the client must give up on it by itself.
        ws.send(JSON.stringify({ ...hello, heartbeatMs: connection === 1 ? 200 : 60_000 }));
        const beat = connection === 1
          ? setInterval(() => ws.send(JSON.stringify({ type: 'heartbeat', serverTime: new Date().toISOString() })), 100)
          : undefined;
        ws.onClose(() => clearInterval(beat));
        ws.onMessage((message) => {
          const parsed = JSON.parse(String(message));
          // The display's own board subscription (display:all) is left unanswered: this test is about department:9.
          if (parsed.type !== 'subscribe' || parsed.channel !== 'department:9') return;
          clearInterval(beat);
          subscribes.push({ connection, channel: parsed.channel });
          const count = subscribes.filter((s) => s.connection === connection).length;
          ws.send(JSON.stringify({ type: 'subscribed', channel: parsed.channel, seq: 5, epoch: 'E1' }));
          if (connection >= 2 && count === 1) {
            // An event from a restarted server (new epoch) must lead to a fresh subscribe, not be shown.
            ws.send(JSON.stringify({ ...queue(parsed.channel, 6), epoch: 'E2' }));
          }
          if (connection >= 2 && count === 2) ws.send(JSON.stringify(queue(parsed.channel, 6)));
        });
      });
      await page.goto(`${server.baseUrl}/display`);
      await page.waitForSelector('mq-display-app[connection="open"]');
      await recordMessages('mq-display-app');
      await subscribe('mq-display-app', 'department:9');
      await expectSoon(() => subscribes.some((s) => s.connection === 1));
      await expectSoon(() => connections >= 2, 5000);
      await expectSoon(() => subscribes.filter((s) => s.connection === 2).length === 2, 5000);
      await expectSoon(async () => (await seen()).some((m) => m.type === 'queue_update'));
      const updates = (await seen()).filter((m) => m.type === 'queue_update');
      expect(updates.map((m) => m.epoch), 'only the current epoch reaches the screen').to.deep.equal(['E1']);
    });
  });
});

/** A queue_update for `channel` at `seq` in epoch E1. */
function queue(channel: string, seq: number) {
  return { type: 'queue_update', channel, seq, epoch: 'E1', queue: [], stats: stats(0) };
}

/** Polls `check` until it is true, failing loudly after `timeoutMs`. */
async function expectSoon(check: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
