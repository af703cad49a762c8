import { expect } from 'chai';
import type { Browser, BrowserContext, Page, WebSocket } from 'playwright-core';
import type { TicketView } from '../../common/api';
import { User, type Department, type DoctorProfile } from '../../server/models';
import { sharedBrowser } from '../support/browser';
import { makePatient } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { eventually } from '../support/display-page';
import { createStaff } from '../support/factories';
import type { Agent } from '../support/http';
import { awayFromMidnight, openDepartment } from '../support/kiosk';
import { startTestServer, type TestServer } from '../support/server';
import { agentFor, openStaffPanelAs } from '../support/session';

/**
 * One WebSocket per staff page (issue 12): the shell opens it and gives it to the screens through `@lit/context`, so
 * the header's live sign, the doctor console and the desk share it; a screen's channels come and go with the screen.
 * Run `npx vite build` first when running this file alone.
 */
describe('staff panel: one socket per page in Chromium', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let department: Department;
  let doctor: DoctorProfile;
  let desk: Agent;
  let reception: User;
  let sockets: WebSocket[];
  let sent: Array<{ type: string; channel?: string }>;
  let keys = 0;

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
    reception = (await createStaff({ role: 'reception', fullName: 'Rita Desk' })).user;
    desk = await agentFor(server, reception);
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    sockets = [];
    sent = [];
    page.on('websocket', (ws) => {
      sockets.push(ws);
      ws.on('framesent', ({ payload }) => sent.push(JSON.parse(String(payload))));
    });
  });

  afterEach(async () => {
    await context?.close();
  });

  /** Reception checks a new patient in for the doctor; returns the token. */
  async function checkIn(fullName: string): Promise<string> {
    const patient = await makePatient({ fullName });
    const res = await desk.post<TicketView>('/api/queue/check-in', {
      departmentId: department.id,
      doctorId: doctor.id,
      patientId: patient.id,
      idempotencyKey: `one-socket-${process.pid}-${++keys}`,
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body.token;
  }

  const subscribes = (channel: string) => sent.filter((m) => m.type === 'subscribe' && m.channel === channel).length;

  it('the doctor console and the header share one WebSocket, and the queue arrives live on it', async () => {
    await checkIn('Kwame Boateng');
    await openStaffPanelAs(page, server, (await User.findByPk(doctor.userId))!);
    const console_ = page.locator('mq-doctor-console');
    await console_.getByRole('heading', { name: 'Waiting (1)' }).waitFor();
    await page.waitForSelector('mq-admin-app[connection="open"]');

    const token = await checkIn('Esi Owusu');
    await console_.locator('mq-doctor-waiting').getByText(token).waitFor();
    await console_.getByRole('button', { name: 'Call next N' }).click();
    await console_.locator('.current[data-status="called"]').waitFor();

    expect(sockets.length, sockets.map((s) => s.url()).join(', ')).to.equal(1);
    expect(subscribes(`doctor:${doctor.id}`)).to.equal(1);
  });

  it('the desk holds its channel on the page socket while it is open and lets it go when another section opens', async () => {
    await openStaffPanelAs(page, server, reception, 'desk');
    const token = await checkIn('Ama Mensah');
    await page.getByRole('table', { name: "Today's arrivals" }).locator(`tr[data-token="${token}"]`).waitFor();
    expect(subscribes('reception:all')).to.equal(1);

    await page.getByRole('link', { name: /^Patients/ }).click();
    await page.waitForSelector('mq-role-home[section="patients"]');
    await eventually('the desk lets reception:all go', () => sent.some((m) => m.type === 'unsubscribe' && m.channel === 'reception:all'));

    await page.getByRole('link', { name: /^Reception desk/ }).click();
    await page.getByRole('heading', { name: "Today's arrivals (1)" }).waitFor();
    expect(subscribes('reception:all')).to.equal(2);
    expect(sockets.length, sockets.map((s) => s.url()).join(', ')).to.equal(1);
  });
});
