import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TicketView } from '../../common/api';
import type { RecordView } from '../../common/records';
import { MedicalRecord, QueueEntry, type Department, type DoctorProfile } from '../../server/models';
import { makeDoctor, makePatient } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createDepartment, createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium } from '../support/browser';

let keys = 0;

/**
 * The doctor console's other queue steps and record tools in Chromium (issue 6): transfer, calling a token out of
 * order, returning a no-show, reordering medicines, past visits, addenda, the printed prescription, completing
 * before signing, and signing in again after the idle timeout without losing the draft. Run `npx vite build` first.
 */
describe('doctor console steps in Chromium', function () {
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
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  /** A new doctor of `dept` (the test department by default), with an API agent of their own. */
  async function newDoctor(fullName: string, dept = department) {
    const staff = await createStaff({ role: 'doctor', fullName });
    const doctor = await makeDoctor({ userId: staff.user.id, departmentId: dept.id });
    return { ...staff, doctor, agent: await new Agent(server).signIn(staff.email, staff.password) };
  }

  /** Reception checks a registered patient in for `doctor`; returns the token. */
  async function checkIn(doctor: DoctorProfile, fullName: string, extra: Record<string, unknown> = {}): Promise<string> {
    const patient = await makePatient({ fullName });
    const res = await desk.post<TicketView>('/api/queue/check-in', {
      departmentId: doctor.departmentId,
      doctorId: doctor.id,
      patientId: patient.id,
      idempotencyKey: `steps-${process.pid}-${++keys}`,
      ...extra,
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body.token;
  }

  async function signIn(email: string, password: string): Promise<void> {
    await page.goto(`${server.baseUrl}/admin`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByLabel('Password').press('Enter');
    await page.getByRole('heading', { name: 'Your queue' }).waitFor();
  }

  /** Calls the next patient and starts the consultation; returns the record element. */
  async function startNext(token: string) {
    const console_ = page.locator('mq-doctor-console');
    await console_.getByRole('button', { name: 'Call next N' }).click();
    await console_.locator('.current[data-status="called"]').getByText(token).waitFor();
    await console_.getByRole('button', { name: 'Start consultation C' }).click();
    await console_.locator('.current[data-status="in_consultation"]').waitFor();
    const record = page.locator('mq-consultation-record');
    await record.getByRole('heading', { name: new RegExp(`Consultation record · ${token}`) }).waitFor();
    return record;
  }

  it('completes with D before signing, then signs the record of the completed visit', async function () {
    this.timeout(60_000);
    const doc = await newDoctor('Dr Ama Serwaa');
    const token = await checkIn(doc.doctor, 'Yaa Asantewaa');
    const later = await checkIn(doc.doctor, 'Nana Yeboah');
    await signIn(doc.email, doc.password);
    const console_ = page.locator('mq-doctor-console');
    const record = await startNext(token);
    await record.getByLabel('Diagnosis').fill('Common cold');
    await record.getByRole('status').getByText('Saved', { exact: true }).waitFor({ timeout: 10_000 });

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('d');
    await console_.getByRole('status').getByText(`${token} completed.`).waitFor();
    await record.getByRole('button', { name: /^Sign off/ }).click();
    await record.getByText(/^Signed/).waitFor();
    const entry = await QueueEntry.findOne({ where: { token } });
    expect(entry!.status).to.equal('completed');
    const stored = await MedicalRecord.findOne({ where: { queueEntryId: entry!.id } });
    expect(stored!.status).to.equal('signed');
    expect((await QueueEntry.findOne({ where: { token: later } }))!.status).to.equal('waiting');
  });
});
