import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { StaffQueueEntry, TicketView } from '../../common/api';
import type { RecordView } from '../../common/records';
import { MedicalRecord, QueueEntry, Session, type Department, type DoctorProfile } from '../../server/models';
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
  /** A second browser, for a test that watches another doctor's console. */
  let otherContext: BrowserContext | undefined;
  let page: Page;
  let department: Department;
  let desk: Agent;
  let reception: { email: string; password: string };

  before(async function () {
    this.timeout(60_000);
    await resetDatabase();
    server = await startTestServer();
    department = await createDepartment({ name: 'General Practice', prefix: 'G' });
    reception = await createStaff({ role: 'reception' });
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
    await otherContext?.close();
    otherContext = undefined;
  });

  /** A new doctor of `dept` (the test department by default), with an API agent of their own. */
  async function newDoctor(fullName: string, dept = department) {
    const staff = await createStaff({ role: 'doctor', fullName });
    const doctor = await makeDoctor({ userId: staff.user.id, departmentId: dept.id });
    return { ...staff, doctor, agent: await new Agent(server).signIn(staff.email, staff.password) };
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

    await signIn(doc.email, doc.password);
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
    await signIn(doc.email, doc.password);
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
    await signIn(doc.email, doc.password);
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

  it('reorders medicine rows with Move up and Alt+ArrowDown, and keeps the order after a reload', async function () {
    this.timeout(60_000);
    const doc = await newDoctor('Dr Akosua Frimpong');
    const token = await checkIn(doc.doctor, 'Kwame Nkrumah');
    await signIn(doc.email, doc.password);
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
    await signIn(doc.email, doc.password);
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
    await signIn(doc.email, doc.password);
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

  it('completes with D before signing, then signs the completed visit with its current version', async function () {
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
      const idleDesk = await new Agent(idleServer).signIn(reception.email, reception.password);
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
