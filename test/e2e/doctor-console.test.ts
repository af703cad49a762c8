import { expect } from 'chai';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { TicketView } from '../../common/api';
import type { RecordView } from '../../common/records';
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
 * The doctor's console in Chromium (issue 6): the whole visit from "Call next" to sign-off, and a draft that survives
 * a reload. Patients are registered and checked in by reception through the REST API, so their visits can have
 * records. Run `npx vite build` first when running this file alone.
 */
describe('doctor console in Chromium', function () {
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

  /** A new doctor of the department, with the password to sign in and an API agent of their own. */
  async function newDoctor(fullName: string) {
    const staff = await createStaff({ role: 'doctor', fullName });
    const doctor = await makeDoctor({ userId: staff.user.id, departmentId: department.id });
    return { ...staff, doctor, agent: await agentFor(server, staff.user) };
  }

  /** Reception checks a registered patient in at the desk for `doctor`; returns the token. */
  async function checkIn(doctor: DoctorProfile, fullName: string, allergies: string | null = null): Promise<string> {
    const patient = await makePatient({ fullName, allergies });
    const res = await desk.post<TicketView>('/api/queue/check-in', {
      departmentId: department.id,
      doctorId: doctor.id,
      patientId: patient.id,
      idempotencyKey: `console-${process.pid}-${++keys}`,
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

  it('calls the next patient, records vitals and two medicines, signs off and sees the next patient called', async function () {
    this.timeout(60_000);
    const doc = await newDoctor('Dr Amina Okafor');
    const first = await checkIn(doc.doctor, 'Kwame Boateng');
    const second = await checkIn(doc.doctor, 'Esi Owusu');
    await signIn(doc.user);

    const console_ = page.locator('mq-doctor-console');
    const waiting = console_.getByRole('heading', { name: 'Waiting (2)' });
    await waiting.waitFor();
    await console_.getByText('Kwame Boateng').waitFor();
    await console_.getByRole('button', { name: /Call next/ }).waitFor();
    expect(await console_.getByRole('button', { name: 'Call next N' }).isEnabled()).to.equal(true);

    // The shortcut, pressed away from any field.
    await page.keyboard.press('n');
    await console_.locator('.current[data-status="called"]').getByText(first).waitFor();
    await console_.getByRole('status').getByText(`${first} called.`).waitFor();
    await console_.getByRole('heading', { name: 'Waiting (1)' }).waitFor();

    // With a patient called, "call next" is not offered (the server would refuse it as doctor_busy).
    expect(await console_.getByRole('button', { name: 'Call next N' }).isDisabled()).to.equal(true);

    await console_.getByRole('button', { name: 'Start consultation C' }).click();
    await console_.locator('.current[data-status="in_consultation"]').waitFor();

    const record = page.locator('mq-consultation-record');
    await record.getByRole('heading', { name: new RegExp(`Consultation record · ${first}`) }).waitFor();
    await record.getByLabel('Systolic blood pressure').fill('150');
    await record.getByLabel('Diastolic blood pressure').fill('85');
    await record.getByLabel('Pulse').fill('72');
    await record.getByLabel('SpO2').fill('97');
    await record.getByLabel('Temperature').fill('36.9');
    await record.getByLabel('Chief complaint').fill('Headache for two days');
    await record.getByLabel('Diagnosis').fill('Tension-type headache');

    await record.getByRole('button', { name: 'Add medicine' }).click();
    await record.getByRole('button', { name: 'Add medicine' }).click();
    const rows = [
      { medicine: 'Paracetamol 500 mg tablets', dose: '1 g', route: 'oral', frequency: 'every 6 hours', duration: '3 days', instructions: 'After food' },
      { medicine: 'Ibuprofen 200 mg tablets', dose: '400 mg', route: 'oral', frequency: 'three times a day', duration: '3 days', instructions: 'With food' },
    ];
    for (const [index, row] of rows.entries()) {
      const group = record.getByRole('group', { name: `Medicine ${index + 1}` });
      for (const [field, value] of Object.entries(row)) await group.locator(`#row${index}-${field}`).fill(value);
    }
    await record.getByRole('status').getByText('Saved', { exact: true }).waitFor({ timeout: 10_000 });
    // The server's flag for the high systolic pressure is shown.
    await record.getByText('Systolic blood pressure 150 mmHg is above 140 mmHg.').waitFor();

    await record.getByRole('button', { name: 'Sign off and call next' }).click();
    await console_.locator('.current[data-status="called"]').getByText(second).waitFor();
    await console_.getByText('Esi Owusu').first().waitFor();

    // The signed record leaves with its patient (a link to it stays), and the API agrees it is signed with both medicines.
    await record.waitFor({ state: 'detached' });
    await console_.getByRole('button', { name: `Signed: ${first}, Kwame Boateng — open` }).waitFor();
    const entry = await QueueEntry.findOne({ where: { token: first } });
    const stored = await MedicalRecord.findOne({ where: { queueEntryId: entry!.id } });
    const saved = await doc.agent.get<RecordView>(`/api/records/${stored!.id}`);
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
    expect(saved.body.status).to.equal('signed');
    expect(saved.body.vitals.bpSystolicMmhg).to.equal(150);
    expect(saved.body.diagnosis).to.equal('Tension-type headache');
    expect(saved.body.items.map((i) => i.medicine)).to.deep.equal(rows.map((r) => r.medicine));

    // The next patient is the one called now.
    const next = await QueueEntry.findOne({ where: { token: second } });
    expect(next!.status).to.equal('called');
  });

  it('asks before prescribing a medicine the patient is allergic to, and saves once confirmed', async function () {
    this.timeout(60_000);
    const doc = await newDoctor('Dr Yaw Asante');
    const token = await checkIn(doc.doctor, 'Akua Mensah', 'Penicillin (rash)');
    await signIn(doc.user);

    const console_ = page.locator('mq-doctor-console');
    await console_.getByRole('button', { name: 'Call next N' }).click();
    await console_.locator('.current[data-status="called"]').getByText(token).waitFor();
    await console_.getByRole('button', { name: 'Start consultation C' }).click();
    const record = page.locator('mq-consultation-record');
    // The patient's recorded allergies are shown at the top of the record.
    await record.locator('.allergies').getByText('Penicillin (rash)').waitFor();
    await record.getByRole('button', { name: 'Add medicine' }).click();
    await record.locator('#row0-medicine').fill('Penicillin V 250 mg');

    const question = record.getByRole('alert').filter({ hasText: "matches the patient's recorded allergy" });
    await question.waitFor({ timeout: 10_000 });
    expect(await record.getByRole('status').textContent()).to.equal('Not saved');
    await record.getByRole('button', { name: 'Prescribe anyway' }).click();
    await record.getByRole('status').getByText('Saved', { exact: true }).waitFor({ timeout: 10_000 });
    await record.getByText('Allergy: Penicillin (rash)').waitFor();
    await question.waitFor({ state: 'detached' });

    const entry = await QueueEntry.findOne({ where: { token } });
    const stored = await MedicalRecord.findOne({ where: { queueEntryId: entry!.id } });
    const saved = await doc.agent.get<RecordView>(`/api/records/${stored!.id}`);
    expect(saved.body.items.map((i) => [i.medicine, i.allergyConfirmed])).to.deep.equal([['Penicillin V 250 mg', true]]);
  });

  it("reads out the server's refusal of a step in plain words", async function () {
    this.timeout(60_000);
    const doc = await newDoctor('Dr Efua Addo');
    const token = await checkIn(doc.doctor, 'Kojo Antwi');
    // The screen's version is made out of date on the way, as if another screen had acted first.
    await page.routeWebSocket(/\/ws$/, (ws) => {
      const upstream = ws.connectToServer();
      ws.onMessage((message) => {
        const parsed = JSON.parse(String(message));
        upstream.send(parsed.type === 'recall' ? JSON.stringify({ ...parsed, expectedVersion: parsed.expectedVersion - 1 }) : message);
      });
    });
    await signIn(doc.user);

    const console_ = page.locator('mq-doctor-console');
    await console_.getByRole('button', { name: 'Call next N' }).click();
    await console_.locator('.current[data-status="called"]').getByText(token).waitFor();
    await page.keyboard.press('r');
    const refusal = console_.locator('.live.refused');
    await refusal.waitFor();
    expect((await refusal.textContent())!.trim()).to.equal("This patient's status changed on another screen. The list has been refreshed.");
    // The refused recall changed nothing.
    expect((await QueueEntry.findOne({ where: { token } }))!.recallCount).to.equal(0);
  });

  it('keeps a draft through a reload', async function () {
    this.timeout(60_000);
    const doc = await newDoctor('Dr Kofi Mensah');
    const token = await checkIn(doc.doctor, 'Abena Darko');
    await signIn(doc.user);

    const console_ = page.locator('mq-doctor-console');
    await console_.getByRole('button', { name: 'Call next N' }).click();
    await console_.locator('.current[data-status="called"]').getByText(token).waitFor();
    await page.keyboard.press('c');
    const record = page.locator('mq-consultation-record');
    await record.getByLabel('Chief complaint').fill('Cough at night');
    await record.getByRole('status').getByText('Saved', { exact: true }).waitFor({ timeout: 10_000 });

    await page.reload();
    await page.getByRole('heading', { name: 'Your queue' }).waitFor();
    await page.locator('mq-consultation-record').getByLabel('Chief complaint').waitFor();
    await expectSoon(async () => (await page.locator('mq-consultation-record').getByLabel('Chief complaint').inputValue()) === 'Cough at night');
  });
});

/** Polls `check` until it is true, failing loudly after `timeoutMs`. */
async function expectSoon(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
