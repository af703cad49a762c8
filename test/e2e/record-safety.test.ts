import { expect } from 'chai';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { TicketView } from '../../common/api';
import type { RecordView } from '../../common/records';
import { MedicalRecord, QueueEntry, type Department, type DoctorProfile } from '../../server/models';
import { makeDoctor, makePatient } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createDepartment, createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium } from '../support/browser';
import { expectNoSeriousA11yViolations } from './axe-check';

let keys = 0;

/**
 * The consultation record under a busy clinic's use (issue 19): a bad value never stops the other fields from
 * saving and is marked where it is; sign-off never fails silently; and the record on screen always belongs to the
 * patient in the queue card, the previous patient's record closing after sign-off. Run `npm run pretest` first.
 */
describe('consultation record safety in Chromium', function () {
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

  async function newDoctor(fullName: string) {
    const staff = await createStaff({ role: 'doctor', fullName });
    const doctor = await makeDoctor({ userId: staff.user.id, departmentId: department.id });
    return { ...staff, doctor, agent: await new Agent(server).signIn(staff.email, staff.password) };
  }

  async function checkIn(doctor: DoctorProfile, fullName: string): Promise<{ token: string; patientId: number }> {
    const patient = await makePatient({ fullName });
    const res = await desk.post<TicketView>('/api/queue/check-in', {
      departmentId: department.id,
      doctorId: doctor.id,
      patientId: patient.id,
      idempotencyKey: `safety-${process.pid}-${++keys}`,
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return { token: res.body.token, patientId: patient.id };
  }

  async function signIn(email: string, password: string): Promise<void> {
    await page.goto(`${server.baseUrl}/admin`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByLabel('Password').press('Enter');
    await page.getByRole('heading', { name: 'Your queue' }).waitFor();
  }

  async function storedRecord(token: string): Promise<MedicalRecord> {
    const entry = await QueueEntry.findOne({ where: { token } });
    const record = await MedicalRecord.findOne({ where: { queueEntryId: entry!.id } });
    expect(record, `a record for ${token}`).to.not.equal(null);
    return record!;
  }

  /**
   * The record on screen, if any, belongs to the patient in the queue card: same token and same patient. Called
   * after every step of the tests below.
   */
  async function expectOnePatient(console_: Locator): Promise<void> {
    const card = console_.locator('.current');
    // The one on screen: a closed dialog's read-only copy of a signed record may linger hidden for a moment.
    const record = console_.locator('mq-consultation-record:visible');
    if (!(await record.count())) return;
    const heading = record.locator('h2').first();
    await heading.waitFor();
    const cardToken = (await card.locator('.token').count()) ? (await card.locator('.token').textContent())!.trim() : null;
    const recordText = (await heading.textContent())!;
    expect(cardToken, `the record "${recordText}" is open while the queue card shows no patient`).to.not.equal(null);
    // "Consultation record · G-005 · Name", or "Consultation record · G-005" while it opens (or for a walk-in not named yet).
    expect(recordText.trim()).to.match(new RegExp(`· ${cardToken}( ·|$)`));
    // No patient is an empty attribute on the card and no attribute on a heading still opening: the same thing.
    const cardPatient = (await card.getAttribute('data-patient-id')) ?? '';
    expect((await heading.getAttribute('data-patient-id')) ?? '').to.equal(cardPatient);
  }

  it('saves complaint and diagnosis despite a bad SpO2, marks SpO2 in place, and sign-off points at it', async function () {
    this.timeout(60_000);
    const doc = await newDoctor('Dr Helena Varga');
    const { token } = await checkIn(doc.doctor, 'Elena Petrova');
    await signIn(doc.email, doc.password);
    const console_ = page.locator('mq-doctor-console');
    await console_.getByRole('button', { name: 'Call next N' }).click();
    await console_.getByRole('button', { name: 'Start consultation C' }).click();
    const record = console_.locator('mq-consultation-record');
    await record.getByLabel('SpO2').fill('300');
    await record.getByLabel('Systolic blood pressure').fill('80');
    await record.getByLabel('Diastolic blood pressure').fill('120');
    await record.getByLabel('Chief complaint').fill('Short of breath on stairs');
    await record.getByLabel('Diagnosis').fill('Exertional dyspnoea');
    await record.getByLabel('Pulse').fill('88');
    await record.getByRole('status').getByText('Saved, except 2 fields marked below').waitFor({ timeout: 10_000 });

    // The valid fields are on the server; the bad ones are not.
    const saved = await storedRecord(token);
    expect(saved.chiefComplaint).to.equal('Short of breath on stairs');
    expect(saved.diagnosis).to.equal('Exertional dyspnoea');
    expect(saved.pulseBpm).to.equal(88);
    expect(saved.spo2Percent).to.equal(null);
    expect(saved.bpDiastolicMmhg).to.equal(null);

    // Each bad field is marked where it is, in words, with its label rather than a request key.
    const spo2 = record.getByLabel('SpO2');
    expect(await spo2.getAttribute('aria-invalid')).to.equal('true');
    await record.getByText('Not saved: SpO2 must be between 50 and 100 % (a whole number).').waitFor();
    await record.getByText('Not saved: Diastolic blood pressure (120) must be lower than systolic blood pressure (80).').waitFor();
    expect(await record.textContent()).to.not.contain('vitals.');
    // Limits come from the server's schema.
    expect(await record.getByLabel('Chief complaint').getAttribute('maxlength')).to.equal('500');
    expect(await record.getByLabel('Notes').getAttribute('maxlength')).to.equal('20000');
    await expectOnePatient(console_);
    await expectNoSeriousA11yViolations(page, 'the doctor console with a record and marked fields');

    // Sign-off stops at the first problem, focuses it, and says so next to the button.
    await record.getByRole('button', { name: 'Sign off and call next' }).click();
    const why = record.locator('#signoff-problem');
    await why.getByText('Not signed: SpO2 must be between 50 and 100 % (a whole number). Correct it first.').waitFor();
    expect(await spo2.evaluate((el) => el === (el.getRootNode() as unknown as { activeElement: unknown }).activeElement)).to.equal(true);
    expect((await storedRecord(token)).status).to.equal('draft');

    // Corrected, the next sign-off points at the diastolic pressure; corrected too, it signs.
    await spo2.fill('97');
    await record.getByRole('button', { name: 'Sign off and call next' }).click();
    await why.getByText(/Diastolic blood pressure \(120\)/).waitFor();
    await record.getByLabel('Diastolic blood pressure').fill('60');
    await record.getByRole('button', { name: 'Sign off and call next' }).click();
    await console_.getByRole('status').getByText(`Record signed for ${token}.`).waitFor({ timeout: 10_000 });
    const signed = await storedRecord(token);
    expect([signed.status, signed.spo2Percent, signed.bpSystolicMmhg, signed.bpDiastolicMmhg]).to.deep.equal(['signed', 97, 80, 60]);
  });

  it('sign-off without a diagnosis focuses Diagnosis and says why next to the button', async function () {
    this.timeout(60_000);
    const doc = await newDoctor('Dr Tomas Novak');
    const { token } = await checkIn(doc.doctor, 'Ivan Horvat');
    await signIn(doc.email, doc.password);
    const console_ = page.locator('mq-doctor-console');
    // The shortcut calls from the list on screen: wait until it has arrived.
    await page.locator('mq-doctor-waiting').getByRole('heading', { name: 'Waiting (1)' }).waitFor();
    await page.keyboard.press('n');
    await console_.locator('.current[data-status="called"]').waitFor();
    await page.keyboard.press('c');
    const record = console_.locator('mq-consultation-record');
    await record.getByLabel('Chief complaint').fill('Sore throat');
    await record.getByRole('button', { name: 'Sign off and call next' }).click();
    await record.locator('#signoff-problem').getByText('Not signed: add a diagnosis first.').waitFor();
    expect(await record.getByLabel('Diagnosis').evaluate((el) => el === (el.getRootNode() as unknown as { activeElement: unknown }).activeElement)).to.equal(true);
    expect((await storedRecord(token)).chiefComplaint).to.equal('Sore throat');
  });

  it("closes the previous patient's record after sign-off and keeps the record on the queue card's patient at every step", async function () {
    this.timeout(90_000);
    const doc = await newDoctor('Dr Anna Kowalska');
    const first = await checkIn(doc.doctor, 'Elena Petrova');
    const second = await checkIn(doc.doctor, 'Marek Zielinski');
    await signIn(doc.email, doc.password);
    const console_ = page.locator('mq-doctor-console');
    await expectOnePatient(console_);

    await console_.getByRole('button', { name: 'Call next N' }).click();
    await console_.locator('.current[data-status="called"]').getByText(first.token).waitFor();
    await expectOnePatient(console_);
    await console_.getByRole('button', { name: 'Start consultation C' }).click();
    const record = console_.locator('mq-consultation-record');
    await record.getByLabel('Diagnosis').waitFor();
    await expectOnePatient(console_);
    await record.getByLabel('Diagnosis').fill('Viral pharyngitis');
    await record.getByRole('status').getByText('Saved', { exact: true }).waitFor({ timeout: 10_000 });
    await expectOnePatient(console_);

    await record.getByRole('button', { name: 'Sign off and call next' }).click();
    await console_.locator('.current[data-status="called"]').getByText(second.token).waitFor();
    // The signed record of the patient who left is closed; a short link to it stays.
    await record.waitFor({ state: 'detached' });
    await expectOnePatient(console_);
    const link = console_.getByRole('button', { name: `Signed: ${first.token}, Elena Petrova — open` });
    await link.waitFor();
    await link.click();
    const dialog = console_.getByRole('dialog', { name: `Signed record · ${first.token}` });
    await dialog.getByText(/^Signed \d/).waitFor();
    expect(await dialog.getByLabel('Diagnosis').inputValue()).to.equal('Viral pharyngitis');
    expect(await dialog.getByLabel('Diagnosis').getAttribute('readonly')).to.not.equal(null);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectOnePatient(console_);

    await console_.getByRole('button', { name: 'Start consultation C' }).click();
    await record.getByRole('heading', { name: new RegExp(`${second.token} · Marek Zielinski`) }).waitFor();
    await expectOnePatient(console_);
    await record.getByLabel('Diagnosis').fill('Tension headache');
    await record.getByRole('status').getByText('Saved', { exact: true }).waitFor({ timeout: 10_000 });

    // Completed with D before signing: the record stays (the queue card says nobody is with the doctor) until signed.
    await console_.getByRole('button', { name: 'Complete D' }).click();
    await console_.locator('.current[data-status="completed"]').getByText(second.token).waitFor();
    await expectOnePatient(console_);
    await record.getByRole('button', { name: 'Sign off', exact: true }).click();
    await record.waitFor({ state: 'detached' });
    await expectOnePatient(console_);
    const api = await doc.agent.get<RecordView>(`/api/records/${(await storedRecord(second.token)).id}`);
    expect(api.body.status).to.equal('signed');
  });

  it('lets the doctor name an anonymous walk-in (with the duplicate check) and document the visit', async function () {
    this.timeout(90_000);
    const doc = await newDoctor('Dr Leila Haddad');
    const existing = await makePatient({ fullName: 'Nadia Karim', dateOfBirth: '1990-04-12' });
    // A walk-in checked in without a name, as from the kiosk.
    const kiosk = await desk.post<TicketView>('/api/queue/check-in', { departmentId: department.id, doctorId: doc.doctor.id, idempotencyKey: `safety-walk-in-${process.pid}` });
    expect(kiosk.status, JSON.stringify(kiosk.body)).to.equal(201);
    await signIn(doc.email, doc.password);
    const console_ = page.locator('mq-doctor-console');
    await console_.getByRole('button', { name: 'Call next N' }).click();
    await console_.locator('.current').getByText('Unregistered walk-in').waitFor();
    await console_.getByRole('button', { name: 'Start consultation C' }).click();
    await expectOnePatient(console_);

    await console_.getByRole('button', { name: 'Find or register the patient' }).click();
    const dialog = console_.getByRole('dialog', { name: `The patient of ${kiosk.body.token}` });
    await dialog.getByRole('button', { name: 'Register a new patient' }).click();
    await dialog.getByLabel('Full name').fill('nadia karim');
    await dialog.getByLabel('Date of birth').fill('1990-04-12');
    await dialog.getByRole('button', { name: 'Register patient' }).click();
    await dialog.getByText('This patient may already be registered').waitFor();
    await dialog.getByRole('button', { name: `Use Nadia Karim (record ${existing.medicalRecordNumber})` }).click();
    await page.getByRole('dialog', { name: `Nadia Karim is ${kiosk.body.token}?` }).getByRole('button', { name: 'Yes, this is the patient' }).click();

    await console_.locator('.current').getByText('Nadia Karim').waitFor();
    const record = console_.locator('mq-consultation-record');
    await record.getByRole('heading', { name: new RegExp(`${kiosk.body.token} · Nadia Karim`) }).waitFor();
    await expectOnePatient(console_);
    await record.getByLabel('Diagnosis').fill('Allergic rhinitis');
    await record.getByRole('status').getByText('Saved', { exact: true }).waitFor({ timeout: 10_000 });
    await record.getByRole('button', { name: 'Sign off and call next' }).click();
    await console_.getByRole('button', { name: `Signed: ${kiosk.body.token}, Nadia Karim — open` }).waitFor();
    const signed = await storedRecord(kiosk.body.token);
    expect([signed.status, signed.patientId, signed.diagnosis]).to.deep.equal(['signed', existing.id, 'Allergic rhinitis']);
  });
});
