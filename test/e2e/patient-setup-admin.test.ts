import { expect } from 'chai';
import jsQR from 'jsqr';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ROOT_DIR } from '../../server/config';
import type { Department, User } from '../../server/models';
import { seriousViolations } from '../support/axe';
import { sharedBrowser } from '../support/browser';
import { resetDatabase } from '../support/db';
import { createStaff } from '../support/factories';
import { awayFromMidnight, openDepartment } from '../support/kiosk';
import { startTestServer, type TestServer } from '../support/server';
import { openStaffPanelAs } from '../support/session';

const SHOTS = path.join(ROOT_DIR, 'test-output');

/**
 * What admins set up for the patient side (issue 13), in Chromium: a kiosk profile's phone check-in switch and the
 * display that shows its code, printed check-in posters, departments' names in other languages, and the clinic's
 * country for phone numbers; each through the staff panel, then seen as a patient would.
 */
describe('patient-side setup in the staff panel, in Chromium', function () {
  this.timeout(90_000);
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: User;
  let gp: Department;
  let derm: Department;

  const panel = () => page.locator('mq-role-home');
  const expectAccessible = async (target: Page, step: string) => {
    expect(await seriousViolations(target), `axe on ${step}`).to.deep.equal([]);
  };
  /** The address a QR code image on `target` holds, read from its pixels as a phone camera would. */
  const scan = async (target: Page, selector: string): Promise<string> => {
    const image = PNG.sync.read(await target.locator(selector).screenshot());
    return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? '';
  };

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
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
    ({ department: gp } = await openDepartment('General Practice', 'G', { room: 'Room 3' }));
    ({ department: derm } = await openDepartment('Dermatology', 'D', { room: 'Room 9' }));
    admin = (await createStaff({ role: 'admin' })).user;
    // The poster page allows no script; axe is injected by the test.
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, bypassCSP: true });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  it("turns a kiosk profile's phone check-in off and on, and the display linked to it follows", async () => {
    await openStaffPanelAs(page, server, admin, 'devices');
    await panel().getByRole('button', { name: 'New kiosk' }).click();
    await panel().getByLabel('Kiosk name').fill('Skin clinic entrance');
    await panel().getByRole('checkbox', { name: 'Dermatology' }).check();
    await panel().getByRole('checkbox', { name: 'Phone check-in' }).uncheck();
    await panel().getByRole('button', { name: 'Create kiosk' }).click();
    await panel().getByText(/printing on · phone check-in off/).waitFor();

    await panel().getByRole('button', { name: 'New display' }).click();
    await panel().getByLabel('Display name').fill('Skin waiting room');
    await panel().getByLabel('Phone check-in QR code').selectOption({ label: 'Kiosk “Skin clinic entrance” (phone check-in off: no code shown)' });
    await panel().getByRole('button', { name: 'Create display' }).click();
    await panel().getByText(/no phone check-in \(kiosk “Skin clinic entrance” has it off\)/).waitFor();
    await expectAccessible(page, 'displays and kiosks');

    const tv = await context.newPage();
    await tv.setViewportSize({ width: 1920, height: 1080 });
    await tv.goto(`${server.baseUrl}/display?profile=skin-waiting-room`);
    await tv.waitForSelector('mq-display-app[connection="open"]');
    await tv.locator('mq-next-tokens').waitFor();
    expect(await tv.locator('mq-check-in-code img').count(), 'no code while the kiosk has phone check-in off').to.equal(0);

    await panel().getByRole('button', { name: 'Edit Skin clinic entrance' }).click();
    await panel().getByRole('checkbox', { name: 'Phone check-in' }).check();
    await panel().getByRole('button', { name: 'Save kiosk' }).click();
    await panel().getByText(/phone check-in: kiosk “Skin clinic entrance”/).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'admin-devices-1440.png'), fullPage: true });

    await tv.reload();
    await tv.locator('mq-check-in-code img').waitFor();
    await tv.locator('mq-check-in-code img').evaluate((img: any) => img.decode());
    const address = new URL(await scan(tv, 'mq-check-in-code img'));
    expect(address.pathname, 'a code of that kiosk').to.match(/^\/c\/k\d+\.[0-9a-z]+-[A-Za-z0-9_-]{22}$/);
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(server.baseUrl + address.pathname);
    const choices = await phone.getByLabel('Which department do you need?').locator('option').allTextContents();
    expect(choices, "the kiosk's departments only").to.deep.equal(['Dermatology']);
  });

  it('prints a check-in poster whose QR code checks a patient in, until it is revoked', async () => {
    await openStaffPanelAs(page, server, admin, 'devices');
    const posters = panel().locator('mq-check-in-posters');
    await posters.getByLabel('Poster name').fill('Front door');
    await posters.getByRole('button', { name: 'Make poster' }).click();
    const row = posters.getByRole('row', { name: /Front door/ });
    await row.getByText('Works').waitFor();
    await expectAccessible(page, 'posters');

    const [sheet] = await Promise.all([context.waitForEvent('page'), row.getByRole('link', { name: 'Print Front door' }).click()]);
    await sheet.waitForLoadState();
    await sheet.setViewportSize({ width: 794, height: 1123 });
    await sheet.getByText('Check in with your phone').waitFor();
    await sheet.screenshot({ path: path.join(SHOTS, 'poster-a4.png') });
    await expectAccessible(sheet, 'poster');
    const pdf = await sheet.pdf({ preferCSSPageSize: true });
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    // One A4 page: 595 x 842 points.
    expect(boxes, 'one A4 page').to.deep.equal([[595, 842]]);
    const address = new URL(await scan(sheet, '.qr'));
    expect(address.pathname).to.match(/^\/c\/p\d+-[A-Za-z0-9_-]{22}$/);

    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(server.baseUrl + address.pathname);
    await phone.getByLabel('Which department do you need?').selectOption({ label: 'General Practice' });
    await phone.getByRole('button', { name: 'Get my ticket' }).click();
    await phone.waitForURL(/\/t\//);
    await phone.getByText('G-001').waitFor();

    page.once('dialog', () => undefined);
    await row.getByRole('button', { name: 'Revoke Front door' }).click();
    await page.locator('mq-confirm-dialog').getByRole('button', { name: 'Revoke poster' }).click();
    await row.getByText('Revoked').waitFor();
    await phone.goto(server.baseUrl + address.pathname);
    await phone.getByRole('heading', { name: 'This check-in code has expired' }).waitFor();
  });

  it("gives a department its Spanish and Arabic names in the department form, which the kiosk shows", async () => {
    await openStaffPanelAs(page, server, admin, 'departments');
    await panel().getByRole('button', { name: 'Edit Dermatology' }).click();
    await panel().getByLabel(/Spanish/).fill('Dermatología');
    await panel().getByLabel(/Arabic/).fill('الأمراض الجلدية');
    expect(await panel().getByLabel(/Arabic/).getAttribute('dir')).to.equal('rtl');
    await expectAccessible(page, 'department form with names in other languages');
    await page.screenshot({ path: path.join(SHOTS, 'admin-department-labels-1440.png') });
    await panel().getByRole('button', { name: 'Save department' }).click();
    await panel().getByText('Saved Dermatology.').waitFor();
    await panel().getByText('الأمراض الجلدية').waitFor();

    const kiosk = await context.newPage();
    await kiosk.setViewportSize({ width: 1080, height: 1920 });
    await kiosk.goto(`${server.baseUrl}/kiosk?lang=es`);
    await kiosk.waitForSelector('mq-kiosk-app[connection="open"]');
    await kiosk.locator('mq-kiosk-app').getByRole('button', { name: 'Sin cita' }).click();
    await kiosk.locator(`mq-kiosk-app button[data-department="${derm.id}"]`).getByText('Dermatología').waitFor();
    expect(await kiosk.locator(`mq-kiosk-app button[data-department="${gp.id}"]`).textContent()).to.include('General Practice');
  });

  it("sets the clinic's country for phone numbers in Clinic settings", async () => {
    await openStaffPanelAs(page, server, admin, 'settings');
    const country = panel().getByLabel('Country for phone numbers');
    await country.waitFor();
    await panel().getByText(/read as\s+United Kingdom \(GB\) numbers/).waitFor();
    await country.fill('zz');
    await panel().getByRole('button', { name: 'Save settings' }).click();
    await panel().getByText('Use a two-letter country code such as GB, ES or AE.').waitFor();
    await country.fill('ie');
    await panel().getByRole('button', { name: 'Save settings' }).click();
    await panel().getByText('Saved. The changes apply now.').waitFor();
    await panel().getByText(/read as\s+Ireland \(IE\) numbers/).waitFor();
    await expectAccessible(page, 'clinic settings with the country');
    expect((await server.services.kiosk.country!()), 'what the kiosk now reads numbers with').to.equal('IE');
  });
});
