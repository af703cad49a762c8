import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { KioskProfileView } from '../../common/kiosk-profile';
import type { Department } from '../../server/models';
import { signedIn } from '../support/admin';
import { sharedBrowser } from '../support/browser';
import { resetDatabase } from '../support/db';
import type { Agent } from '../support/http';
import { awayFromMidnight, openDepartment } from '../support/kiosk';
import { startTestServer, type TestServer } from '../support/server';

/**
 * The kiosk following its profile (`/kiosk?kiosk=<id>`) in Chromium: only the profile's departments, no printing
 * when it is off, the profile's language, and every department with a notice when the profile does not exist.
 * Run `npx vite build` first when running this file alone.
 */
describe('kiosk profiles in Chromium', function () {
  this.timeout(60_000);
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: Agent;
  let gp: Department;
  let cardiology: Department;
  let dermatology: Department;

  const app = () => page.locator('mq-kiosk-app');

  async function profile(body: Record<string, unknown>): Promise<KioskProfileView> {
    const res = await admin.post<KioskProfileView>('/api/kiosks', body);
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body;
  }

  async function open(address: string, welcome = 'Welcome') {
    await page.goto(`${server.baseUrl}${address}`);
    await page.waitForSelector('mq-kiosk-app[connection="open"]');
    // The start screen's h2 (the header's h1 also says Welcome until the clinic's name has arrived).
    await app().getByRole('heading', { level: 2, name: welcome }).waitFor();
  }

  /** The departments offered on the walk-in screen, by name. */
  async function offeredDepartments(heading = 'Which department do you need?'): Promise<string[]> {
    await app().getByRole('heading', { name: heading }).waitFor();
    await app().locator('button[data-department]').first().waitFor();
    return (await app().locator('button[data-department] .title').allTextContents()).map((t) => t.trim());
  }

  before(async () => {
    server = await startTestServer();
    browser = await sharedBrowser();
  });
  after(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    await resetDatabase();
    await awayFromMidnight();
    server.services.kiosk.checkInLimiter.setLimits({ points: 1000, windowSeconds: 60 });
    ({ department: gp } = await openDepartment('General Practice', 'G', { name: 'Dr Amina Okafor', room: 'Room 3' }));
    ({ department: cardiology } = await openDepartment('Cardiology', 'C', { name: 'Dr Farid Haddad', room: 'Room 7' }));
    ({ department: dermatology } = await openDepartment('Dermatology', 'D', { name: 'Dr Ines Garcia', room: 'Room 9' }));
    admin = (await signedIn(server, 'admin')).agent;
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => {
      const page = globalThis as any;
      page.print = () => {
        page.top.__printed ??= [];
        page.top.__printed.push(page.location.pathname);
      };
    });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  it('offers only the profile\'s departments and no printing when the profile turns it off', async () => {
    const kiosk = await profile({ name: 'Heart unit', departmentIds: [cardiology.id, dermatology.id], printing: false });
    await open(kiosk.address);
    await app().getByRole('button', { name: 'Walk-in' }).click();
    expect(await offeredDepartments()).to.deep.equal(['Cardiology', 'Dermatology']);
    expect(await app().locator(`button[data-department="${gp.id}"]`).count()).to.equal(0);

    await app().locator(`button[data-department="${cardiology.id}"]`).click();
    await app().getByRole('button', { name: /Any available doctor/ }).click();
    await app().getByRole('button', { name: 'None of these' }).click();
    await app().getByRole('button', { name: 'Get my ticket', exact: true }).click();
    await page.waitForSelector('mq-kiosk-app[screen="ticket"]');
    await app().locator('mq-ticket-screen').getByText(/^C-001$/).waitFor();
    // The rest of the ticket screen is there; printing is not.
    await app().getByRole('button', { name: 'Done' }).waitFor();
    expect(await app().getByRole('button', { name: 'Print ticket' }).count()).to.equal(0);
  });

  it('offers every department on a kiosk whose profile names none, in the profile\'s language', async () => {
    const kiosk = await profile({ name: 'Entrance', language: 'es' });
    await open(kiosk.address, 'Bienvenido');
    await app().getByRole('button', { name: 'Sin cita' }).click();
    expect(await offeredDepartments('¿Qué servicio necesita?')).to.have.members(['Cardiology', 'Dermatology', 'General Practice']);
  });

  it('locks zoom when its profile says so (the clinic\'s own hardware), and leaves it to patients otherwise', async () => {
    const viewport = () => page.locator('meta[name="viewport"]').getAttribute('content');
    await open((await profile({ name: 'Open kiosk' })).address);
    expect(await viewport()).to.equal('width=device-width, initial-scale=1');
    await open((await profile({ name: 'Locked kiosk', lockZoom: true })).address);
    await page.waitForFunction(() => /user-scalable=no/.test((globalThis as any).document.querySelector('meta[name="viewport"]').content));
    const pinchBlocked = await page.evaluate(() => {
      const touch = new Event('touchmove', { cancelable: true, bubbles: true });
      Object.defineProperty(touch, 'touches', { value: [{}, {}] });
      (globalThis as any).document.dispatchEvent(touch);
      return touch.defaultPrevented;
    });
    expect(pinchBlocked).to.equal(true);
  });

  it('offers printing on a profile with printing on', async () => {
    const kiosk = await profile({ name: 'GP desk', departmentIds: [gp.id] });
    await open(kiosk.address);
    await app().getByRole('button', { name: 'Walk-in' }).click();
    expect(await offeredDepartments()).to.deep.equal(['General Practice']);
    await app().locator(`button[data-department="${gp.id}"]`).click();
    await app().getByRole('button', { name: /Any available doctor/ }).click();
    await app().getByRole('button', { name: 'None of these' }).click();
    await app().getByRole('button', { name: 'Get my ticket', exact: true }).click();
    await app().getByRole('button', { name: 'Print ticket' }).click();
    await page.waitForFunction(() => ((globalThis as any).__printed ?? []).length === 1);
  });

  it('falls back to every department with a notice when the profile does not exist', async () => {
    await open('/kiosk?kiosk=999999');
    await app().getByRole('status').filter({ hasText: "This kiosk's setup (kiosk 999999) was not found" }).waitFor();
    await app().getByRole('button', { name: 'Walk-in' }).click();
    expect(await offeredDepartments()).to.have.members(['Cardiology', 'Dermatology', 'General Practice']);
  });
});
