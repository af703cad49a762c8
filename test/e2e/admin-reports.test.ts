import { readFile } from 'node:fs/promises';
import { expect } from 'chai';
import type { User } from '../../server/models';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PatientView } from '../../common/admin';
import { addDays, clinicDay, localToUtc } from '../../server/services/clinic-time';
import { signedIn, TEST_ZONE } from '../support/admin';
import { sharedBrowser } from '../support/browser';
import { makeDoctor, makeQueueEntry } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createDepartment, createStaff } from '../support/factories';
import type { Agent } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';
import { openStaffPanelAs } from '../support/session';

const PUBLIC = 'https://queue.example-clinic.org';

/**
 * The admin's reports, audit log and device screens in Chromium: report figures and charts from fixture visits,
 * the CSV download with the same figures, an audit search by patient, and a new display profile's address.
 * Run `npx vite build` first when running this file alone.
 */
describe('reports, audit log and devices in the staff panel (Chromium)', function () {
  this.timeout(60_000);
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: { user: User; email: string; password: string };
  let api: Agent;
  /** Yesterday in the clinic's zone: inside the default "last 7 days". */
  const day = addDays(clinicDay(new Date(), TEST_ZONE), -1);
  const at = (time: string) => localToUtc(day, time, TEST_ZONE);

  before(async () => {
    await resetDatabase();
    // Devices are given the address they reach the server at, not the one the admin happens to use.
    server = await startTestServer({ env: { PUBLIC_BASE_URL: PUBLIC } });
    browser = await sharedBrowser();
    admin = await createStaff({ role: 'admin', fullName: 'Ada Admin' });
    api = (await signedIn(server, 'admin')).agent;

    // Cardiology, yesterday: waits 10, 30 and 5 minutes; consultations 15, 20 and 12; one no-show (wait 60).
    const cardiology = await createDepartment({ name: 'Cardiology', prefix: 'C' });
    const doctor = await makeDoctor({ departmentId: cardiology.id });
    let sequence = 0;
    const visit = (checkIn: string, called: string, started: string, completed: string) =>
      makeQueueEntry({
        departmentId: cardiology.id,
        doctorId: doctor.id,
        clinicDay: day,
        sequence: ++sequence,
        checkedInAt: at(checkIn),
        status: 'completed',
        firstCalledAt: at(called),
        calledAt: at(called),
        consultationStartedAt: at(started),
        completedAt: at(completed),
      });
    await visit('09:00', '09:10', '09:12', '09:27');
    await visit('09:20', '09:50', '09:50', '10:10');
    await visit('10:05', '10:10', '10:10', '10:22');
    await makeQueueEntry({
      departmentId: cardiology.id, doctorId: doctor.id, clinicDay: day, sequence: ++sequence,
      checkedInAt: at('10:30'), status: 'skipped', firstCalledAt: at('11:30'), calledAt: at('11:30'), skippedAt: at('11:35'),
    });
  });

  after(async () => {
    await server?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  /** The value shown under a figure's name in the clinic's tiles. */
  const tile = (name: string) => page.locator('mq-reports dl.tiles div').filter({ has: page.getByText(name, { exact: true }) }).locator('dd');

  it('shows the last 7 days\' figures, draws the charts, and downloads the same figures as CSV', async () => {
    await openStaffPanelAs(page, server, admin.user, 'reports');
    await page.getByRole('heading', { name: 'Reports' }).waitFor();
    // The range is set once the clinic's zone has arrived, and the figures follow it: wait for them first.
    await tile('Patients seen').getByText('3').waitFor();
    expect(await page.getByLabel('To', { exact: true }).inputValue()).to.equal(addDays(day, 1));
    expect(await page.getByLabel('From', { exact: true }).inputValue()).to.equal(addDays(day, -5));

    expect(await tile('Check-ins').textContent()).to.equal('4');
    expect(await tile('No-shows').textContent()).to.equal('1');
    expect(await tile('Average wait').textContent()).to.equal('26.3 min'); // (10 + 30 + 5 + 60) / 4
    expect(await tile('90th percentile wait').textContent()).to.equal('60 min');
    expect(await tile('Average consultation').textContent()).to.equal('15.7 min'); // (15 + 20 + 12) / 3
    const department = page.getByRole('table', { name: 'Figures by department' }).getByRole('row', { name: /^Cardiology/ });
    expect((await department.getByRole('cell').allTextContents()).map((t) => t.trim())).to.deep.equal(['4', '3', '1', '26.3 min', '60 min', '15.7 min']);

    // Both charts are Chart.js instances that have drawn something on their canvas.
    const charts = page.locator('mq-bar-chart');
    expect(await charts.count()).to.equal(2);
    for (let i = 0; i < 2; i++) {
      await page.waitForFunction((el) => {
        const chart = (el as any).chart;
        if (!chart) return false;
        const canvas = chart.canvas;
        const pixels: Uint8ClampedArray = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        for (let p = 3; p < pixels.length; p += 4) if (pixels[p] !== 0) return true;
        return false;
      }, await charts.nth(i).elementHandle());
    }
    // The arrivals chart's table equivalent: two arrivals between 09:00 and 09:59.
    const arrivals = charts.filter({ hasText: 'Arrivals by hour of the day' });
    await arrivals.getByRole('button', { name: 'Show as table' }).click();
    expect((await arrivals.getByRole('row', { name: /^09:00/ }).textContent())!.replace(/\s+/g, ' ').trim()).to.equal('09:00 2');
    // The wait chart regroups by doctor.
    await page.getByLabel('Waits by').selectOption('doctor');
    await charts.filter({ hasText: 'Wait by doctor' }).waitFor();

    // The CSV link carries the same range; its clinic line has the figures on screen.
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).to.equal(`mediqueue-report-${addDays(day, -5)}-to-${addDays(day, 1)}.csv`);
    const lines = (await readFile((await download.path())!, 'utf8')).trimEnd().split('\r\n');
    const clinic = lines[1].split(',');
    expect(clinic.slice(0, 3)).to.deep.equal(['clinic', '', 'All departments']);
    expect(clinic.slice(5, 11)).to.deep.equal(['4', '3', '1', '26.3', '60', '15.7']);
    expect(lines.some((l) => l.startsWith('department,') && l.includes(',Cardiology,'))).to.equal(true);

    // Leaving the section destroys the charts (nothing left drawing in the background).
    const handle = await charts.first().elementHandle();
    await page.getByRole('link', { name: /Audit log/ }).click();
    await page.waitForSelector('mq-role-home[section="audit"]');
    expect(await handle!.evaluate((el) => (el as unknown as { chart?: unknown }).chart === undefined && !el.isConnected)).to.equal(true);
  });

  it('says so plainly for days with no visits', async () => {
    await openStaffPanelAs(page, server, admin.user, 'reports');
    await tile('Patients seen').getByText('3').waitFor();
    await page.getByLabel('From', { exact: true }).fill('2020-03-02');
    await page.getByLabel('To', { exact: true }).fill('2020-03-03');
    await page.getByRole('button', { name: 'Show report' }).click();
    await page.getByText('No visits from Mon 2 Mar 2020 to Tue 3 Mar 2020.').waitFor();
    expect(await page.locator('mq-bar-chart').count()).to.equal(0);
    expect(await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).to.equal('/api/reports?from=2020-03-02&to=2020-03-03&format=csv');
  });

  it('finds a patient\'s entries in the audit log', async () => {
    const create = async (fullName: string) => {
      const res = await api.post<{ patient: PatientView }>('/api/patients', { fullName, dateOfBirth: '1970-05-05', confirmDuplicate: true });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      return res.body.patient;
    };
    const grace = await create('Grace Hopper');
    await create('Alan Turing');
    await api.request('PATCH', `/api/patients/${grace.id}`, { phone: '07700 900456' });

    await openStaffPanelAs(page, server, admin.user, 'audit');
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByRole('cell', { name: 'Registered a patient' }).first().waitFor();
    await page.getByLabel('Patient').fill('Grace');
    await page.getByRole('button', { name: /Grace Hopper/ }).click();
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    // Picking her in the finder read her details, which is on the trail too (issue 11).
    await page.getByText('Showing 3 of 3 entries, newest first.').waitFor();
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.count()).to.equal(4);
    await rows.nth(1).getByText("Looked at a patient's details").waitFor();
    expect(await rows.nth(1).textContent()).to.contain('Ada Admin').and.contain('Grace Hopper');
    expect(await rows.nth(2).textContent()).to.contain("Changed a patient's details").and.contain('changed: phone');
    expect(await rows.nth(3).textContent()).to.contain('Registered a patient').and.contain(grace.medicalRecordNumber);
    expect(await page.getByRole('table').textContent()).not.to.contain('Alan Turing');

    // Narrowed to sign-ins, this patient has none.
    await page.getByLabel('What was done').selectOption({ label: 'Signing in and out' });
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('No audit entries match this search.').waitFor();
    await page.getByLabel('What was done').selectOption({ label: 'Patient details' });
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('Showing 3 of 3 entries, newest first.').waitFor();

    // Nobody did anything on a day long ago: the search says so.
    await page.getByLabel('From', { exact: true }).fill('2020-01-01');
    await page.getByLabel('To', { exact: true }).fill('2020-01-01');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('No audit entries match this search.').waitFor();
  });

  it('creates a display profile and shows its address, with a Copy button', async () => {
    await openStaffPanelAs(page, server, admin.user, 'devices');
    await page.getByRole('heading', { name: 'Waiting-room displays' }).waitFor();
    await page.getByRole('button', { name: 'New display' }).click();
    await page.getByLabel('Display name').fill('Main hall');
    await page.getByLabel('Cardiology (C)').check();
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('button', { name: 'Create display' }).click();

    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Main hall' }) });
    await item.waitFor();
    await item.getByText('Cardiology · Español (Spanish) · voice on · dark theme').waitFor();
    const address = item.getByLabel('Address of Main hall');
    expect(await address.inputValue()).to.equal(`${PUBLIC}/display?profile=main-hall`);
    await item.getByRole('button', { name: 'Copy' }).click();
    await item.getByText('Copied').waitFor();
    expect(await page.evaluate(() => (globalThis as any).navigator.clipboard.readText())).to.equal(`${PUBLIC}/display?profile=main-hall`);
  });

  it('creates a kiosk profile without printing, shows its address, and deletes it after confirming', async () => {
    await openStaffPanelAs(page, server, admin.user, 'devices');
    await page.getByRole('heading', { name: 'Check-in kiosks' }).waitFor();
    await page.getByText('No kiosk profiles yet.').waitFor();
    await page.getByRole('button', { name: 'New kiosk' }).click();
    await page.getByRole('button', { name: 'Create kiosk' }).click();
    await page.getByText('Give the kiosk a name.').waitFor();
    await page.getByLabel('Kiosk name').fill('Entrance');
    await page.getByLabel('Print tickets').uncheck();
    await page.getByRole('button', { name: 'Create kiosk' }).click();

    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Entrance' }) });
    await item.getByText('Every department · English · printing off').waitFor();
    const [kiosk] = (await api.get<{ kiosks: Array<{ id: number }> }>('/api/kiosks')).body.kiosks;
    expect(await item.getByLabel('Address of Entrance').inputValue()).to.equal(`${PUBLIC}/kiosk?kiosk=${kiosk.id}`);

    await item.getByRole('button', { name: 'Delete Entrance' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete kiosk' }).click();
    await page.getByText('No kiosk profiles yet.').waitFor();
    expect((await api.get<{ kiosks: unknown[] }>('/api/kiosks')).body.kiosks).to.deep.equal([]);
  });
});
