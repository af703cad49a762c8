import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { expect } from 'chai';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { StaffQueueEntry, TicketView } from '../../common/api';
import type { DisplayProfileView } from '../../common/display';
import { ROOT_DIR } from '../../server/config';
import { registerQueueChannels } from '../../server/queue/channels/register';
import type { Department, DoctorProfile, User } from '../../server/models';
import { QueueService } from '../../server/queue/commands/steps';
import { makeDoctor } from '../support/clinic-factories';
import { sharedBrowser } from '../support/browser';
import { resetDatabase, testDatabase } from '../support/db';
import {
  CHROMIUM_ARGS,
  eventually,
  installPageHooks,
  soundLog,
} from '../support/display-page';
import { createDepartment, createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';
import { agentFor } from '../support/session';

// Drives the built display (run `MQ_BUILD_DIR=... npx vite build` first when running this file alone).

const OUTPUT_DIR = path.join(ROOT_DIR, 'test-output');

/** A free TCP port on loopback, for a server that must come back where its screens expect it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The TV display's connection, profiles, sound prompt and layouts in Chromium (its calls and announcements are in display.test.ts). */
describe('TV display (/display): restarts, profiles, sound and layouts in Chromium', function () {
  this.timeout(60_000);

  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let desk: Agent;
  let reception: User;
  let cardiology: Department;
  let dermatology: Department;
  /** Rooms 3 and 4 in Cardiology (C), Room 7 in Dermatology (D). */
  let room3: DoctorProfile;
  let room4: DoctorProfile;
  let room7: DoctorProfile;
  let keys = 0;

  const checkIn = async (department: Department, extra: Record<string, unknown> = {}) => {
    const res = await desk.post<TicketView>('/api/queue/check-in', { departmentId: department.id, idempotencyKey: `display-${++keys}-key`, ...extra });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body;
  };
  const callNext = async (doctor: DoctorProfile, via = desk) => {
    const res = await via.post<StaffQueueEntry>(`/api/queue/doctors/${doctor.id}/call-next`);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return res.body;
  };

  /** Opens the display and waits until it is live and has drawn its first snapshot. */
  const openDisplay = async (query = '', target: TestServer = server, on: Page = page) => {
    await on.goto(`${target.baseUrl}/display${query}`);
    await on.waitForSelector('mq-display-app[connection="open"]');
    await on.locator('mq-room-board li').first().waitFor();
  };
  const nowCalling = (on: Page = page) => on.locator('mq-now-calling .call');
  const roomRow = (room: string, on: Page = page) => on.locator('mq-room-board li', { hasText: room });
  const spoken = async (on: Page = page) => (await soundLog(on)).spoken.map((u) => u.text);

  before(async () => {
    server = await startTestServer();
    browser = await sharedBrowser();
    mkdirSync(OUTPUT_DIR, { recursive: true });
  });

  beforeEach(async () => {
    await resetDatabase();
    cardiology = await createDepartment({ name: 'Cardiology', prefix: 'C' });
    dermatology = await createDepartment({ name: 'Dermatology', prefix: 'D' });
    room3 = await makeDoctor({ departmentId: cardiology.id, room: 'Room 3' });
    room4 = await makeDoctor({ departmentId: cardiology.id, room: 'Room 4' });
    room7 = await makeDoctor({ departmentId: dermatology.id, room: 'Room 7' });
    const staff = await createStaff({ role: 'reception' });
    reception = staff.user;
    desk = await agentFor(server, staff.user);
    context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await installPageHooks(context);
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  after(async () => {
    await server?.close();
  });

  it('is correct again within 5 s of the server coming back after a restart, showing "Reconnecting…" meanwhile', async () => {
    const port = await freePort();
    let first: TestServer | null = await startTestServer({ port });
    let second: TestServer | null = null;
    try {
      await checkIn(cardiology);
      await checkIn(cardiology);
      await openDisplay('', first);
      await callNext(room3, await new Agent(first).signIn(...(await credentials())));
      await nowCalling().getByText('C-001').waitFor();

      await first.close();
      first = null;
      const sign = page.locator('mq-display-app').getByText('Reconnecting…');
      await sign.waitFor({ timeout: 10_000 });
      // The clinic carries on while this server is down (another instance, or the staff panel once it is back).
      const { sequelize } = await testDatabase();
      await new QueueService(sequelize, { timeZone: server.config.clinicTimeZone }, { changed: () => {} }).callNext(room4.id, reception);

      second = await startTestServer({ port });
      const back = Date.now();
      await roomRow('Room 4').locator('.token', { hasText: 'C-002' }).waitFor({ timeout: 5000 });
      await nowCalling().getByText('C-002').waitFor({ timeout: Math.max(1, 5000 - (Date.now() - back)) });
      await sign.waitFor({ state: 'detached', timeout: Math.max(1, 5000 - (Date.now() - back)) });
      const elapsed = Date.now() - back;
      expect(elapsed, 'board correct again').to.be.below(5000);
      expect(await roomRow('Room 3').locator('.token').textContent()).to.equal('C-001');
      // A call missed while away is shown, not announced late.
      expect(await spoken()).to.deep.equal(['Token C 0 0 1, please go to Room 3']);

      // And it is live again: the next call arrives as an event.
      await checkIn(dermatology);
      await callNext(room7, await new Agent(second).signIn(...(await credentials())));
      await nowCalling().getByText('D-001').waitFor();
    } finally {
      await first?.close();
      await second?.close();
    }

    async function credentials(): Promise<[string, string]> {
      const { email, password } = await createStaff({ role: 'reception' });
      return [email, password];
    }
  });

  it('asks again for its board when the server could not send it, rather than staying blank', async () => {
    let failed = 0;
    // One failed snapshot (as on a database hiccup), then the real channels again.
    server.hub.registerChannel('display', {
      authorize: () => undefined,
      snapshot: async () => {
        failed++;
        registerQueueChannels(server.hub, server.services.queue.reads);
        throw new Error('database hiccup');
      },
    });
    try {
      await checkIn(cardiology);
      await page.goto(`${server.baseUrl}/display`);
      await page.waitForSelector('mq-display-app[connection="open"]');
      await page.locator('mq-next-tokens .token', { hasText: 'C-001' }).waitFor({ timeout: 10_000 });
      expect(failed).to.equal(1);
      await callNext(room3);
      await nowCalling().getByText('C-001').waitFor();
    } finally {
      registerQueueChannels(server.hub, server.services.queue.reads);
    }
  });

  it('follows a display profile (departments, language, theme) and maps ?departments= prefixes to departments', async () => {
    const admin = await createStaff({ role: 'admin' });
    const adminAgent = await agentFor(server, admin.user);
    const profile = await adminAgent.post<DisplayProfileView>('/api/displays', {
      name: 'Skin clinic',
      departmentIds: [dermatology.id],
      language: 'es',
      theme: 'light',
    });
    expect(profile.status).to.equal(201);
    await checkIn(cardiology);
    await checkIn(dermatology);

    await openDisplay('?profile=skin-clinic');
    expect(await page.evaluate(() => {
      const root = (globalThis as any).document.documentElement;
      return `${root.lang} ${root.dataset.theme}`;
    })).to.equal('es light');
    await page.locator('mq-now-calling').getByRole('heading', { name: 'Llamando' }).waitFor();
    expect(await page.locator('mq-room-board li .room').allTextContents()).to.deep.equal(['Sala 7']);
    await callNext(room3);
    await callNext(room7);
    await nowCalling().getByText('D-001').waitFor();
    await eventually('the Dermatology call is spoken', async () => (await spoken()).length >= 1);
    expect(await soundLog(page).then((l) => l.spoken.map((u) => [u.text, u.lang]))).to.deep.equal([['Turno D 0 0 1, por favor pase a Sala 7', 'es']]);

    const arabic = await context.newPage();
    await openDisplay('?departments=c&lang=ar', server, arabic);
    expect(await arabic.evaluate(() => {
      const root = (globalThis as any).document.documentElement;
      return `${root.lang} ${root.dir}`;
    })).to.equal('ar rtl');
    expect(await arabic.locator('mq-room-board li .room').allTextContents()).to.deep.equal(['الغرفة 3', 'الغرفة 4']);
    const silent = await context.newPage();
    await openDisplay('?departments=C&voice=off', server, silent);
    await checkIn(cardiology);
    await callNext(room4);
    await eventually('the call is spoken in Arabic', async () => (await spoken(arabic)).length === 1);
    await eventually('voice off: the chime alone', async () => (await soundLog(silent)).chimes.length === 2);
    await nowCalling(silent).getByText('C-002').waitFor();
    expect(await spoken(silent)).to.deep.equal([]);
    expect((await soundLog(arabic)).spoken[0]).to.include({ text: 'الرقم C 0 0 2، يرجى التوجه إلى الغرفة 4', lang: 'ar' });
    await arabic.emulateMedia({ reducedMotion: 'reduce' });
    await arabic.screenshot({ path: path.join(OUTPUT_DIR, 'display-ar-1920x1080.png') });
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'display-es-light-1920x1080.png') });

    const wrong = await context.newPage();
    await wrong.goto(`${server.baseUrl}/display?profile=no-such-screen`);
    await wrong.locator('mq-display-app').getByRole('alert').getByText('There is no display profile "no-such-screen"').waitFor();
  });

  it('asks once to "Tap to enable sound" when the browser blocks it, and announces after the tap', async () => {
    // A browser with Chromium's default autoplay policy, as on a screen started without the switch.
    const strict = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    try {
      const strictContext = await strict.newContext({ viewport: { width: 1920, height: 1080 } });
      await installPageHooks(strictContext);
      const strictPage = await strictContext.newPage();
      await checkIn(cardiology);
      await checkIn(cardiology);
      await openDisplay('', server, strictPage);
      const prompt = strictPage.getByRole('button', { name: 'Tap to enable sound' });
      await prompt.waitFor();
      expect(await strictPage.locator('mq-display-app').getAttribute('sound')).to.equal('blocked');
      await callNext(room3);
      await nowCalling(strictPage).getByText('C-001').waitFor();
      expect(await spoken(strictPage), 'nothing is spoken while sound is blocked').to.deep.equal([]);

      await prompt.click();
      await strictPage.waitForSelector('mq-display-app[sound="on"]');
      await prompt.waitFor({ state: 'detached' });
      await callNext(room4);
      await eventually('the next call is spoken', async () => (await spoken(strictPage)).length === 1);
      expect(await spoken(strictPage)).to.deep.equal(['Token C 0 0 2, please go to Room 4']);
      await strictPage.reload();
      await strictPage.waitForSelector('mq-display-app[connection="open"]');
      expect(await strictPage.locator('mq-display-app').getAttribute('sound'), 'a reload needs a tap again (or the switch)').to.equal('blocked');
    } finally {
      await strict.close();
    }
  });

  it('lays out 1920x1080, 1080x1920 and 4K by the screen shape with type sized for 10 m, and saves screenshots', async () => {
    for (let i = 0; i < 6; i++) await checkIn(cardiology);
    for (let i = 0; i < 3; i++) await checkIn(dermatology);
    // Screenshots without the flash's animation (the display then marks the call with a steady outline).
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openDisplay();
    const first = await callNext(room3);
    await callNext(room7);
    await callNext(room4);
    const started = await desk.post(`/api/queue/entries/${first.id}/start-consultation`, { expectedVersion: first.version });
    expect(started.status, JSON.stringify(started.body)).to.equal(200);
    await nowCalling().getByText('C-002').waitFor();

    const fontPx = (selector: string) =>
      page.locator(selector).first().evaluate((el) => parseFloat((globalThis as any).getComputedStyle(el).fontSize));
    const sizes = [
      { name: '1920x1080', width: 1920, height: 1080, layout: 'landscape' },
      { name: '1080x1920', width: 1080, height: 1920, layout: 'portrait' },
      { name: '3840x2160', width: 3840, height: 2160, layout: 'landscape' },
    ];
    const calledTokenPx: number[] = [];
    for (const size of sizes) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.waitForSelector(`mq-display-app[layout="${size.layout}"]`);
      const vmin = Math.min(size.width, size.height) / 100;
      const called = await fontPx('mq-now-calling .token');
      calledTokenPx.push(called);
      expect(called / vmin, `${size.name}: called token`).to.be.at.least(19.9);
      expect((await fontPx('mq-room-board li')) / vmin, `${size.name}: rooms board`).to.be.at.least(6.9);
      expect((await fontPx('mq-next-tokens li')) / vmin, `${size.name}: next tokens`).to.be.at.least(5.9);
      expect((await fontPx('mq-recent-calls li')) / vmin, `${size.name}: recent calls`).to.be.at.least(4.9);
      // Nothing spills off the screen.
      const overflow = await page.evaluate(() => (globalThis as any).document.documentElement.scrollHeight - (globalThis as any).innerHeight);
      expect(overflow, `${size.name}: page taller than the screen`).to.be.at.most(0);
      await page.screenshot({ path: path.join(OUTPUT_DIR, `display-${size.name}.png`) });
    }
    expect(calledTokenPx[2] / calledTokenPx[0], '4K is the 1080p picture at twice the size').to.be.closeTo(2, 0.01);
  });

});
