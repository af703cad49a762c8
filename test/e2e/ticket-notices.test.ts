import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TicketView } from '../../common/api';
import { ROOT_DIR } from '../../server/config';
import { QueueEntry, TicketNotice } from '../../server/models';
import { seriousViolations } from '../support/axe';
import { sharedBrowser } from '../support/browser';
import { resetDatabase } from '../support/db';
import { Agent } from '../support/http';
import { awayFromMidnight, kioskKey, openDepartment } from '../support/kiosk';
import { startTestServer, type TestServer } from '../support/server';
import { FakeSmsGateway } from '../support/sms-gateway';

const SHOTS = path.join(ROOT_DIR, 'test-output');
const PHONE = { width: 390, height: 844 };

/**
 * The ticket page's "Notify me" block in Chromium. Headless Chromium has no push service to subscribe with (no
 * network here), so the push path is checked up to the browser's answer: the button shows where the browser has
 * service workers and PushManager, a refused permission says so in plain words, and a subscription the browser
 * cannot make says it did not work. The server's side of push is in test/server/patient-notices.test.ts.
 */
describe('ticket page: Notify me (web push and SMS) in Chromium', function () {
  this.timeout(60_000);
  let server: TestServer;
  let sms: FakeSmsGateway;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let departmentId: number;

  const block = () => page.locator('[data-field="notify"]');

  async function walkIn(phone?: string, language?: string): Promise<TicketView> {
    const res = await new Agent(server).post<TicketView>('/api/kiosk/check-in', { departmentId, idempotencyKey: kioskKey(), ...(phone ? { phone } : {}) });
    expect(res.status).to.equal(201);
    if (language) await new Agent(server).post(`/api/tickets/${res.body.publicCode}/language`, { language });
    return res.body;
  }

  async function open(ticket: TicketView, permissions: string[] = []): Promise<void> {
    context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    if (permissions.length) await context.grantPermissions(permissions, { origin: server.baseUrl });
    page = await context.newPage();
    await page.goto(`${server.baseUrl}/t/${ticket.publicCode}`);
    await page.locator('[data-field="foot"]:not([hidden])').waitFor();
  }

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    sms = await new FakeSmsGateway().start();
    server = await startTestServer({ env: { SMS_GATEWAY_URL: sms.url } });
    browser = await sharedBrowser();
  });
  beforeEach(async () => {
    await resetDatabase();
    await awayFromMidnight();
    departmentId = (await openDepartment('Cardiology', 'C', { room: 'Room 3' })).department.id;
  });
  afterEach(() => context?.close());
  after(async () => {
    await server?.close();
    await sms?.close();
  });

  it('offers both ways; a text message is turned on with one tap and stays on after a reload', async () => {
    await walkIn();
    await walkIn();
    await walkIn();
    const ticket = await walkIn('07700 900123');
    await open(ticket);
    await block().getByRole('heading', { name: 'Notify me' }).waitFor();
    expect(await block().getByRole('button', { name: 'Notify me on this phone' }).isVisible()).to.equal(true);
    await page.screenshot({ path: path.join(SHOTS, 'ticket-notify-390x844.png'), fullPage: true });
    expect(await seriousViolations(page)).to.deep.equal([]);

    await block().getByRole('button', { name: 'Send me a text message' }).click();
    await block().getByText('Done: we will send you a text message.').waitFor();
    expect(await block().getByRole('button', { name: 'Send me a text message' }).isVisible()).to.equal(false);
    expect(await TicketNotice.count({ where: { channel: 'sms' } })).to.equal(1);
    await page.screenshot({ path: path.join(SHOTS, 'ticket-notify-sms-on-390x844.png'), fullPage: true });

    await page.reload();
    await block().getByText('Done: we will send you a text message.').waitFor();
    expect(await block().getByRole('button', { name: 'Send me a text message' }).isVisible()).to.equal(false);
  });

  it('says plainly when notifications are refused, in the ticket\'s language', async () => {
    const ticket = await walkIn(undefined, 'es');
    await open(ticket);
    await page.evaluate(() => {
      // The phone's own answer to the permission prompt: "Block".
      (globalThis as any).Notification.requestPermission = () => Promise.resolve('denied');
    });
    expect(await block().getByRole('button', { name: 'Enviarme un SMS' }).isVisible(), 'no phone: no SMS').to.equal(false);
    await block().getByRole('button', { name: 'Avisarme en este teléfono' }).click();
    await block().getByText('Las notificaciones de esta página están desactivadas en su teléfono.', { exact: false }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'ticket-notify-refused-es-390x844.png'), fullPage: true });
  });

  it('registers the service worker at /t/ once allowed, and says so when the browser cannot subscribe', async () => {
    const ticket = await walkIn();
    await open(ticket, ['notifications']);
    await block().getByRole('button', { name: 'Notify me on this phone' }).click();
    // With no push service reachable the browser refuses the subscription; with one it would be "Done".
    await page.locator('[data-state="failed"]:not([hidden]), [data-state="push-on"]:not([hidden])').waitFor();
    const state = await page.locator('.notify-state:not([hidden])').getAttribute('data-state');
    expect(await TicketNotice.count({ where: { channel: 'push' } }), `state ${state}`).to.equal(state === 'push-on' ? 1 : 0);
    const scope = await page.evaluate(async () => (await (globalThis as any).navigator.serviceWorker.getRegistration('/t/'))?.scope ?? null);
    expect(scope).to.equal(`${server.baseUrl}/t/`);
  });

  it('offers push again when the server has forgotten this phone (the push service said it was gone), not before', async () => {
    const ticket = await walkIn();
    const entry = (await QueueEntry.findOne({ where: { publicCode: ticket.publicCode } }))!;
    // This phone turned push on earlier, and the server still has it: the page keeps saying so.
    const row = await TicketNotice.create({
      queueEntryId: entry.id, departmentId, clinicDay: entry.clinicDay, channel: 'push', language: 'en',
      target: JSON.stringify({ endpoint: 'https://push.example.org/x', keys: { p256dh: 'p', auth: 'a' } }), targetKey: 'k'.repeat(64),
    });
    context = await browser.newContext({ viewport: PHONE });
    await context.addInitScript((key) => (globalThis as any).localStorage.setItem(key, 'push'), `mq-notice:${ticket.publicCode}`);
    page = await context.newPage();
    const notices = () => page.waitForResponse((res) => res.url().endsWith(`/api/tickets/${ticket.publicCode}/notices`));
    let answered = notices();
    await page.goto(`${server.baseUrl}/t/${ticket.publicCode}`);
    await answered;
    await page.locator('[data-state="push-on"]:not([hidden])').waitFor();
    expect(await block().getByRole('button', { name: 'Notify me on this phone' }).isVisible()).to.equal(false);
    // The push service answered 410 and the server deleted the subscription: after a reload the button is back.
    await row.destroy();
    answered = notices();
    await page.reload();
    await answered;
    await block().getByRole('button', { name: 'Notify me on this phone' }).waitFor();
    expect(await page.locator('[data-state="push-on"]:not([hidden])').count()).to.equal(0);
  });

  it('hides the block once the ticket is no longer waiting', async () => {
    const ticket = await walkIn('07700 900123');
    await open(ticket);
    await block().waitFor();
    expect((await new Agent(server).post(`/api/queue/tickets/${ticket.publicCode}/cancel`)).status).to.equal(200);
    await block().waitFor({ state: 'hidden' });
  });
});
