import { expect } from 'chai';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { es } from '../../common/i18n/es';
import { ROOT_DIR } from '../../server/config';
import type { DoctorProfile } from '../../server/models';
import { User } from '../../server/models';
import { dayFromToday, signedIn, slotAt } from '../support/admin';
import { seriousViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { makeDoctor } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createDepartment } from '../support/factories';
import { Agent } from '../support/http';
import { awayFromMidnight, kioskKey, openDepartment } from '../support/kiosk';
import { startTestServer, type TestServer } from '../support/server';

const SHOTS = path.join(ROOT_DIR, 'test-output');

describe('online booking and the TV display in Chromium: phone widths, days, languages and accessibility', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let doctor: DoctorProfile;

  const expectAccessible = async (step: string) => {
    expect(await seriousViolations(page), `axe on ${step}`).to.deep.equal([]);
  };
  /** The page is no wider than the screen: nothing to scroll sideways. */
  const expectNoSidewaysScroll = async (step: string) => {
    const [scroll, client] = await page.evaluate(() => {
      const root = (globalThis as any).document.documentElement;
      return [root.scrollWidth, root.clientWidth];
    });
    expect(scroll, `page width on ${step}`).to.be.at.most(client);
  };

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    browser = await launchChromium();
    await resetDatabase();
    const department = await createDepartment({ name: 'General Practice', prefix: 'G' });
    await department.update({ labels: { es: 'Medicina general', ar: 'الطب العام' } });
    doctor = await makeDoctor({ departmentId: department.id, specialization: 'General Practice and Family Medicine for Adults', room: 'Room 3' });
    await User.update({ fullName: 'Dr Maximiliana Featherstonehaugh-Worthington' }, { where: { id: doctor.userId } });
    for (const time of ['09:00', '09:15', '09:30', '09:45', '10:00', '10:15']) await slotAt(doctor, dayFromToday(2), time);
    for (const time of ['11:00', '11:15']) await slotAt(doctor, dayFromToday(3), time);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    // The confirmation page allows no script at all; axe is injected by the test.
    context = await browser.newContext({ viewport: { width: 320, height: 700 }, bypassCSP: true });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  for (const width of [320, 390]) {
    it(`books at ${width} px without sideways scrolling, times grouped by day with a day picker, every step accessible`, async function () {
      this.timeout(60_000);
      await page.setViewportSize({ width, height: 844 });
      await page.goto(`${server.baseUrl}/book`);
      await page.getByRole('heading', { name: 'Book an appointment' }).waitFor();
      await page.getByLabel('Department').waitFor();
      await expectNoSidewaysScroll('start');
      await expectAccessible('start');
      await page.getByLabel('Department').selectOption({ label: 'General Practice' });
      await page.getByRole('heading', { name: /^Free times on / }).waitFor();
      await expectNoSidewaysScroll('times');
      await expectAccessible('times');
      await page.screenshot({ path: path.join(SHOTS, `book-times-${width}x844.png`), fullPage: true });

      // Two days with times: the first is chosen, the other is one tap away.
      const days = page.locator('mq-day-picker button');
      // The picker draws just after the heading: wait for its second day before counting (a loaded machine is slower).
      await days.nth(1).waitFor();
      expect(await days.count()).to.equal(2);
      expect(await page.locator('mq-slot-list button').count()).to.equal(6);
      await days.nth(1).click();
      expect(await days.nth(1).getAttribute('aria-pressed')).to.equal('true');
      // The second day's times only (each test books one of its two).
      expect(await page.locator('mq-slot-list button').allTextContents()).to.satisfy((times: string[]) => times.length >= 1 && times.every((t) => t.trim().startsWith('11:')));
      await page.locator('mq-slot-list button').first().click();

      await page.getByRole('heading', { name: '3. Your details' }).waitFor();
      await page.getByRole('button', { name: 'Book appointment' }).click();
      await page.getByText('Please enter your full name.').waitFor();
      await expectNoSidewaysScroll('details');
      await expectAccessible('details with errors');
      await page.getByLabel('Full name').fill(`Width Tester ${width}`);
      await page.getByLabel('Phone number').fill(`07700 900${width}`);
      await page.getByLabel('Date of birth').fill('1990-06-15');
      await page.getByRole('button', { name: 'Book appointment' }).click();
      await page.getByRole('heading', { name: "You're booked" }).waitFor();
      await expectNoSidewaysScroll('booked');
      await expectAccessible('booked');
    });
  }

  it('says in plain, accessible words when the chosen time was just taken, and when online booking is off', async function () {
    this.timeout(60_000);
    const slot = await slotAt(doctor, dayFromToday(4), '14:00');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/book`);
    await page.getByLabel('Department').selectOption({ label: 'General Practice' });
    await page.getByRole('heading', { name: /^Free times on / }).waitFor();
    await page.locator('mq-day-picker button').last().click();
    await page.locator('mq-slot-list button', { hasText: '14:00' }).click();
    await page.getByLabel('Full name').fill('Slow Sam');
    await page.getByLabel('Phone number').fill('07700 900555');
    await page.getByLabel('Date of birth').fill('1960-01-01');
    // Someone else books the same time first.
    const other = await new Agent(server).post('/api/public/bookings', { slotId: slot.id, fullName: 'Quick Quinn', phone: '07700 900556', dateOfBirth: '1970-01-01' });
    expect(other.status).to.equal(201);
    await page.getByRole('button', { name: 'Book appointment' }).click();
    await page.getByRole('alert').filter({ hasText: 'That time has just been taken. Please choose another.' }).waitFor();
    await expectNoSidewaysScroll('time taken');
    await expectAccessible('time taken');

    const admin = (await signedIn(server, 'admin')).agent;
    const settings = (await admin.get('/api/settings/all')).body;
    await admin.request('PUT', '/api/settings', { ...settings, publicBooking: false });
    try {
      await page.goto(`${server.baseUrl}/book`);
      await page.getByText('Online booking is switched off. Please call the clinic to book.').waitFor();
      await expectAccessible('booking off');
    } finally {
      await admin.request('PUT', '/api/settings', { ...settings, publicBooking: true });
    }
  });

  it('speaks Spanish with ?lang=es, department names included, and the confirmation too', async function () {
    this.timeout(60_000);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/book?lang=es`);
    await page.getByRole('heading', { name: es.book.title }).waitFor();
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.lang)).to.equal('es');
    await page.getByLabel(es.book.department).selectOption({ label: 'Medicina general' });
    await page.getByRole('heading', { name: /^Horas libres el / }).waitFor();
    await expectAccessible('times (es)');
    await page.locator('mq-slot-list button').first().click();
    await page.getByLabel(es.book.fullName).fill('Lucía Gómez');
    await page.getByLabel(es.book.phone).fill('07700 900777');
    await page.getByLabel(es.book.dateOfBirth).fill('1985-02-11');
    await page.getByRole('button', { name: es.book.submit }).click();
    await page.getByRole('heading', { name: es.book.booked }).waitFor();
    const link = page.getByRole('link', { name: es.book.openConfirmation });
    expect(await link.getAttribute('href')).to.match(/\?lang=es$/);
    await page.goto(server.baseUrl + (await link.getAttribute('href'))!);
    await page.getByText(es.confirmation.title).waitFor();
    await page.getByText('Medicina general').waitFor();
    expect(await seriousViolations(page), 'axe on the confirmation').to.deep.equal([]);
  });

  it('shows the TV display with no serious accessibility fault, an English name on an Arabic screen cut at its own end', async function () {
    this.timeout(60_000);
    const { department } = await openDepartment('Cardiology and Vascular Medicine Outpatient Services', 'C', { room: 'Room 7' });
    await new Agent(server).post('/api/kiosk/check-in', { departmentId: department.id, idempotencyKey: kioskKey() });
    await awayFromMidnight();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${server.baseUrl}/display?lang=ar`);
    const label = page.locator('mq-next-tokens .label span[dir="auto"]').filter({ hasText: 'Cardiology' });
    await label.waitFor();
    expect(await label.evaluate((el) => (globalThis as any).getComputedStyle(el).direction)).to.equal('ltr');
    await expectAccessible('display (ar)');
    await page.screenshot({ path: path.join(SHOTS, 'display-ar-1920x1080.png') });
  });

  it('checks a patient in from their phone by the QR code on the display, and refuses the code once it has expired', async function () {
    this.timeout(60_000);
    await openDepartment('Dermatology', 'D', { room: 'Room 9' });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${server.baseUrl}/display`);
    const qr = page.locator('mq-check-in-code img');
    await qr.waitFor();
    await qr.evaluate((img: any) => img.decode());
    const image = PNG.sync.read(await qr.screenshot());
    const scanned = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? '';
    const address = new URL(scanned);
    expect(address.pathname).to.match(/^\/c\/[0-9a-z]+-[A-Za-z0-9_-]{22}$/);

    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(server.baseUrl + address.pathname);
    await phone.getByRole('heading', { name: 'Check in', exact: true }).waitFor();
    expect(await seriousViolations(phone), 'axe on phone check-in').to.deep.equal([]);
    await phone.screenshot({ path: path.join(SHOTS, 'phone-check-in-390x844.png'), fullPage: true });
    await phone.getByLabel('Which department do you need?').selectOption({ label: 'Dermatology' });
    await phone.getByRole('button', { name: 'Get my ticket' }).click();
    await phone.waitForURL(/\/t\/[A-Za-z0-9_-]+\?lang=en$/);
    await phone.getByText('D-001').waitFor();

    // Five minutes later the same code is refused, in plain words.
    server.clock.shift(6 * 60_000);
    try {
      await phone.goto(server.baseUrl + address.pathname);
      await phone.getByRole('heading', { name: 'This check-in code has expired' }).waitFor();
      expect(await phone.locator('form').count()).to.equal(0);
    } finally {
      server.clock.set(null);
    }
  });
});
