import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import jsQR from 'jsqr';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { en } from '../../common/i18n/en';
import { QueueEntry, type Department, type DoctorProfile } from '../../server/models';
import { ROOT_DIR } from '../../server/config';
import { makeAppointment, makePatient, makeSlot } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createDepartment, createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { awayFromMidnight, kioskKey, openDepartment, workingDoctor } from '../support/kiosk';
import { startTestServer, type TestServer } from '../support/server';
import { agentFor } from '../support/session';
import { TestSocket } from '../support/ws';
import { sharedBrowser } from '../support/browser';

const PUBLIC_BASE_URL = 'https://queue.example-clinic.org';
const SHOTS = path.join(ROOT_DIR, 'test-output');
const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1280, height: 800 };

describe('check-in kiosk, tickets and the patient\'s phone in Chromium', function () {
  this.timeout(60_000);
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let gp: Department;
  let amina: DoctorProfile;

  const app = () => page.locator('mq-kiosk-app');
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `kiosk-${name}-${page.viewportSize()!.width}x${page.viewportSize()!.height}.png`) });

  /** Opens the kiosk at `viewport` with `query` settings and waits until it is live. */
  async function openKiosk(viewport: { width: number; height: number }, query = '') {
    await page.setViewportSize(viewport);
    await page.goto(`${server.baseUrl}/kiosk${query}`);
    await page.waitForSelector('mq-kiosk-app[connection="open"]');
    await app().getByRole('heading', { name: 'Welcome', level: 2 }).waitFor();
  }

  /** Every visible button on screen is a target of at least 64 x 64 px. */
  async function expectBigTargets(scope: Locator = app()) {
    const buttons = scope.getByRole('button');
    const count = await buttons.count();
    expect(count, 'buttons on screen').to.be.greaterThan(0);
    for (let i = 0; i < count; i++) {
      const box = await buttons.nth(i).boundingBox();
      if (!box) continue;
      const name = await buttons.nth(i).textContent();
      expect(box.height, `height of "${name?.trim()}"`).to.be.at.least(64);
      expect(box.width, `width of "${name?.trim()}"`).to.be.at.least(64);
    }
  }

  /** A walk-in from outside this kiosk (another kiosk, the desk), to see the screens follow it live. */
  async function otherWalkIn() {
    const res = await new Agent(server).post('/api/kiosk/check-in', { departmentId: gp.id, idempotencyKey: kioskKey() });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body as { publicCode: string; token: string };
  }

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer({ env: { PUBLIC_BASE_URL } });
    browser = await sharedBrowser();
  });
  after(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    await resetDatabase();
    await awayFromMidnight();
    server.services.kiosk.checkInLimiter.setLimits({ points: 1000, windowSeconds: 60 });
    ({ department: gp, doctor: amina } = await openDepartment('General Practice', 'G', { name: 'Dr Amina Okafor', room: 'Room 3' }));
    await workingDoctor(gp, { name: 'Dr Ben Carter', room: 'Room 4' });
    await workingDoctor(gp, { name: 'Dr Chloe Davies', room: 'Room 5', works: 'tomorrow' });
    await openDepartment('Cardiology', 'C', { name: 'Dr Farid Haddad', room: 'Room 7' });
    const dermatology = await createDepartment({ name: 'Dermatology', prefix: 'D' });
    await workingDoctor(dermatology, { name: 'Dr Ines Garcia', room: 'Room 9', works: 'tomorrow' });
    context = await browser.newContext({ viewport: LANDSCAPE });
    // Printing is the browser's own dialog: record it instead, in every frame (the kiosk prints from an iframe).
    await context.addInitScript(() => {
      const page = globalThis as any;
      page.print = () => {
        page.top.__printed ??= [];
        page.top.__printed.push(page.location.pathname);
      };
      page.navigator.vibrate = (pattern: unknown) => {
        page.__vibrated ??= [];
        page.__vibrated.push(pattern);
        return true;
      };
    });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  for (const viewport of [PORTRAIT, LANDSCAPE]) {
    it(`takes a walk-in from the start screen to a ticket whose QR code opens the ticket page (${viewport.width}x${viewport.height})`, async () => {
      await openKiosk(viewport, '?ticket-seconds=12');
      await expectBigTargets();
      await shot('start');

      await app().getByRole('button', { name: 'Walk-in' }).click();
      await app().getByRole('heading', { name: 'Which department do you need?' }).waitFor();
      const gpCard = app().locator(`button[data-department="${gp.id}"]`);
      await gpCard.getByText('No one waiting').waitFor();
      const closed = app().getByRole('button', { name: /Dermatology/ });
      expect(await closed.isDisabled()).to.equal(true);
      await closed.getByText('Closed · opens tomorrow at 09:00').waitFor();
      // Live: a ticket taken elsewhere shows up here without a reload.
      await otherWalkIn();
      await gpCard.getByText('1 waiting').waitFor({ timeout: 15_000 });
      // Two doctors are free for one patient waiting: the forecast says a new walk-in waits for nobody.
      await gpCard.getByText(en.walkIn.estimate(0)).waitFor();
      await expectBigTargets();
      await shot('departments');

      await gpCard.click();
      await app().getByRole('heading', { name: 'Which doctor would you like to see?' }).waitFor();
      expect(await app().getByRole('button', { name: /Dr Chloe Davies/ }).isDisabled()).to.equal(true);
      await app().getByRole('button', { name: /Dr Chloe Davies/ }).getByText('Not seeing patients now · from tomorrow at 09:00').waitFor();
      await shot('doctors');
      await app().getByRole('button', { name: /Dr Amina Okafor/ }).click();

      await app().getByRole('heading', { name: 'Does any of these apply to you?' }).waitFor();
      await expectBigTargets();
      await shot('priority');
      await app().getByRole('button', { name: 'I am 65 or older' }).click();

      await app().getByRole('heading', { name: 'Your name and phone (optional)' }).waitFor();
      for (const key of ['A', 'N', 'N', 'A']) await app().getByRole('button', { name: key, exact: true }).click();
      await app().getByRole('button', { name: /Phone number/ }).click();
      for (const key of '07700900123') await app().getByRole('button', { name: key, exact: true }).click();
      await expectBigTargets();
      await shot('details');
      await app().getByRole('button', { name: 'Get my ticket', exact: true }).click();

      await page.waitForSelector('mq-kiosk-app[screen="ticket"]');
      const ticketScreen = app().locator('mq-ticket-screen');
      await ticketScreen.getByText('G-002').waitFor();
      // Nobody touches the kiosk: it counts down (checked now, while it surely still shows) and goes back by itself.
      await ticketScreen.getByText(/Returning to the start in \d+ s/).waitFor();
      await ticketScreen.getByText('Dr Amina Okafor · Room 3').waitFor();
      // Elderly: priority class, so ahead of the walk-in who came first.
      await ticketScreen.getByText("You're next").waitFor();
      const entry = (await QueueEntry.findOne({ where: { token: 'G-002' } }))!;
      expect(entry).to.include({ priority: 'priority', priorityReason: 'elderly', firstName: 'Anna', contactPhone: '07700900123', doctorId: amina.id });
      await expectBigTargets(ticketScreen);
      await page.locator('mq-ticket-screen img').evaluate((img: any) => img.decode());
      await shot('ticket');

      const url = decodeQr(await ticketScreen.locator('img').screenshot());
      expect(url, 'the QR code opens the page in the kiosk\'s language').to.equal(`${PUBLIC_BASE_URL}/t/${entry.publicCode}?lang=en`);
      // The same path on this server is the patient's ticket page.
      const phone = await context.newPage();
      await phone.goto(server.baseUrl + new URL(url!).pathname);
      await phone.getByText('G-002').first().waitFor();
      await phone.close();

      await page.waitForSelector('mq-kiosk-app[screen="start"]', { timeout: 20_000 });
    });
  }

  it('checks in an appointment by booking code, and says so plainly when the code is wrong', async () => {
    const patient = await makePatient({ fullName: 'Quentin Blackwood', dateOfBirth: '1975-04-02', phone: '07700 900456' });
    const slot = await makeSlot(amina.id, { startsAt: new Date(Math.floor(Date.now() / 60_000) * 60_000) });
    const appointment = await makeAppointment(slot, { patientId: patient.id });

    for (const viewport of [LANDSCAPE, PORTRAIT]) {
      await openKiosk(viewport);
      await app().getByRole('button', { name: 'I have an appointment' }).click();
      await app().getByRole('heading', { name: 'Find your appointment' }).waitFor();
      for (const key of 'ZZZZZZ') await app().getByRole('button', { name: key, exact: true }).click();
      await app().getByRole('button', { name: 'Find my appointment' }).click();
      await app().getByRole('alert').getByText('We could not find a booking with the code ZZZZZZ').waitFor();
      await expectBigTargets();
      await shot('appointment-wrong-code');
    }

    // The physical keyboard works too (and Backspace clears the wrong code).
    for (let i = 0; i < 6; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type(appointment.bookingCode.toLowerCase());
    await app().getByRole('button', { name: 'Find my appointment' }).click();
    const card = app().locator('mq-appointment-card');
    await card.getByRole('heading', { name: 'Your appointment' }).waitFor();
    await card.getByText('Dr Amina Okafor').waitFor();
    await card.getByText(/^Today at \d\d:\d\d$/).waitFor();
    expect(await card.textContent()).to.not.match(/Quentin|Blackwood|1975|900456/);
    await shot('appointment-found');
    await card.getByRole('button', { name: 'Check in now' }).click();

    await page.waitForSelector('mq-kiosk-app[screen="ticket"]');
    await app().locator('mq-ticket-screen').getByText('G-001').waitFor();
    await app().locator('mq-ticket-screen').getByText(/Appointment at \d\d:\d\d/).waitFor();
    await appointment.reload();
    expect(appointment.status).to.equal('checked_in');
  });

  it('finds an appointment by phone number and date of birth', async () => {
    const patient = await makePatient({ dateOfBirth: '1975-04-02', phone: '07700 900456' });
    const slot = await makeSlot(amina.id, { startsAt: new Date(Math.floor(Date.now() / 60_000) * 60_000) });
    await makeAppointment(slot, { patientId: patient.id });
    await openKiosk(LANDSCAPE);
    await app().getByRole('button', { name: 'I have an appointment' }).click();
    await app().getByRole('button', { name: 'Phone and date of birth' }).click();
    await page.keyboard.type('07700900456');
    await app().getByRole('button', { name: /Date of birth: Day/ }).click();
    // Day and month move on by themselves after two digits.
    await page.keyboard.type('02041975');
    await shot('appointment-phone');
    await app().getByRole('button', { name: 'Find my appointment' }).click();
    await app().locator('mq-appointment-card').getByText('Dr Amina Okafor').waitFor();
  });

  it('switches the whole kiosk to Arabic, right to left, and to Spanish, and back to English for the next patient', async () => {
    for (const viewport of [PORTRAIT, LANDSCAPE]) {
      await openKiosk(viewport, '?ticket-seconds=2');
      await app().getByRole('button', { name: 'العربية' }).click();
      await app().getByRole('heading', { name: 'أهلاً وسهلاً', level: 2 }).waitFor();
      expect(await page.evaluate(() => [(globalThis as any).document.documentElement.dir, (globalThis as any).document.documentElement.lang])).to.deep.equal(['rtl', 'ar']);
      // Mirrored: the choices' arrows point left, and their text starts at the right.
      const choice = app().getByRole('button', { name: /بدون موعد/ });
      const [arrow, text] = await Promise.all([choice.locator('.chevron').boundingBox(), choice.locator('.choice-title').boundingBox()]);
      expect(arrow!.x, 'arrow on the left').to.be.lessThan(text!.x);
      await shot('start-ar');

      await choice.click();
      await app().getByRole('heading', { name: 'أي قسم تحتاج؟' }).waitFor();
      const back = await app().getByRole('button', { name: 'رجوع' }).boundingBox();
      expect(back!.x, 'Back is on the right').to.be.greaterThan(viewport.width / 2);
      await app().getByRole('button', { name: /Dermatology/ }).getByText(/مغلق · يفتح غداً الساعة 09:00/).waitFor();
      await shot('departments-ar');
      // Back to the start keeps the patient's language.
      await app().getByRole('button', { name: 'رجوع' }).click();
      await app().getByRole('heading', { name: 'أهلاً وسهلاً', level: 2 }).waitFor();
    }

    await app().getByRole('button', { name: 'Español' }).click();
    await app().getByRole('heading', { name: 'Bienvenido', level: 2 }).waitFor();
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.dir)).to.equal('ltr');
    await app().getByRole('button', { name: /Sin cita/ }).click();
    await app().locator(`button[data-department="${gp.id}"]`).click();
    await app().getByRole('button', { name: /Cualquier médico disponible/ }).click();
    await app().getByRole('button', { name: 'Ninguna' }).click();
    await app().getByRole('button', { name: 'Omitir y sacar mi número' }).click();
    await app().locator('mq-ticket-screen').getByText('Su número', { exact: true }).waitFor();
    await shot('ticket-es');
    // The ticket screen times out: the next patient finds the kiosk in English again.
    await app().getByRole('heading', { name: 'Welcome', level: 2 }).waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.lang)).to.equal('en');
  });

  it('sends an emergency to the desk: the patient is told to go now, and reception is alerted', async () => {
    const { user } = await createStaff({ role: 'reception' });
    const desk = new TestSocket(server.wsUrl, (await agentFor(server, user)).cookie);
    try {
      await desk.next('hello');
      desk.send({ type: 'subscribe', channel: 'reception:all' });
      await desk.next('reception_alerts');

      await openKiosk(PORTRAIT);
      await app().getByRole('button', { name: 'Walk-in' }).click();
      await app().locator(`button[data-department="${gp.id}"]`).click();
      await app().getByRole('button', { name: /Any available doctor/ }).click();
      await app().getByRole('button', { name: /This is an emergency/ }).click();
      await app().getByRole('heading', { name: 'Is this an emergency?' }).waitFor();
      await shot('emergency-confirm');
      await app().getByRole('button', { name: 'Yes, get help now' }).click();
      await app().getByRole('heading', { name: 'Please go to the reception desk now' }).waitFor();
      await app().locator('mq-emergency-screen').getByText('G-001').waitFor();
      await shot('emergency');
      const alert = await desk.next('emergency_alert', 5000);
      expect(alert.alert).to.include({ token: 'G-001', kind: 'emergency' });
    } finally {
      desk.close();
    }
  });

  it('asks "Are you still there?" and goes back to the start when a patient walks away', async () => {
    await openKiosk(LANDSCAPE, '?idle-seconds=12');
    await app().getByRole('button', { name: 'Walk-in' }).click();
    await app().getByRole('heading', { name: 'Which department do you need?' }).waitFor();
    await app().getByText('Are you still there?').waitFor({ timeout: 8000 });
    await app().getByText(/Going back to the start in \d+ seconds\./).waitFor();
    await shot('idle');
    await app().getByRole('button', { name: 'I need more time' }).click();
    await app().getByText('Are you still there?').waitFor({ state: 'detached' });
    await page.waitForSelector('mq-kiosk-app[screen="start"]', { timeout: 20_000 });
  });

  it('allows zoom unless the address locks it, where it blocks pinch zoom', async () => {
    await openKiosk(LANDSCAPE);
    expect(await page.locator('meta[name="viewport"]').getAttribute('content')).to.equal('width=device-width, initial-scale=1');
    const pinchAllowed = await page.evaluate(() => {
      const touch = new Event('touchmove', { cancelable: true, bubbles: true });
      Object.defineProperty(touch, 'touches', { value: [{}, {}] });
      (globalThis as any).document.body.dispatchEvent(touch);
      return !touch.defaultPrevented;
    });
    expect(pinchAllowed).to.equal(true);
  });

  it('shows a visible focus ring, names the keys for screen readers, and blocks pinch zoom on locked hardware', async () => {
    await openKiosk(LANDSCAPE, '?lock-zoom=1');
    expect(await page.locator('meta[name="viewport"]').getAttribute('content')).to.match(/user-scalable=no/);
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const page = globalThis as any;
      let element = page.document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      return element ? (page.getComputedStyle(element).boxShadow as string) : 'none';
    });
    expect(ring).to.not.equal('none');
    await app().getByRole('button', { name: 'I have an appointment' }).click();
    await app().getByRole('group', { name: 'Booking code' }).getByRole('button', { name: 'Delete' }).waitFor();
    const pinch = await page.evaluate(() => {
      const touch = new Event('touchmove', { cancelable: true, bubbles: true });
      Object.defineProperty(touch, 'touches', { value: [{}, {}] });
      (globalThis as any).document.body.dispatchEvent(touch);
      return touch.defaultPrevented;
    });
    expect(pinch).to.equal(true);
  });
});

/** Reads a QR code from a PNG (a screenshot of the kiosk's QR image), as a phone camera would. */
function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

