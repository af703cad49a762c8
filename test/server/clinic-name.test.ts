import { expect } from 'chai';
import type { ClinicSettings, ClinicSettingsRequest } from '../../common/admin';
import type { ClinicInfo, TicketView } from '../../common/api';
import { signedIn } from '../support/admin';
import { resetDatabase } from '../support/db';
import { Agent } from '../support/http';
import { awayFromMidnight, kioskKey, openDepartment } from '../support/kiosk';
import { startTestServer, type TestServer } from '../support/server';

const SETTINGS: ClinicSettingsRequest = {
  name: 'Harbour Street Clinic',
  timeZone: 'Europe/London',
  openingHours: { text: null, weekly: [] },
  kioskLanguages: ['en'],
  displayLanguages: ['en'],
  publicBooking: true,
  slotHorizonDays: 28,
};

/** A saved clinic name applies at once wherever the server shows it; a saved time zone waits for a restart. */
describe('clinic name: a saved name applies without a restart', () => {
  let server: TestServer;
  let admin: Agent;

  before(async () => {
    await resetDatabase();
    server = await startTestServer();
    admin = (await signedIn(server, 'admin')).agent;
  });
  after(() => server.close());

  it("names the clinic from the environment until an admin saves, then by the saved name at once", async () => {
    const before = await new Agent(server).get<ClinicInfo>('/api/clinic');
    expect(before.body).to.include({ name: 'Test Clinic', timeZone: 'Europe/London' });

    const saved = await admin.request<ClinicSettings>('PUT', '/api/settings', SETTINGS);
    expect(saved.status).to.equal(200);
    expect(saved.body).to.include({ name: 'Harbour Street Clinic', restartRequired: false });

    const after = await new Agent(server).get<ClinicInfo>('/api/clinic');
    expect(after.body).to.include({ name: 'Harbour Street Clinic', timeZone: 'Europe/London' });
  });

  it('keeps the running zone in /api/clinic after a new zone is saved, and says a restart is needed', async () => {
    const saved = await admin.request<ClinicSettings>('PUT', '/api/settings', { ...SETTINGS, timeZone: 'America/New_York' });
    expect(saved.body).to.include({ timeZone: 'America/New_York', activeTimeZone: 'Europe/London', restartRequired: true });
    const clinic = await new Agent(server).get<ClinicInfo>('/api/clinic');
    expect(clinic.body).to.include({ name: 'Harbour Street Clinic', timeZone: 'Europe/London' });
  });

  it("puts the saved name on the patient's ticket page", async () => {
    await awayFromMidnight();
    const { department } = await openDepartment('Cardiology', 'C', { name: 'Dr Amina Okafor', room: 'Room 3' });
    const res = await new Agent(server).post<TicketView>('/api/kiosk/check-in', { departmentId: department.id, idempotencyKey: kioskKey() });
    expect(res.status).to.equal(201);
    await admin.request('PUT', '/api/settings', { ...SETTINGS, name: 'Harbour Street Family Clinic' });
    const html = await (await fetch(`${server.baseUrl}/t/${res.body.publicCode}`)).text();
    expect(html).to.include('Harbour Street Family Clinic').and.not.include('Test Clinic');
    const missing = await fetch(`${server.baseUrl}/t/unknown-code-0000`);
    expect(missing.status).to.equal(404);
    expect(await missing.text()).to.include('Harbour Street Family Clinic');
  });
});
