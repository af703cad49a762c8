import { expect } from 'chai';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { DoctorProfile } from '../../server/models';
import { dayFromToday, signedIn, slotAt } from '../support/admin';
import { makeDoctor } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createDepartment } from '../support/factories';
import { Agent } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';
import { CONFIRMATION_LOOKUPS_PER_MINUTE } from '../../server/routes/public-booking/confirmation';

const PERSON = { fullName: 'Priya Private', phone: '+44 7700 900777', dateOfBirth: '1988-03-12' };

/** GET /book/confirmation/<code>: the patient's own printable confirmation after booking online. */
describe('public booking confirmation page', () => {
  let server: TestServer;
  let visitor: Agent;
  let admin: Agent;
  let doctor: DoctorProfile;

  before(async () => {
    await resetDatabase();
    server = await startTestServer();
    visitor = new Agent(server);
    admin = (await signedIn(server, 'admin')).agent;
    const department = await createDepartment({ name: 'Ear, Nose and Throat' });
    doctor = await makeDoctor({ departmentId: department.id });
  });
  after(() => server.close());

  async function bookOnline(time: string): Promise<string> {
    const slot = await slotAt(doctor, dayFromToday(3), time);
    const res = await visitor.post('/api/public/bookings', { slotId: slot.id, ...PERSON });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body.bookingCode as string;
  }

  it('shows time, doctor, department, code and a QR code of the code, but not the patient\'s name', async () => {
    const code = await bookOnline('09:00');
    const page = await visitor.get(`/book/confirmation/${code.toLowerCase()}`);
    expect(page.status).to.equal(200);
    expect(page.headers.get('content-type')).to.contain('text/html');
    expect(page.headers.get('cache-control')).to.equal('no-store');
    expect(page.headers.get('referrer-policy')).to.equal('no-referrer');
    const html = page.body as string;
    expect(html).to.contain(code).and.to.contain('Ear, Nose and Throat').and.to.contain('Test Clinic');
    expect(html).not.to.contain(PERSON.fullName).and.not.to.contain('Patient').and.not.to.contain(PERSON.phone);

    const base64 = /src="data:image\/png;base64,([^"]+)"/.exec(html)![1].replace(/&#x3D;/g, '=');
    const png = PNG.sync.read(Buffer.from(base64, 'base64'));
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).to.equal(code);
  });

  it('answers 404 in words for an unknown code and for a cancelled appointment', async () => {
    const unknown = await visitor.get('/book/confirmation/ZZZZZZ');
    expect(unknown.status).to.equal(404);
    expect(unknown.body).to.contain("We can't find this booking");

    const code = await bookOnline('09:15');
    const found = (await admin.get(`/api/appointments?doctorId=${doctor.id}&status=booked`)).body.appointments.find(
      (a: { bookingCode: string }) => a.bookingCode === code,
    );
    expect((await admin.post(`/api/appointments/${found.id}/cancel`, { reason: 'Patient called' })).status).to.equal(200);
    const cancelled = await visitor.get(`/book/confirmation/${code}`);
    expect(cancelled.status).to.equal(404);
    expect(cancelled.body).not.to.contain(code);
  });

  it('stays available when online booking is switched off later', async () => {
    const code = await bookOnline('09:30');
    const settings = (await admin.get('/api/settings/all')).body;
    const { name, timeZone, openingHours, kioskLanguages, displayLanguages, slotHorizonDays } = settings;
    const off = { name, timeZone, openingHours, kioskLanguages, displayLanguages, slotHorizonDays, publicBooking: false };
    expect((await admin.request('PUT', '/api/settings', off)).status).to.equal(200);
    try {
      expect((await visitor.get('/api/public/departments')).status).to.equal(403);
      expect((await visitor.get(`/book/confirmation/${code}`)).status).to.equal(200);
    } finally {
      await admin.request('PUT', '/api/settings', { ...off, publicBooking: true });
    }
  });

  it('answers 429 with Retry-After once an address has looked up too many codes', async () => {
    // Earlier tests in this file used a few of the minute's look-ups; spend the rest on guesses.
    let last = await visitor.get('/book/confirmation/QQQQQQ');
    for (let i = 0; i < CONFIRMATION_LOOKUPS_PER_MINUTE && last.status !== 429; i++) last = await visitor.get('/book/confirmation/QQQQQQ');
    expect(last.status).to.equal(429);
    expect(Number(last.headers.get('retry-after'))).to.be.greaterThan(0);
    expect(last.body).to.contain('Please wait a minute');
  });
});
