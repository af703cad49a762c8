import { expect } from 'chai';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ROOT_DIR } from '../../server/config';
import { AuditLog, Patient, PatientAccountLink, PatientReport, type User } from '../../server/models';
import { signedIn } from '../support/admin';
import { seriousViolations } from '../support/axe';
import { sharedBrowser } from '../support/browser';
import { makeDoctor, makePatient } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import type { Agent } from '../support/http';
import { lastCode, signInPatient } from '../support/patient';
import { startTestServer, type TestServer } from '../support/server';
import { addSessionCookie, agentFor } from '../support/session';
import { createDepartment, createStaff } from '../support/factories';

const SHOTS = path.join(ROOT_DIR, 'test-output');

describe('the desk checks what a patient reported and links a guardian, in Chromium (issue 17)', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let reception: User;
  let kit: Patient;
  let gina: Patient;
  let patient: Agent;

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    browser = await sharedBrowser();
    await resetDatabase();
    reception = (await signedIn(server, 'reception')).user;
    kit = await makePatient({ fullName: 'Kit Guardian', dateOfBirth: '2012-07-08', phone: '+447700900851', allergies: 'Penicillin', insuranceProvider: 'Acme Health', insuranceNumber: 'AH-1' });
    gina = await makePatient({ fullName: 'Gina Guardian', dateOfBirth: '1985-02-03', phone: '+447700900852' });
    await server.services.patientPortal.register(kit.id);
    patient = await signInPatient(server, '+447700900851');
    expect((await patient.post('/api/me/profile/reports', { allergies: 'Penicillin; latex (rash)' })).status).to.equal(201);
    expect((await patient.post('/api/me/profile/reports', { insuranceProvider: 'Beta Care', insuranceNumber: 'BC-2207' })).status).to.equal(201);
  });
  after(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  it('reception confirms the reported allergy (seeing the record\'s value beside it), dismisses the insurance, and links a guardian', async function () {
    this.timeout(60_000);
    await addSessionCookie(context, server, reception);
    await page.goto(`${server.baseUrl}/admin#/patients/${kit.id}`);
    const allergies = page.getByRole('article', { name: 'Allergies reported by the patient' });
    await allergies.waitFor();
    expect(await allergies.locator('dd').allInnerTexts()).to.deep.equal(['Penicillin', 'Penicillin; latex (rash)']);
    await page.getByRole('heading', { name: 'Reported by the patient' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'desk-patient-reports.png') });

    await allergies.getByRole('button', { name: 'Confirm: put it on the record' }).click();
    await page.getByRole('status').filter({ hasText: 'Allergies updated on the record.' }).waitFor();
    // The page's form reads the record again: it shows the confirmed value.
    const field = await page.locator('mq-patient-form #allergies').elementHandle();
    await page.waitForFunction((el) => (el as unknown as { value: string }).value === 'Penicillin; latex (rash)', field);
    expect((await Patient.findByPk(kit.id))!.allergies).to.equal('Penicillin; latex (rash)');

    const insurance = page.getByRole('article', { name: 'Insurance reported by the patient' });
    // Dismissing asks first ("Keep it waiting" keeps it), since it cannot be taken back.
    await insurance.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('dialog', { name: "Dismiss the patient's insurance?" }).getByRole('button', { name: 'Keep it waiting' }).click();
    expect(await insurance.getByRole('button', { name: 'Dismiss' }).isVisible()).to.equal(true);
    await insurance.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('dialog', { name: "Dismiss the patient's insurance?" }).getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('status').filter({ hasText: 'Dismissed; the record is unchanged.' }).waitFor();
    expect((await Patient.findByPk(kit.id))!.insuranceNumber).to.equal('AH-1');
    expect((await PatientReport.findAll({ where: { patientId: kit.id }, order: [['id', 'ASC']] })).map((r) => r.status)).to.deep.equal(['confirmed', 'dismissed']);

    // Family: search Gina, choose her, confirm the link in the dialog.
    await page.getByRole('button', { name: 'Link a parent or guardian' }).click();
    await page.getByLabel('Find a patient').fill('Gina');
    await page.getByRole('button', { name: `Choose Gina Guardian (record ${gina.medicalRecordNumber})` }).click();
    await page.getByRole('dialog', { name: 'Link Gina Guardian to Kit Guardian?' }).getByRole('button', { name: 'Link them' }).click();
    const managedBy = page.getByRole('list', { name: "Who manages Kit's appointments" });
    await managedBy.getByText('Gina Guardian').waitFor();
    expect(await PatientAccountLink.count({ where: { patientId: kit.id } })).to.equal(1);
    await page.getByRole('heading', { name: 'Family' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'desk-patient-family.png') });
    expect(await seriousViolations(page), 'axe on the patient page').to.deep.equal([]);

    // Removing it asks first; "Keep it" keeps it, "Remove link" removes it.
    await managedBy.getByRole('button', { name: 'Remove link with Gina Guardian' }).click();
    await page.getByRole('dialog', { name: 'Remove this family link?' }).getByRole('button', { name: 'Keep it' }).click();
    expect(await PatientAccountLink.count({ where: { patientId: kit.id } })).to.equal(1);
    await managedBy.getByRole('button', { name: 'Remove link with Gina Guardian' }).click();
    await page.getByRole('dialog', { name: 'Remove this family link?' }).getByRole('button', { name: 'Remove link' }).click();
    await page.getByRole('status').filter({ hasText: 'Gina Guardian no longer manages' }).waitFor();
    expect(await PatientAccountLink.count({ where: { patientId: kit.id } })).to.equal(0);

    // The phone sign-in, printed in the language chosen beside the button; its QR code opens /me in that language.
    await page.getByLabel('Language of the printed sign-in').selectOption('es');
    await page.getByRole('heading', { name: 'Phone sign-in' }).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: path.join(SHOTS, 'desk-patient-sign-in-language.png') });
    const [printed] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Print phone sign-in' }).click()]);
    await printed.getByRole('heading', { name: 'Sus citas en su móvil' }).waitFor();
    expect(await printed.locator('html').getAttribute('lang')).to.equal('es');
    expect(await AuditLog.count({ where: { action: ['patient.report_confirmed', 'patient.report_dismissed', 'patient.family_link', 'patient.family_unlink'], userId: reception.id } })).to.equal(4);
  });

  it('the desk\'s check-in leads to the patient\'s page', async function () {
    this.timeout(30_000);
    await addSessionCookie(context, server, reception);
    await page.goto(`${server.baseUrl}/admin#/desk`);
    await page.getByLabel('Find a patient').fill('Kit Guardian');
    await page.getByRole('button', { name: `Choose Kit Guardian (record ${kit.medicalRecordNumber})` }).click();
    const link = page.getByRole('link', { name: "Patient's page: what they reported, family" });
    await link.waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'desk-check-in-patient.png') });
    await link.click();
    await page.getByRole('heading', { name: 'Reported by the patient' }).waitFor();
    await page.getByRole('heading', { name: 'Family' }).waitFor();
  });

  it('the patient\'s phone shows what became of each report', async function () {
    this.timeout(30_000);
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const token = /mq_patient=([^;]+)/.exec(patient.cookie)![1];
      await phone.addCookies([{ name: 'mq_patient', value: token, url: server.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
      const me = await phone.newPage();
      await me.goto(`${server.baseUrl}/me/?lang=en`);
      await me.getByRole('button', { name: 'My details' }).click();
      await me.getByText('The clinic confirmed this and put it on your record').waitFor();
      await me.getByText('The clinic did not accept this change.').waitFor();
      await me.screenshot({ path: path.join(SHOTS, 'me-profile-report-status.png') });

      // The patient adds an email address: a code goes to it (the log here: this server has no SMTP_URL).
      await me.getByRole('button', { name: 'Add or change my email' }).click();
      await me.getByLabel('Email').fill('kit@example.org');
      await me.getByRole('button', { name: 'Send me a code' }).click();
      await me.getByText('We sent a 6-digit code to kit@example.org.').waitFor();
      await me.getByLabel('Code').fill(lastCode(server)!);
      await me.getByRole('button', { name: 'Save my email' }).click();
      await me.getByText('Your email address is saved. You can sign in with it.').waitFor();
      expect(await me.locator('dd', { hasText: 'kit@example.org' }).count()).to.equal(1);
      await me.getByRole('heading', { name: 'My details' }).evaluate((el) => el.scrollIntoView());
      await me.screenshot({ path: path.join(SHOTS, 'me-profile-email.png') });
    } finally {
      await phone.close();
    }
  });

  it('the doctor sees a pending report in the consultation, read-only', async function () {
    this.timeout(60_000);
    expect((await patient.post('/api/me/profile/reports', { allergies: 'Penicillin; latex (rash); ibuprofen' })).status).to.equal(201);
    const staff = await createStaff({ role: 'doctor', fullName: 'Dr Lena Ortiz' });
    const doctor = await makeDoctor({ userId: staff.user.id, departmentId: (await createDepartment({ name: 'Paediatrics', prefix: 'P' })).id });
    const desk = await agentFor(server, reception);
    const ticket = await desk.post('/api/queue/check-in', { departmentId: doctor.departmentId, doctorId: doctor.id, patientId: kit.id, idempotencyKey: 'desk-staff-doctor-1' });
    expect(ticket.status, JSON.stringify(ticket.body)).to.equal(201);
    await addSessionCookie(context, server, staff.user);
    await page.goto(`${server.baseUrl}/admin`);
    const console_ = page.locator('mq-doctor-console');
    await console_.getByRole('button', { name: 'Call next N' }).click();
    await console_.getByRole('button', { name: 'Start consultation C' }).click();
    const reported = page.getByRole('article', { name: 'Allergies reported by the patient' });
    await reported.getByText('Penicillin; latex (rash); ibuprofen').waitFor();
    await reported.getByText('Reception confirms it with the patient before it goes on the record.').waitFor();
    expect(await reported.getByRole('button').count()).to.equal(0);
    await reported.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: path.join(SHOTS, 'doctor-patient-reported.png') });
  });

  it('keeps what the desk was typing when a confirmed report changes the record, and says where both changed', async function () {
    this.timeout(60_000);
    const sam = await makePatient({ fullName: 'Sam Typist', dateOfBirth: '1990-04-05', phone: '+447700900853', allergies: 'None known', insuranceProvider: 'Acme Health' });
    await server.services.patientPortal.register(sam.id);
    const samPhone = await signInPatient(server, '+447700900853');
    expect((await samPhone.post('/api/me/profile/reports', { allergies: 'Pollen' })).status).to.equal(201);
    await addSessionCookie(context, server, reception);
    await page.goto(`${server.baseUrl}/admin#/patients/${sam.id}`);
    const report = page.getByRole('article', { name: 'Allergies reported by the patient' });
    await report.waitFor();
    // Unsaved edits: the insurance provider (the report does not touch it) and the allergies (it does).
    await page.locator('mq-patient-form #insuranceProvider').fill('Northwind Health');
    await page.locator('mq-patient-form #allergies').fill('Peanuts');
    await report.getByRole('button', { name: 'Confirm: put it on the record' }).click();
    await page.getByRole('status').filter({ hasText: 'Allergies updated on the record.' }).waitFor();
    const warning = page.locator('mq-patient-form').getByRole('alert');
    await warning.filter({ hasText: 'While you were editing, the record changed: allergies now “Pollen”.' }).waitFor();
    expect(await page.locator('mq-patient-form #insuranceProvider').inputValue()).to.equal('Northwind Health');
    expect(await page.locator('mq-patient-form #allergies').inputValue()).to.equal('Peanuts');
    expect((await Patient.findByPk(sam.id))!.allergies).to.equal('Pollen');
    await page.screenshot({ path: path.join(SHOTS, 'desk-patient-edit-kept.png') });

    // Saving sends the desk's two edits; the warning goes with the saved record.
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved Sam Typist.' }).waitFor();
    const saved = (await Patient.findByPk(sam.id))!;
    expect([saved.allergies, saved.insuranceProvider]).to.deep.equal(['Peanuts', 'Northwind Health']);
    expect(await warning.count()).to.equal(0);
  });
});
