import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { StaffQueueEntry, TicketView } from '../../common/api';
import type { RecordView } from '../../common/records';
import { AuditLog, type Department } from '../../server/models';
import { makeDoctor, makePatient } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createDepartment, createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, signInToStaffPanel } from '../support/browser';
import { expectNoSeriousA11yViolations } from './axe-check';
import { cutTextsWithoutTitle } from './cut-text';

/**
 * The visit timeline on the record, a refused record read in the admin's audit log, and a read of another
 * department's visits with a reason given in the panel (issue 19), in Chromium.
 * Run `npm run pretest` first.
 */
describe('visit timeline and audited refusals in Chromium', function () {
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

  it('lists every stage of the visit on the record, with who did it', async function () {
    this.timeout(60_000);
    const staff = await createStaff({ role: 'doctor', fullName: 'Dr Helena Varga' });
    const doctor = await makeDoctor({ userId: staff.user.id, departmentId: department.id });
    const patient = await makePatient({ fullName: 'Elena Petrova' });
    const ticket = await desk.post<TicketView>('/api/queue/check-in', { departmentId: department.id, doctorId: doctor.id, patientId: patient.id, idempotencyKey: `record-history-${process.pid}-1` });
    expect(ticket.status).to.equal(201);
    // Called and called again through the API, as on another screen; the console shows the rest.
    const api = await new Agent(server).signIn(staff.email, staff.password);
    const called = await api.post<StaffQueueEntry>(`/api/queue/doctors/${doctor.id}/call-next`);
    expect((await api.post(`/api/queue/entries/${called.body.id}/recall`, { expectedVersion: called.body.version })).status).to.equal(200);

    await signInToStaffPanel(page, server.baseUrl, staff.email, staff.password);
    const console_ = page.locator('mq-doctor-console');
    await console_.getByRole('button', { name: 'Start consultation C' }).click();
    const timeline = console_.locator('mq-consultation-record').getByRole('list', { name: 'Visit timeline' });
    await timeline.getByText(/Record started/).waitFor();
    const items = await timeline.getByRole('listitem').allTextContents();
    const stages = items.map((t) => t.replace(/\s+/g, ' ').trim());
    expect(stages.map((s) => s.replace(/^\d\d:\d\d /, '').replace(/ \(G-\d+\).*/, ''))).to.deep.equal([
      'Checked in',
      'Called',
      'Called again',
      'Consultation started',
      'Record started',
    ]);
    expect(stages[0]).to.match(/^\d\d:\d\d Checked in \(G-001\) · /);
    expect(stages[1]).to.contain('Dr Helena Varga');

    await console_.locator('mq-consultation-record').getByLabel('Diagnosis').fill('Migraine');
    await console_.locator('mq-consultation-record').getByRole('status').getByText('Saved', { exact: true }).waitFor({ timeout: 10_000 });
    await console_.getByRole('button', { name: 'Sign off and call next' }).click();
    await console_.getByRole('button', { name: /^Signed: G-001, Elena Petrova/ }).click();
    const dialogTimeline = console_.getByRole('dialog').getByRole('list', { name: 'Visit timeline' });
    await dialogTimeline.getByText(/Record signed/).waitFor();
    await dialogTimeline.getByText(/Completed/).waitFor();
  });

  it("shows another department's doctor's refused record read in the admin's audit log", async function () {
    this.timeout(60_000);
    const gpStaff = await createStaff({ role: 'doctor', fullName: 'Dr Omar Haddad' });
    const gp = await makeDoctor({ userId: gpStaff.user.id, departmentId: department.id });
    const gpApi = await new Agent(server).signIn(gpStaff.email, gpStaff.password);
    const patient = await makePatient({ fullName: 'Sven Lindqvist' });
    await desk.post('/api/queue/check-in', { departmentId: department.id, doctorId: gp.id, patientId: patient.id, idempotencyKey: `record-history-${process.pid}-2` });
    const called = await gpApi.post<StaffQueueEntry>(`/api/queue/doctors/${gp.id}/call-next`);
    const record = await gpApi.post<RecordView>('/api/records', { queueEntryId: called.body.id });

    const derm = await createDepartment({ name: 'Dermatology', prefix: 'D' });
    const ramanStaff = await createStaff({ role: 'doctor', fullName: 'Dr Raman Iyer' });
    await makeDoctor({ userId: ramanStaff.user.id, departmentId: derm.id });
    const raman = await new Agent(server).signIn(ramanStaff.email, ramanStaff.password);
    expect((await raman.get(`/api/records/${record.body.id}`)).status).to.equal(403);

    const admin = await createStaff({ role: 'admin' });
    await signInToStaffPanel(page, server.baseUrl, admin.email, admin.password, 'audit');
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByLabel('What was done').selectOption({ label: 'Consultation records' });
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    // The patient's name is filled in after the row appears (names are looked up for the page of results).
    const row = page.getByRole('row').filter({ hasText: 'Was refused a consultation record' }).filter({ hasText: 'Sven Lindqvist' });
    await row.waitFor();
    expect(await row.textContent()).to.contain('Dr Raman Iyer');
  });

  it("asks for a reason, by keyboard, to read another department's visits of a patient who has left, and records it", async function () {
    this.timeout(90_000);
    // An earlier cardiology visit, recorded and signed through the API.
    const cardiology = await createDepartment({ name: 'Cardiology', prefix: 'K' });
    const cardioStaff = await createStaff({ role: 'doctor', fullName: 'Dr Aisha Bello' });
    const cardio = await makeDoctor({ userId: cardioStaff.user.id, departmentId: cardiology.id });
    const cardioApi = await new Agent(server).signIn(cardioStaff.email, cardioStaff.password);
    const patient = await makePatient({ fullName: 'Marta Kowalska' });
    await desk.post('/api/queue/check-in', { departmentId: cardiology.id, doctorId: cardio.id, patientId: patient.id, idempotencyKey: `record-history-${process.pid}-3` });
    const called = await cardioApi.post<StaffQueueEntry>(`/api/queue/doctors/${cardio.id}/call-next`);
    const started = await cardioApi.post<StaffQueueEntry>(`/api/queue/entries/${called.body.id}/start-consultation`, { expectedVersion: called.body.version });
    const draft = await cardioApi.post<RecordView>('/api/records', { queueEntryId: called.body.id });
    const saved = await cardioApi.request<RecordView>('PATCH', `/api/records/${draft.body.id}`, { revision: draft.body.revision, diagnosis: 'Atrial fibrillation' });
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
    const signed = await cardioApi.post(`/api/records/${draft.body.id}/sign`, { revision: saved.body.revision, expectedVersion: started.body.version });
    expect(signed.status, JSON.stringify(signed.body)).to.equal(200);

    // Today she sees a GP, who signs off in the console.
    const gpStaff = await createStaff({ role: 'doctor', fullName: 'Dr Lukas Meyer' });
    const gp = await makeDoctor({ userId: gpStaff.user.id, departmentId: department.id });
    await desk.post('/api/queue/check-in', { departmentId: department.id, doctorId: gp.id, patientId: patient.id, idempotencyKey: `record-history-${process.pid}-4` });
    await signInToStaffPanel(page, server.baseUrl, gpStaff.email, gpStaff.password);
    const console_ = page.locator('mq-doctor-console');
    await console_.getByRole('button', { name: 'Call next N' }).click();
    await console_.getByRole('button', { name: 'Start consultation C' }).click();
    const record = console_.locator('mq-consultation-record');
    // While she is with him, every department's visits are open to him without a reason.
    await record.locator('mq-patient-summary').getByText(/Cardiology · Dr Aisha Bello · Atrial fibrillation/).waitFor();
    await record.getByLabel('Diagnosis').fill('Palpitations, reviewed');
    await record.getByRole('status').getByText('Saved', { exact: true }).waitFor({ timeout: 10_000 });
    await console_.getByRole('button', { name: 'Sign off and call next' }).click();

    // She has left: her signed record opened again lists only his department's visits until he gives a reason.
    await console_.getByRole('button', { name: /^Signed: G-\d+, Marta Kowalska/ }).click();
    const summary = console_.getByRole('dialog').locator('mq-patient-summary');
    await summary.getByText("Only your department's visits are listed").waitFor();
    expect(await summary.getByText(/Atrial fibrillation/).count()).to.equal(0);
    const ask = summary.getByRole('button', { name: "Read other departments' visits…" });
    await ask.focus();
    await page.keyboard.press('Enter');
    const dialog = summary.getByRole('dialog', { name: 'Why do you need to read this?' });
    await dialog.waitFor();
    const reason = dialog.getByLabel('Reason');
    expect(await reason.evaluate((el) => el === (el.getRootNode() as unknown as { activeElement: unknown }).activeElement)).to.equal(true);
    expect(await reason.getAttribute('maxlength')).to.equal('500');
    await expectNoSeriousA11yViolations(page, 'the reason dialog over a signed record');
    expect(await cutTextsWithoutTitle(page)).to.deep.equal([]);
    // Escape closes it without reading anything; the button opens it again.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await ask.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    // Too short: said in words under the field, nothing sent.
    await page.keyboard.type('ECG');
    await page.keyboard.press('Enter');
    await dialog.getByText('Reason: say in a few words why you need to read this (at least 10 characters).').waitFor();
    expect(await reason.getAttribute('aria-invalid')).to.equal('true');
    const why = 'Palpitations today: checking her cardiology findings';
    await reason.fill(why);
    await page.keyboard.press('Enter');
    await summary.getByText(/Cardiology · Dr Aisha Bello · Atrial fibrillation/).waitFor();
    await summary.getByText("Every department's visits, read with your reason (recorded in the audit log).").waitFor();
    await dialog.waitFor({ state: 'hidden' });

    const reads = await AuditLog.findAll({ where: { action: 'record.read', userId: gpStaff.user.id, patientId: patient.id } });
    const withReason = reads.map((r) => r.details as Record<string, unknown> | null).filter((d) => d?.basis === 'reason');
    expect(withReason.map((d) => d!.reason)).to.include(why);
  });
});
