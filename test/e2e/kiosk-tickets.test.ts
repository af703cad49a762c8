import path from 'node:path';
import { expect } from 'chai';
import { ROOT_DIR } from '../../server/config';
import { QueueEntry } from '../../server/models';
import { createStaff } from '../support/factories';
import { LANDSCAPE, useKioskPage } from '../support/kiosk-page';
import { sharedBrowser } from '../support/browser';
import { agentFor } from '../support/session';

const SHOTS = path.join(ROOT_DIR, 'test-output');
const PHONE = { width: 390, height: 844 };
/** 80 mm in PDF points (1/72 inch). */
const MM80_IN_POINTS = (80 / 25.4) * 72;

/** The ticket after check-in in Chromium: the phone's live ticket page, lost answers and retries, printing. */
describe('kiosk tickets: the phone page, retries and printing in Chromium', function () {
  this.timeout(60_000);
  const k = useKioskPage();

  it('turns the ticket page into "Please go to Room 3" when a doctor calls, without a reload', async () => {
    const ticket = await k.otherWalkIn();
    await k.page.setViewportSize(PHONE);
    await k.page.goto(`${k.server.baseUrl}/t/${ticket.publicCode}`);
    await k.page.getByRole('heading', { name: "You're next" }).waitFor();
    await k.page.locator('[data-field="foot"]:not([hidden])').waitFor();
    await k.page.evaluate(() => ((globalThis as any).__sameDocument = true));
    await k.page.screenshot({ path: path.join(SHOTS, 'ticket-page-waiting-390x844.png'), fullPage: true });
    // The page is live once it has its snapshot: wait for the socket to be subscribed before the call.
    await expectSoon(() => k.server.hub.subscribedChannels('ticket').includes(`ticket:${ticket.publicCode}`));

    // Reception calls the token for Dr Okafor through the staff API, as the doctor's console would.
    const { user } = await createStaff({ role: 'reception' });
    const desk = await agentFor(k.server, user);
    const called = await desk.post(`/api/queue/doctors/${k.amina.id}/call-next`);
    expect(called.status, JSON.stringify(called.body)).to.equal(200);

    await k.page.getByRole('heading', { name: 'Please go to Room 3' }).waitFor({ timeout: 5000 });
    expect(await k.page.evaluate(() => (globalThis as any).__sameDocument)).to.equal(true);
    expect(await k.page.locator('#ticket').getAttribute('data-tone')).to.equal('called');
    expect(await k.page.title()).to.match(/^G-001 · Please go to Room 3/);
    expect(await k.page.evaluate(() => (globalThis as any).__vibrated?.length ?? 0)).to.equal(1);
    await k.page.screenshot({ path: path.join(SHOTS, 'ticket-page-called-390x844.png'), fullPage: true });
  });

  it('works without JavaScript, lets the patient leave the queue after confirming, and has a friendly page for unknown codes', async () => {
    const ticket = await k.otherWalkIn();
    const noScript = await (await sharedBrowser()).newContext({ viewport: PHONE, javaScriptEnabled: false });
    try {
      const phone = await noScript.newPage();
      await phone.goto(`${k.server.baseUrl}/t/${ticket.publicCode}`);
      await phone.getByText('G-001').first().waitFor();
      await phone.getByRole('heading', { name: "You're next" }).waitFor();
      // Playwright's text search skips <noscript>; the markup shows what a phone without JavaScript gets.
      const html = await phone.content();
      expect(html).to.include('This page refreshes every 30 seconds.');
      expect(await phone.locator('[data-field="foot"]').isHidden()).to.equal(true);
      await phone.getByRole('link', { name: 'Leave the queue' }).click();
      await phone.getByRole('heading', { name: 'Leave the queue?' }).waitFor();
      await phone.screenshot({ path: path.join(SHOTS, 'ticket-page-leave-390x844.png'), fullPage: true });
      await phone.getByRole('button', { name: 'Yes, leave the queue' }).click();
      await phone.getByRole('heading', { name: 'You have left the queue' }).waitFor();
      expect((await QueueEntry.findOne({ where: { publicCode: ticket.publicCode } }))!.status).to.equal('cancelled');

      const missing = await phone.goto(`${k.server.baseUrl}/t/AAAAAAAAAAAAAAAAAAAAAA`);
      expect(missing!.status()).to.equal(404);
      await phone.getByRole('heading', { name: "We can't find this ticket" }).waitFor();
      await phone.screenshot({ path: path.join(SHOTS, 'ticket-page-unknown-390x844.png'), fullPage: true });
    } finally {
      await noScript.close();
    }
  });

  it('gives one ticket when the answer to a check-in is lost and the kiosk retries', async () => {
    const keys: string[] = [];
    await k.page.route('**/api/kiosk/check-in', async (route) => {
      keys.push(JSON.parse(route.request().postData()!).idempotencyKey);
      if (keys.length === 1) {
        // The server takes the check-in and issues the ticket; the answer never reaches the kiosk.
        const response = await route.fetch();
        expect(response.status()).to.equal(201);
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await k.openKiosk(LANDSCAPE);
    await k.takeWalkIn();

    await k.app().getByText("We can't reach the clinic's system. Trying again…").waitFor();
    await k.app().getByText('You will not get two tickets.').waitFor();
    await k.shot('retrying');
    await k.page.waitForSelector('mq-kiosk-app[screen="ticket"]', { timeout: 15_000 });
    await k.app().locator('mq-ticket-screen').getByText('G-001').waitFor();
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
    expect(await QueueEntry.count()).to.equal(1);
  });

  it('keeps the same key when the patient gives up waiting and presses the button again', async () => {
    const keys: string[] = [];
    let gaveUp = false;
    await k.page.route('**/api/kiosk/check-in', async (route) => {
      keys.push(JSON.parse(route.request().postData()!).idempotencyKey);
      if (gaveUp) return route.continue();
      // The first try reaches the server and its answer is lost; the kiosk's own retries until the patient gives up
      // are lost on the way (one getting through on a slow machine took the Cancel button away before the click).
      if (keys.length === 1) await route.fetch();
      await route.abort('connectionreset');
    });
    await k.openKiosk(LANDSCAPE);
    await k.takeWalkIn();
    await k.app().getByRole('button', { name: 'Cancel' }).click();
    gaveUp = true;
    await k.app().getByRole('button', { name: 'Skip and get my ticket' }).click();
    await k.app().locator('mq-ticket-screen').getByText('G-001').waitFor();
    // The kiosk may also have retried by itself before Cancel was pressed: however many tries, one key.
    expect(keys.length).to.be.at.least(2);
    expect(new Set(keys).size, JSON.stringify(keys)).to.equal(1);
    expect(await QueueEntry.count()).to.equal(1);
  });

  it('prints the ticket through a hidden frame without leaving the kiosk, then returns to the start', async () => {
    await k.openKiosk(LANDSCAPE, '?printed-seconds=2');
    await k.takeWalkIn();
    await k.app().locator('mq-ticket-screen').getByText('G-001').waitFor();
    const kioskUrl = k.page.url();

    await k.app().getByRole('button', { name: 'Print ticket' }).click();
    await k.app().getByText('Printing… please take your ticket.').waitFor();
    const code = (await QueueEntry.findOne({ where: { token: 'G-001' } }))!.publicCode;
    await expectSoon(async () => (await k.page.evaluate(() => (globalThis as any).__printed ?? [])).length === 1);
    expect(await k.page.evaluate(() => (globalThis as any).__printed)).to.deep.equal([`/t/${code}/print`]);
    expect(k.page.url()).to.equal(kioskUrl);
    const frame = k.page.locator(`iframe[src="/t/${code}/print?lang=en"]`);
    expect(await frame.evaluate((f: any) => (globalThis as any).getComputedStyle(f).opacity)).to.equal('0');
    // The page is made as long as the ticket itself, so the printer feeds no blank paper after it.
    const [pageRule, contentMm] = await frame.evaluate((f: any) => {
      const doc = f.contentDocument;
      return [doc.head.lastElementChild.textContent, (doc.documentElement.scrollHeight * 25.4) / 96];
    });
    const length = Number(/^@page \{ size: 80mm (\d+)mm; margin: 0; \}$/.exec(pageRule)?.[1]);
    expect(length).to.be.within(contentMm, contentMm + 4);
    await k.page.waitForSelector('mq-kiosk-app[screen="start"]', { timeout: 5000 });
  });

  it('lays the printed ticket out on 80 mm thermal paper', async () => {
    const ticket = await k.otherWalkIn();
    await k.page.goto(`${k.server.baseUrl}/t/${ticket.publicCode}/print`);
    await k.page.getByText('G-001').waitFor();
    for (const text of ['Test Clinic', 'General Practice', 'First available', 'Place in line', 'Checked in']) await k.page.getByText(text).first().waitFor();
    const pdf = await k.page.pdf({ preferCSSPageSize: true, printBackground: true });
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes, 'one page').to.have.length(1);
    const [width, height] = boxes[0];
    expect(width).to.be.closeTo(MM80_IN_POINTS, 1);
    // Not A4 or Letter: a roll, as long as the ticket needs.
    expect(height).to.be.lessThan(MM80_IN_POINTS * 3);
    await k.page.setViewportSize({ width: 302, height: 700 });
    await k.page.screenshot({ path: path.join(SHOTS, 'printed-ticket-80mm.png'), fullPage: true });
  });
});

/** Polls `check` until it is true, failing loudly after `timeoutMs`. */
async function expectSoon(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
