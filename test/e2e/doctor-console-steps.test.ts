import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TicketView } from '../../common/api';
import { MedicalRecord, QueueEntry, type Department, type DoctorProfile, type User } from '../../server/models';
import { makeDoctor, makePatient } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createDepartment, createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';
import { addSessionCookie, agentFor } from '../support/session';
import { sharedBrowser } from '../support/browser';

let keys = 0;

/**
 * The doctor console's other queue steps in Chromium (issue 6): transfer, calling a token out of order, returning a
 * no-show, completing before signing. The record tools are in doctor-console-records.test.ts. Run `npx vite build`
 * first.
 */
describe('doctor console steps in Chromium', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  /** A second browser, for a test that watches another doctor's console. */
  let otherContext: BrowserContext | undefined;
  let page: Page;
  let department: Department;
  let desk: Agent;
  let reception: { user: User; email: string; password: string };

  before(async function () {
    this.timeout(60_000);
    await resetDatabase();
    server = await startTestServer();
    department = await createDepartment({ name: 'General Practice', prefix: 'G' });
    reception = await createStaff({ role: 'reception' });
    desk = await agentFor(server, reception.user);
    browser = await sharedBrowser();
  });

  after(async () => {
    await server?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
    await otherContext?.close();
    otherContext = undefined;
  });

  /** A new doctor of `dept` (the test department by default), with an API agent of their own. */
  async function newDoctor(fullName: string, dept = department) {
    const staff = await createStaff({ role: 'doctor', fullName });
    const doctor = await makeDoctor({ userId: staff.user.id, departmentId: dept.id });
    return { ...staff, doctor, agent: await agentFor(server, staff.user) };
  }

  /** Reception checks a registered patient in for `doctor`; returns the token. */
  async function checkIn(doctor: DoctorProfile, fullName: string, extra: Record<string, unknown> = {}, by = desk): Promise<string> {
    const patient = await makePatient({ fullName });
    const res = await by.post<TicketView>('/api/queue/check-in', {
      departmentId: doctor.departmentId,
      doctorId: doctor.id,
      patientId: patient.id,
      idempotencyKey: `steps-${process.pid}-${++keys}`,
      ...extra,
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body.token;
  }

  /** Opens the staff panel as `user` with a session of their own (not through the form) and waits for the queue. */
  async function signIn(user: User): Promise<void> {
    await addSessionCookie(context, server, user);
    await page.goto(`${server.baseUrl}/admin`);
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

  it('transfers the patient to another doctor with a reason: they leave this queue and appear in the other', async function () {
    this.timeout(90_000);
    const cardiology = await createDepartment({ name: 'Cardiology', prefix: 'C' });
    const doc = await newDoctor('Dr Kwesi Arthur');
    const other = await newDoctor('Dr Adwoa Boakye', cardiology);
    const token = await checkIn(doc.doctor, 'Kofi Annan');
    // The other doctor's console is open in a browser of their own, to see the patient arrive live.
    otherContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const otherPage = await otherContext.newPage();
    await otherPage.goto(`${server.baseUrl}/admin`);
    await otherPage.getByLabel('Email').fill(other.email);
    await otherPage.getByLabel('Password').fill(other.password);
    await otherPage.getByLabel('Password').press('Enter');
    await otherPage.locator('mq-doctor-waiting').getByText('Nobody is waiting.').waitFor();

    await signIn(doc.user);
    const console_ = page.locator('mq-doctor-console');
    await console_.getByRole('button', { name: 'Call next N' }).click();
    await console_.locator('.current[data-status="called"]').getByText(token).waitFor();

    await page.keyboard.press('t');
    const dialog = page.getByRole('dialog', { name: /Transfer/ });
    await dialog.waitFor();
    // The console's letter keys do nothing behind the open dialog, wherever the focus is in it.
    const said = await console_.locator('p.live').textContent();
    await dialog.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('d');
    await dialog.getByRole('heading', { name: 'Transfer' }).click();
    await page.keyboard.press('s');
    await page.keyboard.press('n');
    expect(await console_.locator('p.live').textContent(), 'no step was taken').to.equal(said);
    await dialog.getByRole('button', { name: 'Transfer', exact: true }).click();
    await dialog.getByText('Please give a reason for the transfer.').waitFor();
    await dialog.getByText('Choose a department or a doctor to transfer the patient to.').waitFor();
    await dialog.getByLabel('Transfer to').selectOption({ label: `Dr Adwoa Boakye · Cardiology · ${other.doctor.room}` });
    await dialog.getByLabel('Reason').fill('Palpitations: needs a cardiology review');
    await dialog.getByRole('button', { name: 'Transfer', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Named by the token the patient had here, not the new one (issue 19).
    await console_.getByRole('status').getByText(new RegExp(`^${token} transferred; they now wait as C-\\d{3}\\.$`)).waitFor();
    await console_.getByText('No patient with you now.').waitFor();
    const old = await QueueEntry.findOne({ where: { token } });
    expect(old!.status).to.equal('transferred');
    const moved = await QueueEntry.findOne({ where: { transferredFromId: old!.id } });
    expect(moved).to.include({ status: 'waiting', doctorId: other.doctor.id, departmentId: cardiology.id });
    const otherWaiting = otherPage.locator('mq-doctor-waiting');
    await otherWaiting.getByRole('heading', { name: 'Waiting (1)' }).waitFor();
    await otherWaiting.getByText('Kofi Annan').waitFor();
    await otherWaiting.getByText(moved!.token).waitFor();
  });

  it('calls a waiting token out of order with K, the arrows and Enter; emergencies are marked', async function () {
    this.timeout(60_000);
    const doc = await newDoctor('Dr Esi Mensah');
    await checkIn(doc.doctor, 'Ama Ata Aidoo');
    await checkIn(doc.doctor, 'Kojo Botsio');
    const urgent = await checkIn(doc.doctor, 'Efua Sutherland', { priority: 'emergency' });
    const last = await checkIn(doc.doctor, 'Joe Appiah');
    await signIn(doc.user);
    const waiting = page.locator('mq-doctor-waiting');
    await waiting.getByRole('heading', { name: 'Waiting (4)' }).waitFor();
    // The emergency is first in line and marked as such.
    const firstRow = waiting.getByRole('row').nth(1);
    await firstRow.getByText(urgent).waitFor();
    await firstRow.getByText('Emergency', { exact: true }).waitFor();

    await page.keyboard.press('k');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await waiting.getByRole('button', { name: `Call ${last}` }).evaluate((b) => b.matches(':focus'))).to.equal(true);
    await page.keyboard.press('Enter');

    const console_ = page.locator('mq-doctor-console');
    await console_.locator('.current[data-status="called"]').getByText(last).waitFor();
    await console_.getByRole('status').getByText(`${last} called.`).waitFor();
    await waiting.getByRole('heading', { name: 'Waiting (3)' }).waitFor();
    expect((await QueueEntry.findOne({ where: { token: last } }))!.status).to.equal('called');
    // With a patient called, the Call buttons wait (the server would refuse: doctor busy).
    expect(await waiting.getByRole('button', { name: `Call ${urgent}` }).isDisabled()).to.equal(true);
  });

  it('lists a no-show as missed and returns them to the queue with U', async function () {
    this.timeout(60_000);
    const doc = await newDoctor('Dr Yaw Osei');
    const token = await checkIn(doc.doctor, 'Abena Korantema');
    const second = await checkIn(doc.doctor, 'Kwabena Duffuor');
    await signIn(doc.user);
    const console_ = page.locator('mq-doctor-console');
    const waiting = page.locator('mq-doctor-waiting');
    await waiting.getByRole('heading', { name: 'Waiting (2)' }).waitFor();
    await page.keyboard.press('n');
    await console_.locator('.current[data-status="called"]').getByText(token).waitFor();
    await page.keyboard.press('s');
    await console_.getByRole('status').getByText(`${token} marked as a no-show.`).waitFor();
    await waiting.getByRole('heading', { name: 'Missed (1)' }).waitFor();
    await waiting.getByRole('button', { name: `Return ${token} to the queue` }).waitFor();

    await page.keyboard.press('u');
    await console_.getByRole('status').getByText(`${token} returned to the queue.`).waitFor();
    await waiting.getByRole('heading', { name: 'Missed (1)' }).waitFor({ state: 'detached' });
    await waiting.getByRole('heading', { name: 'Waiting (2)' }).waitFor();
    // Back at their original place: first again.
    await waiting.getByRole('row').nth(1).getByText(token).waitFor();
    expect((await QueueEntry.findOne({ where: { token } }))!.status).to.equal('waiting');
    expect((await QueueEntry.findOne({ where: { token: second } }))!.status).to.equal('waiting');
  });

  it('completes with D before signing, then signs the completed visit with its current version', async function () {
    this.timeout(60_000);
    const doc = await newDoctor('Dr Ama Serwaa');
    const token = await checkIn(doc.doctor, 'Yaa Asantewaa');
    const later = await checkIn(doc.doctor, 'Nana Yeboah');
    await signIn(doc.user);
    const console_ = page.locator('mq-doctor-console');
    const record = await startNext(token);
    await record.getByLabel('Diagnosis').fill('Common cold');
    await record.getByRole('status').getByText('Saved', { exact: true }).waitFor({ timeout: 10_000 });

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('d');
    await console_.getByRole('status').getByText(`${token} completed. Its record is not signed yet: sign it off below.`).waitFor();
    // The record knows the visit is over: signing it will not call anyone.
    await record.getByText('This visit is completed. Sign the record to finish it.').waitFor();
    expect(await record.getByRole('button', { name: 'Sign off and call next' }).count()).to.equal(0);

    const signRequest = page.waitForRequest((r) => r.url().endsWith('/sign') && r.method() === 'POST');
    await record.getByRole('button', { name: 'Sign off', exact: true }).click();
    await record.waitFor({ state: 'detached' });
    await console_.getByRole('button', { name: `Signed: ${token}, Yaa Asantewaa — open` }).waitFor();
    const entry = await QueueEntry.findOne({ where: { token } });
    expect(entry!.status).to.equal('completed');
    // The sign-off carried the visit's version after completion, not the one from before.
    expect(JSON.parse((await signRequest).postData()!).expectedVersion).to.equal(entry!.version);
    const stored = await MedicalRecord.findOne({ where: { queueEntryId: entry!.id } });
    expect(stored!.status).to.equal('signed');
    await console_.getByRole('status').getByText(`Record signed for ${token}.`, { exact: true }).waitFor();
    expect((await QueueEntry.findOne({ where: { token: later } }))!.status).to.equal('waiting');
  });

});
