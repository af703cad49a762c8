import { expect } from 'chai';
import { loadConfig } from '../../server/config';
import { AuditLog } from '../../server/models';
import { applySavedSettings } from '../../server/services/settings';
import { signedIn } from '../support/admin';
import { resetDatabase } from '../support/db';
import { Agent } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

const SAVED = {
  name: 'Riverside Family Clinic',
  timeZone: 'America/New_York',
  openingHours: {
    text: 'Mon-Fri 8:00-18:00, Sat 9:00-12:00',
    weekly: [
      { weekday: 1, opens: '08:00', closes: '18:00' },
      { weekday: 6, opens: '09:00', closes: '12:00' },
    ],
  },
  kioskLanguages: ['en', 'ar', 'pt-BR'],
  displayLanguages: ['en', 'ar'],
  publicBooking: false,
  slotHorizonDays: 42,
};

describe('clinic settings', () => {
  let server: TestServer;
  let admin: Agent;

  before(async () => {
    await resetDatabase();
    server = await startTestServer();
    admin = (await signedIn(server, 'admin')).agent;
  });
  after(() => server.close());

  it("starts from the environment's values until an admin saves", async () => {
    const pub = await new Agent(server).get('/api/settings');
    expect(pub.status).to.equal(200);
    expect(pub.body).to.deep.equal({
      name: 'Test Clinic',
      timeZone: 'Europe/London',
      openingHours: { text: null, weekly: [] },
      kioskLanguages: ['en'],
      displayLanguages: ['en'],
      publicBooking: true,
    });
    const all = await admin.get('/api/settings/all');
    expect(all.body).to.deep.include({ slotHorizonDays: 28, activeTimeZone: 'Europe/London', restartRequired: false, savedAt: null });
  });

  it('saves the whole object (admin), shows the public subset to anyone, and says a new zone needs a restart', async () => {
    const res = await admin.request('PUT', '/api/settings', SAVED);
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.include({ ...SAVED, activeTimeZone: 'Europe/London', restartRequired: true });
    expect(res.body.savedAt).to.be.a('string');

    const pub = await new Agent(server).get('/api/settings');
    const { slotHorizonDays, ...publicPart } = SAVED;
    expect(pub.body).to.deep.equal(publicPart);
    expect(slotHorizonDays).to.equal(42);
    const entry = await AuditLog.findOne({ where: { action: 'settings.update' } });
    expect(entry!.details!.changed).to.include.members(['name', 'timeZone', 'publicBooking', 'slotHorizonDays']);
  });

  it('applies the saved name and zone at the next start', async () => {
    const config = loadConfig({ NODE_ENV: 'test', CLINIC_TIMEZONE: 'Europe/London', CLINIC_NAME: 'Env Name' }, { dotenv: false });
    const started = await applySavedSettings(config);
    expect(started.clinicName).to.equal('Riverside Family Clinic');
    expect(started.clinicTimeZone).to.equal('America/New_York');
    expect(Object.isFrozen(started)).to.equal(true);
  });

  it('answers 422 naming each bad field', async () => {
    const res = await admin.request('PUT', '/api/settings', {
      ...SAVED,
      name: '',
      timeZone: 'Mars/Olympus',
      kioskLanguages: [],
      displayLanguages: ['EN'],
      openingHours: { text: null, weekly: [{ weekday: 8, opens: '10:00', closes: '09:00' }] },
      publicBooking: 'yes',
      slotHorizonDays: 0,
    });
    expect(res.status).to.equal(422);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).to.have.members([
      'name',
      'timeZone',
      'kioskLanguages',
      'displayLanguages.0',
      'openingHours.weekly.0.weekday',
      'openingHours.weekly.0.closes',
      'publicBooking',
      'slotHorizonDays',
    ]);
  });
});
