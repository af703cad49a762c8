import { expect } from 'chai';
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import type { TicketView } from '../../common/api';
import { Patient, QueueEntry, type Department, type DoctorProfile, type User } from '../../server/models';
import { slotSoon } from '../support/admin';
import { sharedBrowser } from '../support/browser';
import { makeAppointment, makePatient } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { eventually } from '../support/display-page';
import { createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { awayFromMidnight, kioskKey, openDepartment } from '../support/kiosk';
import { startTestServer, type TestServer } from '../support/server';
import { agentFor, openStaffPanelAs } from '../support/session';

/**
 * The reception desk in Chromium (issue 6): registering with the duplicate warning, checking in at the desk with
 * the token and print link, live arrivals, kiosk emergency alerts (once, also across a reconnect), checking in a
 * booked appointment, and naming the patient behind an anonymous walk-in. Run `npx vite build` first when running
 * this file alone.
 */
describe('reception desk in Chromium', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let department: Department;
  let doctor: DoctorProfile;
  let reception: { user: User; email: string; password: string };
  let desk: Agent;

  before(async function () {
    this.timeout(60_000);
    server = await startTestServer();
    browser = await sharedBrowser();
  });

  after(async () => {
    await server?.close();
  });

  beforeEach(async function () {
    this.timeout(30_000);
    await resetDatabase();
    await awayFromMidnight();
    ({ department, doctor } = await openDepartment('General Practice', 'G', { name: 'Dr Ada Grey', room: 'Room 2' }));
    reception = await createStaff({ role: 'reception', fullName: 'Rita Desk' });
    desk = await agentFor(server, reception.user);
    context = await browser.newContext({ viewport: { width: 1400, height: 1100 } });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  const openDesk = () => openStaffPanelAs(page, server, reception.user, 'desk');
  const arrivals = () => page.getByRole('table', { name: "Today's arrivals" });
  const arrivalRow = (token: string) => arrivals().locator(`tr[data-token="${token}"]`);
  const kioskWalkIn = async (extra: Record<string, unknown> = {}) => {
    const res = await new Agent(server).post<TicketView>('/api/kiosk/check-in', { departmentId: department.id, idempotencyKey: kioskKey(), ...extra });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body;
  };

  it('warns about a possible duplicate, uses the existing patient, and checks them in with a token and print link', async () => {
    const existing = await makePatient({ fullName: 'Maria Lopez', dateOfBirth: '1985-03-14', phone: '07700 900111' });
    await openDesk();
    await arrivals().waitFor({ state: 'detached' });
    await page.getByText('Nobody has checked in today yet.').waitFor();

    await page.getByRole('button', { name: 'Register a new patient' }).click();
    await page.getByLabel('Full name').fill('maria  lopez');
    await page.getByLabel('Date of birth').fill('1985-03-14');
    await page.getByRole('button', { name: 'Register patient' }).click();
    await page.getByText('This patient may already be registered').waitFor();
    await page.getByText('Matches: same name and date of birth').waitFor();
    await page.getByRole('button', { name: `Use Maria Lopez (record ${existing.medicalRecordNumber})` }).click();

    await page.getByText(`record ${existing.medicalRecordNumber}`).waitFor();
    await page.getByLabel('Department', { exact: true }).selectOption({ label: 'General Practice (G)' });
    await page.getByLabel('Doctor', { exact: true }).selectOption({ label: 'Dr Ada Grey · Room 2' });
    await page.getByRole('button', { name: 'Check in', exact: true }).click();

    const issued = page.locator('mq-issued-ticket');
    await issued.getByText('G-001').waitFor();
    const entry = (await QueueEntry.findOne({ where: { token: 'G-001' } }))!;
    expect(entry.patientId).to.equal(existing.id);
    expect(entry.doctorId).to.equal(doctor.id);
    expect(await Patient.count()).to.equal(1);
    const print = issued.getByRole('link', { name: 'Print ticket' });
    expect(await print.getAttribute('href')).to.equal(`/t/${entry.publicCode}/print`);
    expect(await print.getAttribute('target')).to.equal('_blank');
    const popup = context.waitForEvent('page');
    await print.click();
    const ticketPage = await popup;
    await ticketPage.waitForLoadState();
    expect(await ticketPage.content()).to.include('G-001');
    await ticketPage.close();

    const row = arrivalRow('G-001');
    await row.getByText('Maria Lopez').waitFor();
    expect(await row.innerText()).to.match(/Dr Ada Grey[\s\S]*Normal[\s\S]*Waiting/);
  });

  it('shows an arrival checked in elsewhere without a reload', async () => {
    await openDesk();
    await page.getByText('Nobody has checked in today yet.').waitFor();
    const patient = await makePatient({ fullName: 'Jonas Berg' });
    const res = await desk.post<TicketView>('/api/queue/check-in', {
      departmentId: department.id,
      patientId: patient.id,
      priority: 'priority',
      idempotencyKey: kioskKey(),
    });
    expect(res.status).to.equal(201);
    const row = arrivalRow(res.body.token);
    await row.getByText('Jonas Berg').waitFor();
    expect(await row.innerText()).to.match(/Any doctor[\s\S]*Priority[\s\S]*Waiting/);
    await page.getByRole('heading', { name: "Today's arrivals (1)" }).waitFor();
  });

  it('shows a kiosk emergency once, also after the socket reconnects, until it is marked as seen', async () => {
    const sockets: WebSocketRoute[] = [];
    const snapshots: number[] = [];
    await page.routeWebSocket(/\/ws$/, (ws) => {
      const index = sockets.push(ws) - 1;
      const upstream = ws.connectToServer();
      upstream.onMessage((message) => {
        if (JSON.parse(String(message)).type === 'reception_alerts') snapshots.push(index);
        ws.send(message);
      });
    });
    await openDesk();
    await eventually('the desk subscribes to reception:all', () => snapshots.length > 0);
    const alerts = page.locator('mq-desk-alerts li');

    const first = await kioskWalkIn({ emergency: true, firstName: 'Omar', phone: '07700 900789' });
    await alerts.filter({ hasText: first.token }).getByText('Omar').waitFor();
    await arrivalRow(first.token).getByText('Emergency').waitFor();

    const reconnect = async () => {
      const before = sockets.length;
      await sockets[before - 1].close({ code: 1012, reason: 'test reconnect' });
      await eventually('a new socket gets the reception snapshot', () => snapshots.includes(before), 10_000);
    };
    await reconnect();
    // A second emergency after the reconnect proves the page took in the snapshot before it.
    const second = await kioskWalkIn({ emergency: true });
    await alerts.filter({ hasText: second.token }).waitFor();
    expect(await alerts.filter({ hasText: first.token }).count()).to.equal(1);
    expect(await alerts.count()).to.equal(2);
    await arrivalRow(second.token).getByText('Emergency').waitFor();
    await page.getByRole('heading', { name: "Today's arrivals (2)" }).waitFor();

    await page.getByRole('button', { name: `Seen: emergency ${first.token}` }).click();
    await alerts.filter({ hasText: first.token }).waitFor({ state: 'detached' });
    await reconnect();
    const third = await kioskWalkIn({ emergency: true });
    await alerts.filter({ hasText: third.token }).waitFor();
    expect(await alerts.filter({ hasText: first.token }).count()).to.equal(0);
    expect(await alerts.count()).to.equal(2);
  });

  it('checks in a booked appointment with one click', async () => {
    const patient = await makePatient({ fullName: 'Ana Silva' });
    const appointment = await makeAppointment(await slotSoon(doctor, 15), { patientId: patient.id });
    await openDesk();
    const list = page.getByRole('table', { name: "Today's appointments" });
    const row = list.locator(`tr[data-code="${appointment.bookingCode}"]`);
    await row.getByText('Booked').waitFor();
    await row.getByRole('button', { name: /^Check in Ana Silva/ }).click();

    await page.locator('mq-issued-ticket').getByText('G-001').waitFor();
    await row.getByText('Checked in').waitFor();
    expect(await row.getByRole('button').count()).to.equal(0);
    await arrivalRow('G-001').getByText('Ana Silva').waitFor();
    expect(await arrivalRow('G-001').innerText()).to.include('Appointment');
  });

  it('adds the patient to an anonymous kiosk walk-in', async () => {
    const patient = await makePatient({ fullName: 'Lena Vogel', dateOfBirth: '1970-07-07' });
    const ticket = await kioskWalkIn({ firstName: 'Lena' });
    await openDesk();
    const row = arrivalRow(ticket.token);
    await row.getByText('walk-in (no name)').waitFor();
    await row.getByText('At the kiosk: Lena').waitFor();

    await row.getByRole('button', { name: `Add patient to ${ticket.token}` }).click();
    const dialog = page.getByRole('dialog', { name: `Add the patient to ${ticket.token}` });
    await dialog.getByLabel('Find a patient').fill('Vogel');
    await dialog.getByRole('button', { name: `Choose Lena Vogel (record ${patient.medicalRecordNumber})` }).click();
    await page.getByRole('dialog', { name: `Add Lena Vogel to ${ticket.token}?` }).getByRole('button', { name: 'Add patient', exact: true }).click();

    await page.getByRole('status').getByText(`Lena Vogel added to ${ticket.token}.`).waitFor();
    await row.getByText('Lena Vogel').waitFor();
    expect(await row.getByRole('button', { name: /Add patient/ }).count()).to.equal(0);
    expect((await QueueEntry.findOne({ where: { token: ticket.token } }))!.patientId).to.equal(patient.id);
    const queue = await desk.get(`/api/queue/doctors/${doctor.id}`);
    expect(queue.body.waiting[0].patient.fullName).to.equal('Lena Vogel');
  });
});
