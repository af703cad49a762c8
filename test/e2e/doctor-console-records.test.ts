import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { StaffQueueEntry, TicketView } from '../../common/api';
import type { RecordView } from '../../common/records';
import { MedicalRecord, QueueEntry, Session, type Department, type DoctorProfile, type User } from '../../server/models';
import { makeDoctor, makePatient } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createDepartment, createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';
import { addSessionCookie, agentFor } from '../support/session';
import { sharedBrowser } from '../support/browser';

let keys = 0;

/**
 * The doctor console's record tools in Chromium (issue 6): reordering medicines, past visits, addenda, the printed
 * prescription, and signing in again after the idle timeout without losing the draft. Run `npx vite build` first.
 */
describe('doctor console record tools in Chromium', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
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

  it('reorders medicine rows with Move up and Alt+ArrowDown, and keeps the order after a reload', async function () {
    this.timeout(60_000);
    const doc = await newDoctor('Dr Akosua Frimpong');
    const token = await checkIn(doc.doctor, 'Kwame Nkrumah');
    await signIn(doc.user);
    let record = await startNext(token);
    await record.getByRole('button', { name: 'Add medicine' }).click();
    await record.getByRole('button', { name: 'Add medicine' }).click();
    await record.locator('#row0-medicine').fill('Amoxicillin 500 mg');
    await record.locator('#row1-medicine').fill('Paracetamol 500 mg');
    await record.getByRole('status').getByText('Saved', { exact: true }).waitFor({ timeout: 10_000 });

    await record.getByRole('button', { name: 'Move medicine 2 up' }).click();
    expect(await record.locator('#row0-medicine').inputValue()).to.equal('Paracetamol 500 mg');
    await record.getByRole('status').getByText('Saved', { exact: true }).waitFor({ timeout: 10_000 });
    const entry = await QueueEntry.findOne({ where: { token } });
    const stored = await MedicalRecord.findOne({ where: { queueEntryId: entry!.id } });
    const medicines = async () => (await doc.agent.get<RecordView>(`/api/records/${stored!.id}`)).body.items.map((i) => i.medicine);
    expect(await medicines()).to.deep.equal(['Paracetamol 500 mg', 'Amoxicillin 500 mg']);

    await page.reload();
    record = page.locator('mq-consultation-record');
    await record.locator('#row1-medicine').waitFor();
    expect(await record.locator('#row0-medicine').inputValue()).to.equal('Paracetamol 500 mg');
    expect(await record.locator('#row1-medicine').inputValue()).to.equal('Amoxicillin 500 mg');

    // From the keyboard, in the row's own field; the focus moves with the row.
    await record.locator('#row0-medicine').focus();
    await page.keyboard.press('Alt+ArrowDown');
    expect(await record.locator('#row0-medicine').inputValue()).to.equal('Amoxicillin 500 mg');
    expect(await record.locator('#row1-medicine').evaluate((i) => i.matches(':focus'))).to.equal(true);
    await record.getByRole('status').getByText('Saved', { exact: true }).waitFor({ timeout: 10_000 });
    expect(await medicines()).to.deep.equal(['Amoxicillin 500 mg', 'Paracetamol 500 mg']);
  });

  it("opens a past visit in the patient summary to read its diagnosis and prescription", async function () {
    this.timeout(60_000);
    const doc = await newDoctor('Dr Nana Akufo');
    const patient = await makePatient({ fullName: 'Yaa Konadu' });
    const visit = async () => {
      const res = await desk.post<TicketView>('/api/queue/check-in', {
        departmentId: department.id, doctorId: doc.doctor.id, patientId: patient.id, idempotencyKey: `steps-${process.pid}-${++keys}`,
      });
      expect(res.status).to.equal(201);
      return res.body.token;
    };
    // An earlier visit, recorded and signed through the API.
    await visit();
    const called = await doc.agent.post<StaffQueueEntry>(`/api/queue/doctors/${doc.doctor.id}/call-next`);
    const started = await doc.agent.post<StaffQueueEntry>(`/api/queue/entries/${called.body.id}/start-consultation`, { expectedVersion: called.body.version });
    const draft = await doc.agent.post<RecordView>('/api/records', { queueEntryId: called.body.id });
    const saved = await doc.agent.request<RecordView>('PATCH', `/api/records/${draft.body.id}`, {
      revision: draft.body.revision,
      diagnosis: 'Acute otitis media',
      items: [{ medicine: 'Amoxicillin 250 mg', dose: '500 mg', frequency: 'three times a day', duration: '5 days' }],
    });
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
    const signed = await doc.agent.post(`/api/records/${draft.body.id}/sign`, { revision: saved.body.revision, expectedVersion: started.body.version });
    expect(signed.status, JSON.stringify(signed.body)).to.equal(200);

    const token = await visit();
    await signIn(doc.user);
    const record = await startNext(token);
    const summary = record.locator('mq-patient-summary');
    await summary.getByRole('heading', { name: 'Past visits' }).waitFor();
    const past = summary.locator('details');
    expect(await past.count()).to.equal(1);
    await past.getByText(/Acute otitis media/).first().waitFor();
    expect(await past.getByRole('cell', { name: 'Amoxicillin 250 mg' }).isVisible()).to.equal(false);
    await past.locator('summary').click();
    await past.getByRole('cell', { name: 'Amoxicillin 250 mg' }).waitFor();
    await past.getByRole('cell', { name: 'three times a day' }).waitFor();
  });

  it('after sign-off: read-only, the print link opens the prescription, and a signed addendum is listed', async function () {
    this.timeout(60_000);
    const doc = await newDoctor('Dr Kofi Busia');
    const token = await checkIn(doc.doctor, 'Ekua Prah');
    await signIn(doc.user);
    const record = await startNext(token);
    await record.getByLabel('Diagnosis').fill('Uncomplicated malaria');
    await record.getByRole('button', { name: 'Add medicine' }).click();
    await record.locator('#row0-medicine').fill('Artemether-lumefantrine 20/120 mg');
    await record.locator('#row0-dose').fill('4 tablets');
    await record.getByRole('status').getByText('Saved', { exact: true }).waitFor({ timeout: 10_000 });
    // No printing before the record is signed (the server prints signed records only).
    expect(await record.getByRole('link', { name: 'Print prescription' }).count()).to.equal(0);
    await record.getByRole('button', { name: 'Sign off and call next' }).click();
    // The record closes with the patient (issue 19); the short link under the queue card opens it read-only.
    await page.locator('mq-doctor-console').getByRole('button', { name: `Signed: ${token}, Ekua Prah — open` }).click();
    await record.getByText(/^Signed/).waitFor();
    expect(await record.getByLabel('Diagnosis').getAttribute('readonly')).to.not.equal(null);
    expect(await record.getByRole('button', { name: 'Add medicine' }).count()).to.equal(0);

    const link = record.getByRole('link', { name: 'Print prescription' });
    expect(await link.getAttribute('target')).to.equal('_blank');
    const [printed] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await printed.waitForLoadState();
    const text = await printed.locator('body').innerText();
    expect(text).to.contain('Artemether-lumefantrine 20/120 mg');
    expect(text).to.contain('Ekua Prah');
    expect(text).to.contain(doc.doctor.licenseNumber);

    await record.getByRole('button', { name: 'Add signed addendum' }).click();
    await record.getByText('Write the addendum.').waitFor();
    await record.getByLabel('Addendum').fill('Weight re-checked: 62 kg, dose unchanged.');
    await record.getByRole('button', { name: 'Add signed addendum' }).click();
    const listed = record.getByRole('listitem').filter({ hasText: 'Weight re-checked: 62 kg, dose unchanged.' });
    await listed.getByText(/^Signed by Dr Kofi Busia · /).waitFor();
    expect(await record.getByLabel('Addendum').inputValue()).to.equal('');
    const entry = await QueueEntry.findOne({ where: { token } });
    const stored = await MedicalRecord.findOne({ where: { queueEntryId: entry!.id } });
    const api = await doc.agent.get<RecordView>(`/api/records/${stored!.id}`);
    expect(api.body.addenda.map((a) => [a.text, a.author.fullName])).to.deep.equal([['Weight re-checked: 62 kg, dose unchanged.', 'Dr Kofi Busia']]);
  });

  describe('when the idle time ends the session', () => {
    let idleServer: TestServer;

    before(async () => {
      // A 15-second idle time; the socket's own session check is pushed out of the way, so the autosave meets it.
      idleServer = await startTestServer({ env: { SESSION_LIFETIME_MINUTES: '0.25' }, hub: { pingMs: 600_000 } });
    });
    after(() => idleServer?.close());

    it('asks to sign in again over the panel and saves the draft typed meanwhile', async function () {
      this.timeout(90_000);
      const staff = await createStaff({ role: 'doctor', fullName: 'Dr Idle Boateng' });
      const doctor = await makeDoctor({ userId: staff.user.id, departmentId: department.id });
      const token = await checkIn(doctor, 'Mensah Sarbah');
      await page.goto(`${idleServer.baseUrl}/admin`);
      await page.getByLabel('Email').fill(staff.email);
      await page.getByLabel('Password').fill(staff.password);
      await page.getByLabel('Password').press('Enter');
      await page.getByRole('heading', { name: 'Your queue' }).waitFor();
      const record = await startNext(token);
      await record.getByLabel('Chief complaint').fill('Back pain');
      await record.getByRole('status').getByText('Saved', { exact: true }).waitFor({ timeout: 10_000 });
      // The panel's main area, marked, to tell afterwards that it was never replaced.
      const main = page.locator('mq-admin-app main');
      await main.evaluate((element) => element.setAttribute('data-marked', 'yes'));

      // Idle until the server's session is over.
      const sessionOver = async () => ((await Session.findOne({ where: { userId: staff.user.id } }))?.expiresAt.getTime() ?? 0) < Date.now();
      await expectSoon(sessionOver, 30_000);

      await record.getByLabel('Notes').fill('Review in one week');
      const again = page.getByRole('dialog', { name: 'Sign in again' });
      await again.waitFor({ timeout: 10_000 });
      await record.getByText('Your session has ended, so these changes are not saved yet.', { exact: false }).waitFor();
      // The draft is on screen and kept in the browser.
      expect(await record.getByLabel('Notes').inputValue()).to.equal('Review in one week');
      const stored = await MedicalRecord.findOne({ where: { queueEntryId: (await QueueEntry.findOne({ where: { token } }))!.id } });
      const key = `mq-record-draft:${staff.user.id}:${stored!.id}`;
      const kept = () => page.evaluate<string | null>(`localStorage.getItem(${JSON.stringify(key)})`);
      expect(JSON.parse((await kept())!).texts.notes).to.equal('Review in one week');
      expect(stored!.notes).to.equal(null);

      await again.getByLabel('Email').fill(staff.email);
      await again.getByLabel('Password').fill(staff.password);
      await again.getByLabel('Password').press('Enter');
      await again.waitFor({ state: 'detached' });
      await record.getByRole('status').getByText('Saved', { exact: true }).waitFor({ timeout: 10_000 });
      await stored!.reload();
      expect(stored!).to.include({ notes: 'Review in one week', chiefComplaint: 'Back pain' });
      expect(await kept()).to.equal(null);
      expect(await main.getAttribute('data-marked')).to.equal('yes');
      // The socket reconnected with the new session: the queue is live again (a check-in through this server).
      const idleDesk = await agentFor(idleServer, reception.user);
      const next = await checkIn(doctor, 'Casely Hayford', {}, idleDesk);
      await page.locator('mq-doctor-waiting').getByText(next).waitFor();
    });
  });
});

/** Polls `check` until it is true, failing loudly after `timeoutMs`. */
async function expectSoon(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
