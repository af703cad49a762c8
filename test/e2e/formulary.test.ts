import { expect } from 'chai';
import { eventually } from '../support/display-page';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TicketView } from '../../common/api';
import { MedicalRecord, MedicineFavourite, QueueEntry, type Department } from '../../server/models';
import { makeDoctor, makePatient } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createDepartment, createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, signInToStaffPanel } from '../support/browser';
import { expectNoSeriousA11yViolations } from './axe-check';

/**
 * The formulary in Chromium (issue 19): an admin adds a medicine; a doctor finds it as they type, keeps it as a
 * favourite, prescribes it with structured choices, and reads every field in full at 1280 px, also once signed.
 * Run `npm run pretest` first.
 */
describe('formulary in Chromium', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let department: Department;
  let desk: Agent;

  before(async function () {
    this.timeout(60_000);
    await resetDatabase();
    server = await startTestServer();
    department = await createDepartment({ name: 'General Practice', prefix: 'G' });
    const reception = await createStaff({ role: 'reception' });
    desk = await new Agent(server).signIn(reception.email, reception.password);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  it('admin adds a medicine; the doctor finds it, stars it and prescribes it, readable in full when signed', async function () {
    this.timeout(90_000);
    const admin = await createStaff({ role: 'admin' });
    await signInToStaffPanel(page, server.baseUrl, admin.email, admin.password, 'medicines');
    await page.getByRole('heading', { name: 'Medicines' }).waitFor();
    await page.getByRole('cell', { name: 'Amoxicillin' }).or(page.getByRole('rowheader', { name: 'Amoxicillin' })).first().waitFor();
    await page.getByRole('button', { name: 'New medicine' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Oseltamivir');
    await page.getByLabel('Strength').fill('75 mg');
    await page.getByLabel('Form', { exact: true }).fill('capsule');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Oseltamivir 75 mg capsule saved.').waitFor();
    await expectNoSeriousA11yViolations(page, 'the Medicines section');
    await page.getByRole('button', { name: 'Sign out' }).click();

    const staff = await createStaff({ role: 'doctor', fullName: 'Dr Ines Duarte' });
    const doctor = await makeDoctor({ userId: staff.user.id, departmentId: department.id });
    const patient = await makePatient({ fullName: 'Rui Carvalho' });
    const ticket = await desk.post<TicketView>('/api/queue/check-in', { departmentId: department.id, doctorId: doctor.id, patientId: patient.id, idempotencyKey: `formulary-${process.pid}-1` });
    expect(ticket.status).to.equal(201);
    await signInToStaffPanel(page, server.baseUrl, staff.email, staff.password);
    const console_ = page.locator('mq-doctor-console');
    await console_.getByRole('button', { name: 'Call next N' }).click();
    await console_.getByRole('button', { name: 'Start consultation C' }).click();
    const record = console_.locator('mq-consultation-record');
    await record.getByLabel('Diagnosis').fill('Influenza');
    await record.getByRole('button', { name: 'Add medicine' }).click();

    // Search as you type: the list offers the new medicine.
    const medicine = record.locator('#row0-medicine');
    await medicine.fill('oselt');
    const options = record.locator('datalist#medicine-choices option');
    const offered = () => options.evaluateAll((o) => o.map((x) => (x as unknown as { value: string }).value));
    // The list may still hold the unfiltered choices for a moment: wait for the search's answer.
    await eventually('the search for "oselt" has answered', async () => (await offered()).length === 1);
    expect(await offered()).to.deep.equal(['Oseltamivir 75 mg capsule']);
    await medicine.fill('Oseltamivir 75 mg capsule');
    const star = record.getByRole('button', { name: 'Favourite: medicine 1' });
    await star.click();
    await expectSoon(async () => (await star.getAttribute('aria-pressed')) === 'true');
    expect(await MedicineFavourite.count({ where: { userId: staff.user.id } })).to.equal(1);

    // Structured choices, free text still allowed.
    const frequencyChoices = await record.locator('datalist#frequency-choices option').evaluateAll((o) => o.map((x) => (x as unknown as { value: string }).value));
    expect(frequencyChoices).to.include('three times a day');
    await record.locator('#row0-dose').fill('1 capsule');
    await record.locator('#row0-route').fill('oral');
    await record.locator('#row0-frequency').fill('three times a day');
    await record.locator('#row0-duration').fill('5 days');
    await record.locator('#row0-instructions').fill('Start within 48 hours of the first symptoms, with food');
    await record.getByRole('status').getByText('Saved', { exact: true }).waitFor({ timeout: 10_000 });

    // A second row offers the favourite first, before anything is typed.
    await record.getByRole('button', { name: 'Add medicine' }).click();
    await record.locator('#row1-medicine').focus();
    await expectSoon(async () => (await options.first().getAttribute('value')) === 'Oseltamivir 75 mg capsule');
    await record.getByRole('button', { name: 'Remove medicine 2' }).click();

    await record.getByRole('button', { name: 'Sign off and call next' }).click();
    await console_.getByRole('button', { name: /^Signed: G-001, Rui Carvalho/ }).click();
    const signed = console_.getByRole('dialog').locator('mq-consultation-record');
    await signed.getByText(/^Signed \d/).waitFor();
    for (const field of ['medicine', 'dose', 'route', 'frequency', 'duration']) {
      const input = signed.locator(`#row0-${field}`);
      expect(await input.getAttribute('readonly'), field).to.not.equal(null);
      // Nothing cut off: the whole value fits its box.
      expect(await input.evaluate((el) => el.scrollWidth <= el.clientWidth), `${field} is readable in full`).to.equal(true);
    }
    const entry = await QueueEntry.findOne({ where: { token: 'G-001' } });
    const stored = await MedicalRecord.findOne({ where: { queueEntryId: entry!.id } });
    expect(stored!.status).to.equal('signed');
  });
});

async function expectSoon(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
