import { expect } from 'chai';
import { CheckInPoster, KioskProfile, QueueEntry } from '../../server/models';
import { addDays } from '../../server/services/clinic-time';
import { resetDatabase } from '../support/db';
import { createDepartment, createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { awayFromMidnight, openDepartment, today } from '../support/kiosk';
import { startTestServer, type TestServer } from '../support/server';
import { agentFor } from '../support/session';

describe('phone check-in: printed posters and kiosk profiles that turn it off', () => {
  let server: TestServer;
  let admin: Agent;
  let gp: number;
  let derm: number;

  const pageOf = (url: string, lang = 'en') => fetch(`${server.baseUrl}${new URL(url).pathname}?lang=${lang}`);
  const walkIn = async (url: string, departmentId: number) => {
    const path = new URL(url).pathname;
    const html = await (await fetch(`${server.baseUrl}${path}?lang=en`)).text();
    // A refused code's page has no form: any well-formed key then.
    const key = /name="key" value="([^"]+)"/.exec(html.slice(html.indexOf('/walk-in')))?.[1] ?? `refused-${Date.now()}`;
    return fetch(`${server.baseUrl}${path}/walk-in?lang=en`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ departmentId: String(departmentId), key }).toString(),
      redirect: 'manual',
    });
  };

  before(async () => {
    server = await startTestServer({ env: { PUBLIC_BASE_URL: 'https://queue.example-clinic.org' } });
  });
  beforeEach(async () => {
    await resetDatabase();
    await awayFromMidnight();
    server.clock.set(null);
    server.services.kiosk.checkInLimiter.setLimits({ points: 1000, windowSeconds: 60 });
    admin = await agentFor(server, (await createStaff({ role: 'admin' })).user);
    gp = (await openDepartment('General Practice', 'G')).department.id;
    derm = (await openDepartment('Dermatology', 'D')).department.id;
  });
  after(() => server.close());

  it('makes a poster good through a chosen day, prints it with its QR code, and revokes it', async () => {
    const made = await admin.post('/api/check-in-posters', { label: 'Front door', validThrough: addDays(today(), 30) });
    expect(made.status).to.equal(201);
    expect(made.body).to.include({ label: 'Front door', status: 'active', validThrough: addDays(today(), 30), kiosk: null });
    expect(made.body.url).to.match(/^https:\/\/queue\.example-clinic\.org\/c\/p\d+-[A-Za-z0-9_-]{22}$/);

    const print = await fetch(server.baseUrl + made.body.printAddress, { headers: { cookie: admin.cookie } });
    expect(print.status).to.equal(200);
    const html = await print.text();
    expect(html).to.include('<svg').and.include('Check in with your phone').and.include('Regístrese con su móvil').and.include('سجّل وصولك بهاتفك');
    expect(html).to.include(made.body.url).and.include('size: A4');

    // The code works on any day up to the last, whatever the display's rotating code is doing.
    server.clock.shift(20 * 86_400_000);
    const later = await pageOf(made.body.url);
    expect(later.status, await later.text()).to.equal(200);
    server.clock.set(null);
    expect((await walkIn(made.body.url, gp)).status).to.equal(303);

    const revoked = await admin.post(`/api/check-in-posters/${made.body.id}/revoke`);
    expect(revoked.body.status).to.equal('revoked');
    const page = await pageOf(made.body.url);
    expect(page.status).to.equal(410);
    expect(await page.text()).to.include('This check-in code has expired').and.not.include('<form');
    expect((await walkIn(made.body.url, gp)).status).to.equal(410);
    expect((await fetch(server.baseUrl + made.body.printAddress, { headers: { cookie: admin.cookie } })).status, 'no printing a dead code').to.equal(409);
    expect((await admin.get('/api/check-in-posters')).body.posters.map((p: { status: string }) => p.status)).to.deep.equal(['revoked']);
  });

  it('stops a poster at the end of its last day, and refuses a day past or more than a year ahead', async () => {
    const made = await admin.post('/api/check-in-posters', { label: 'Today only', validThrough: today() });
    server.clock.shift(2 * 86_400_000);
    expect((await pageOf(made.body.url)).status).to.equal(410);
    server.clock.set(null);

    const past = await admin.post('/api/check-in-posters', { label: 'Old', validThrough: addDays(today(), -1) });
    expect(past.status).to.equal(422);
    expect(past.body.error.fields[0].path).to.equal('validThrough');
    expect((await admin.post('/api/check-in-posters', { label: 'Far', validThrough: addDays(today(), 400) })).status).to.equal(422);
    expect((await admin.post('/api/check-in-posters', { label: '', validThrough: today() })).status).to.equal(422);
    expect((await admin.post('/api/check-in-posters', { label: 'X', validThrough: '31/12/2030' })).status).to.equal(422);
    expect(await CheckInPoster.count()).to.equal(1);
  });

  it('keeps posters for admins: 401 without a session, 403 for reception', async () => {
    expect((await new Agent(server).get('/api/check-in-posters')).status).to.equal(401);
    const reception = await agentFor(server, (await createStaff({ role: 'reception' })).user);
    expect((await reception.get('/api/check-in-posters')).status).to.equal(403);
    expect((await reception.post('/api/check-in-posters', { label: 'X', validThrough: today() })).status).to.equal(403);
    expect((await new Agent(server).get('/check-in-posters/1/print')).status).to.equal(401);
  });

  it("offers a kiosk profile's departments through its codes, and refuses them once the profile turns phone check-in off", async () => {
    const kiosk = await admin.post('/api/kiosks', { name: 'Skin clinic entrance', departmentIds: [derm] });
    expect(kiosk.body.phoneCheckIn, 'on by default').to.equal(true);
    const display = await admin.post('/api/displays', { name: 'Skin waiting room', checkInKioskId: kiosk.body.id });
    expect(display.body.checkInKioskId).to.equal(kiosk.body.id);
    const setup = await new Agent(server).get(`/api/displays/setup?profile=${display.body.slug}`);
    expect(setup.body.checkInKioskId).to.equal(kiosk.body.id);

    const code = await new Agent(server).get(`/api/check-in-code?kiosk=${kiosk.body.id}`);
    expect(code.body.available).to.equal(true);
    const html = await (await pageOf(code.body.url)).text();
    expect(html).to.include('Dermatology').and.not.include('General Practice');
    expect((await walkIn(code.body.url, gp)).status, 'a department the kiosk does not offer').to.equal(422);
    expect((await walkIn(code.body.url, derm)).status).to.equal(303);
    const poster = await admin.post('/api/check-in-posters', { label: 'Skin poster', kioskProfileId: kiosk.body.id, validThrough: today() });
    expect(poster.body.kiosk).to.deep.equal({ id: kiosk.body.id, name: 'Skin clinic entrance', phoneCheckIn: true });

    expect((await admin.request('PATCH', `/api/kiosks/${kiosk.body.id}`, { phoneCheckIn: false })).body.phoneCheckIn).to.equal(false);
    expect((await new Agent(server).get(`/api/check-in-code?kiosk=${kiosk.body.id}`)).body).to.deep.equal({ available: false });
    for (const url of [code.body.url, poster.body.url]) {
      const off = await pageOf(url);
      expect(off.status).to.equal(403);
      expect(await off.text()).to.include('Phone check-in is not available').and.include('Please check in at the kiosk or the reception desk.');
      expect((await walkIn(code.body.url, derm)).status).to.equal(403);
    }
    expect(await QueueEntry.count(), 'only the check-in made while it was on').to.equal(1);
    // The clinic-wide code is not a kiosk's: it still works.
    expect((await new Agent(server).get('/api/check-in-code')).body.available).to.equal(true);

    // Deleting the kiosk profile takes its posters with it; its displays fall back to the clinic-wide check-in.
    expect((await admin.request('DELETE', `/api/kiosks/${kiosk.body.id}`)).status).to.equal(204);
    expect(await CheckInPoster.count()).to.equal(0);
    expect((await new Agent(server).get(`/api/displays/setup?profile=${display.body.slug}`)).body.checkInKioskId).to.equal(null);
    expect(await KioskProfile.count()).to.equal(0);
    expect((await admin.post('/api/displays', { name: 'Ghost', checkInKioskId: 999 })).status).to.equal(422);
  });

  it('lets a second department created later join a kiosk code only through the profile', async () => {
    const kiosk = await admin.post('/api/kiosks', { name: 'All departments' });
    const late = await createDepartment({ name: 'Late Department', prefix: 'L' });
    const { body } = await new Agent(server).get(`/api/check-in-code?kiosk=${kiosk.body.id}`);
    const html = await (await pageOf(body.url)).text();
    // A profile with no departments ticked offers every open one; a department nobody works in is not open.
    expect(html).to.include('General Practice').and.include('Dermatology').and.not.include(late.name);
    expect((await new Agent(server).get('/api/check-in-code?kiosk=abc')).status).to.equal(422);
  });
});
