import { expect } from 'chai';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ROOT_DIR } from '../../server/config';
import { Appointment, Patient, TimeSlot } from '../../server/models';
import { dayFromToday, slotAt } from '../support/admin';
import { seriousViolations } from '../support/axe';
import { sharedBrowser } from '../support/browser';
import { makePatient } from '../support/clinic-factories';
import { openStaffPanelAs } from '../support/session';
import { resetDatabase } from '../support/db';
import { lastCode, signedVisit } from '../support/patient';
import { recordsClinic, signedInDoctor, type RecordsClinic, type SignedInDoctor } from '../support/records';
import { startTestServer, type TestServer } from '../support/server';

const SHOTS = path.join(ROOT_DIR, 'test-output');

describe('patient dashboard in Chromium (issue 17): book online, sign in with a code, move the appointment, read the signed visit', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let clinic: RecordsClinic;
  let doctor: SignedInDoctor;

  const expectAccessible = async (step: string) => {
    expect(await seriousViolations(page), `axe on ${step}`).to.deep.equal([]);
  };


  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    browser = await sharedBrowser();
    await resetDatabase();
    clinic = await recordsClinic(server);
    doctor = await signedInDoctor(server, clinic.department);
    for (const time of ['09:00', '09:30']) await slotAt(doctor.doctor, dayFromToday(2), time);
  });
  after(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    // The printable prescription allows no script; axe is evaluated past the pages' policy (test/support/axe.ts).
    context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  it('books with an account, signs in with the code from the log, moves the appointment and reads the signed prescription', async function () {
    this.timeout(90_000);
    await page.goto(`${server.baseUrl}/book`);
    await page.getByLabel('Department').selectOption({ label: 'General Practice' });
    await page.locator('mq-slot-list button', { hasText: '09:00' }).click();
    await page.getByLabel('Full name').fill('Nora Quinn');
    await page.getByLabel('Phone number').fill('07700 900321');
    await page.getByLabel('Date of birth').fill('1975-04-09');
    await page.getByLabel(/Let me see and change my bookings online/).check();
    await page.getByRole('button', { name: 'Book appointment' }).click();
    await page.getByRole('heading', { name: "You're booked" }).waitFor();
    await page.getByRole('link', { name: 'See and change your bookings' }).click();

    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectAccessible('sign-in');
    await page.getByLabel('Phone number or email').fill('+44 7700 900321');
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await page.getByLabel('Code').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'me-sign-in-390x844.png') });
    await page.getByLabel('Code').fill(lastCode(server)!);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    await page.getByRole('heading', { name: 'Upcoming appointments' }).waitFor();
    await page.getByText(/at 09:00/).waitFor();
    await expectAccessible('appointments');
    await page.screenshot({ path: path.join(SHOTS, 'me-appointments-390x844.png'), fullPage: true });

    await page.getByRole('button', { name: 'Change time' }).click();
    await page.locator('mq-slot-list button', { hasText: '09:30' }).click();
    await page.getByText('Your appointment has been moved.').waitFor();
    await page.getByText(/at 09:30/).waitFor();
    const patient = (await Patient.findOne({ where: { fullName: 'Nora Quinn' } }))!;
    const appointment = (await Appointment.findOne({ where: { patientId: patient.id }, include: [{ model: TimeSlot, as: 'slot' }] }))!;
    expect(appointment.status).to.equal('booked');

    // After a visit: the signed record, in words, with its printable prescription; never the doctor's notes.
    const record = await signedVisit(clinic.reception.agent, doctor, patient);
    await page.getByRole('button', { name: 'Past visits' }).click();
    await page.getByText('Acute pharyngitis').waitFor();
    expect(await page.getByText('No exudate').count()).to.equal(0);
    await expectAccessible('visits');
    await page.screenshot({ path: path.join(SHOTS, 'me-visits-390x844.png'), fullPage: true });
    const [printable] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: 'Printable prescription' }).click()]);
    await printable.waitForLoadState();
    expect(await printable.content()).to.include('Paracetamol 500 mg tablets').and.include('Nora Quinn');
    await printable.close();

    await page.getByRole('button', { name: 'My details' }).click();
    await page.getByRole('heading', { name: 'Who opened my record' }).waitFor();
    await page.getByRole('button', { name: 'Tell the clinic: Allergies' }).click();
    await page.getByLabel('Allergies').fill('Latex');
    await page.getByRole('button', { name: 'Tell the clinic', exact: true }).click();
    await page.getByText(/The clinic will check this/).waitFor();
    await page.getByText(doctor.user.fullName, { exact: false }).first().waitFor();
    await expectAccessible('details');
    await page.screenshot({ path: path.join(SHOTS, 'me-details-390x844.png'), fullPage: true });

    // The same browser, changing ids: another patient's visit is not found (REST), a staff channel is refused
    // (socket), a staff route is closed.
    const other = await signedVisit(clinic.reception.agent, doctor, await makePatient({ fullName: 'Otto Other' }));
    const api = page.request;
    expect((await api.get(`${server.baseUrl}/api/me/visits/${record.id}`)).status()).to.equal(200);
    expect((await api.get(`${server.baseUrl}/api/me/visits/${other.id}`)).status()).to.equal(404);
    expect((await api.get(`${server.baseUrl}/api/me/visits/${other.id}/prescription`)).status()).to.equal(404);
    expect((await api.get(`${server.baseUrl}/api/patients/${other.id}`)).status()).to.be.oneOf([401, 403]);
    expect((await api.get(`${server.baseUrl}/api/records/${other.id}`)).status()).to.be.oneOf([401, 403]);
    const refusal = await page.evaluate(async (channel) => {
      const socket = new WebSocket(`${(globalThis as any).location.origin.replace('http', 'ws')}/ws`);
      return new Promise<string>((resolve) => {
        socket.onmessage = (event) => {
          const message = JSON.parse(String(event.data));
          if (message.type === 'hello') socket.send(JSON.stringify({ type: 'subscribe', channel }));
          if (message.type === 'error' || message.type === 'subscribed') resolve(message.type === 'error' ? message.error.id : 'subscribed');
        };
      });
    }, `doctor:${doctor.doctor.id}`);
    expect(refusal).to.be.oneOf(['not_signed_in', 'forbidden']);
  });

  it('reception prints a phone sign-in from the desk; its QR code signs the patient in on their phone once', async function () {
    this.timeout(60_000);
    const patient = await makePatient({ fullName: 'Desk Dora', phone: '+447700900654' });
    await openStaffPanelAs(page, server, clinic.reception.user, 'desk');
    await page.getByLabel('Find a patient').fill('Dora');
    await page.getByRole('button', { name: `Choose Desk Dora (record ${patient.medicalRecordNumber})` }).click();
    const [printed] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Print phone sign-in' }).click()]);
    const qr = printed.getByRole('img', { name: 'Your appointments on your phone' });
    await qr.waitFor();
    await qr.evaluate((img: any) => img.decode());
    await printed.screenshot({ path: path.join(SHOTS, 'me-desk-sign-in-link.png') });
    const image = PNG.sync.read(await qr.screenshot());
    const scanned = new URL(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? '');
    expect(scanned.pathname).to.equal('/me/');

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const tab = await phone.newPage();
      await tab.goto(server.baseUrl + scanned.pathname + scanned.hash);
      await tab.getByRole('heading', { name: 'Upcoming appointments' }).waitFor();
      await tab.getByText('You have no upcoming appointments.').waitFor();
      // The token left the address bar, and a second use of the same paper is refused.
      expect(new URL(tab.url()).hash).to.equal('');
      await phone.clearCookies();
      const again = await phone.newPage();
      await again.goto(server.baseUrl + scanned.pathname + scanned.hash);
      await again.getByText('This sign-in link has been used or has expired', { exact: false }).waitFor();
      await again.getByRole('heading', { name: 'Sign in' }).waitFor();
    } finally {
      await phone.close();
    }
  });
});
