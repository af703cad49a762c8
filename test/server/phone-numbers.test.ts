import { expect } from 'chai';
import type { KioskAppointment } from '../../common/kiosk';
import { createMigrator } from '../../server/db/migrator';
import { Patient } from '../../server/models';
import { localToUtc } from '../../server/services/clinic-time';
import { clinicCountry, comparablePhoneDigits, storedPhone, toE164 } from '../../server/services/phone';
import { dayFromToday, signedIn, slotAt } from '../support/admin';
import { makeAppointment, makeDoctor, makePatient, makeSlot } from '../support/clinic-factories';
import { resetDatabase, testDatabase } from '../support/db';
import { createDepartment } from '../support/factories';
import { Agent } from '../support/http';
import { kioskKey, openDepartment, SERVER_ZONE } from '../support/kiosk';
import { startTestServer, type TestServer } from '../support/server';

const MIGRATION = '20261202-0600-phone-e164.ts';

describe('phone numbers', () => {
  describe('normalising (services/phone.ts)', () => {
    it('reads every usual spelling of one UK number as the same E.164 number', () => {
      for (const typed of ['07700900101', '07700 900101', '+44 7700 900101', '0044 7700 900101', '447700900101', '(07700) 900-101']) {
        expect(toE164(typed, 'GB'), typed).to.equal('+447700900101');
      }
    });

    it('reads a national number with the clinic country, and refuses what is not a number', () => {
      expect(toE164('612 34 56 78', 'ES')).to.equal('+34612345678');
      expect(toE164('050 123 4567', 'AE')).to.equal('+971501234567');
      expect(toE164('12345', 'GB')).to.equal(null);
      expect(toE164('call me', 'GB')).to.equal(null);
      expect(toE164('07700 900101', null), 'no country known: only numbers with their country code').to.equal(null);
      expect(storedPhone('  ext 12  ', 'GB'), 'kept as typed when not a number').to.equal('ext 12');
      expect(comparablePhoneDigits('+44 7700 900101', null)).to.equal(comparablePhoneDigits('07700-900101', 'GB'));
    });

    it('takes the country from CLINIC_COUNTRY, else from the time zone', () => {
      expect(clinicCountry({ timeZone: 'Europe/London' })).to.equal('GB');
      expect(clinicCountry({ timeZone: 'Europe/Madrid' })).to.equal('ES');
      expect(clinicCountry({ timeZone: 'Asia/Dubai' })).to.equal('AE');
      expect(clinicCountry({ timeZone: 'UTC' })).to.equal(null);
      expect(clinicCountry({ country: 'ie', timeZone: 'Europe/London' })).to.equal('IE');
      expect(clinicCountry({ country: 'XX', timeZone: 'Europe/London' }), 'an unknown code falls back to the zone').to.equal('GB');
    });
  });

  describe('over the API (clinic in Europe/London, so GB)', () => {
    let server: TestServer;
    before(async () => {
      await resetDatabase();
      server = await startTestServer();
    });
    beforeEach(async () => {
      await resetDatabase();
      server.services.kiosk.checkInLimiter.setLimits({ points: 1000, windowSeconds: 60 });
    });
    after(() => server.close());

    it('finds a booking at the kiosk by the local form of a number registered in international form', async () => {
      const now = localToUtc('2030-01-09', '10:00', SERVER_ZONE);
      server.clock.set(now);
      const { doctor } = await openDepartment('Cardiology', 'C');
      const patient = await makePatient({ dateOfBirth: '1980-05-17', phone: '+44 7700 900101' });
      const appointment = await makeAppointment(await makeSlot(doctor.id, { startsAt: localToUtc('2030-01-09', '10:30', SERVER_ZONE) }), {
        patientId: patient.id,
      });
      for (const phone of ['07700900101', '07700 900101', '447700900101', '+44 7700 900101']) {
        const found = await new Agent(server).post<KioskAppointment>('/api/kiosk/appointments/find', { phone, dateOfBirth: '1980-05-17' });
        expect(found.status, `${phone}: ${JSON.stringify(found.body)}`).to.equal(200);
        expect(found.body.bookingCode).to.equal(appointment.bookingCode);
      }
      const wrong = await new Agent(server).post('/api/kiosk/appointments/find', { phone: '07700 900102', dateOfBirth: '1980-05-17' });
      expect(wrong.status).to.equal(404);
      server.clock.set(null);
    });

    it('checks in an appointment by the local form of the number', async () => {
      const { doctor } = await openDepartment('Cardiology', 'C');
      const patient = await makePatient({ dateOfBirth: '1980-05-17', phone: '+447700900101' });
      await makeAppointment(await makeSlot(doctor.id, { startsAt: new Date(Date.now() + 10 * 60_000) }), { patientId: patient.id });
      const res = await new Agent(server).post('/api/queue/check-in/appointment', {
        phone: '07700 900101',
        dateOfBirth: '1980-05-17',
        idempotencyKey: kioskKey(),
      });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
    });

    it('registers patients with the number in E.164 and warns of a duplicate typed another way', async () => {
      const { agent } = await signedIn(server, 'reception');
      const first = await agent.post('/api/patients', { fullName: 'Ada Lane', dateOfBirth: '1970-01-01', phone: '07700 900101' });
      expect(first.status, JSON.stringify(first.body)).to.equal(201);
      expect(first.body.patient.phone).to.equal('+447700900101');
      const second = await agent.post('/api/patients', { fullName: 'Bo Lane', dateOfBirth: '1999-09-09', phone: '+44 (0)7700-900101' });
      expect(second.status).to.equal(409);
      expect(second.body.error.id).to.equal('possible_duplicate');
      expect(second.body.duplicates[0].reasons).to.deep.equal(['phone']);
      const edited = await agent.request('PATCH', `/api/patients/${first.body.patient.id}`, { phone: '0044 20 7946 0000' });
      expect(edited.body.patient.phone).to.equal('+442079460000');
      const search = await agent.get('/api/patients?q=020%207946');
      expect(search.body.patients.map((p: { fullName: string }) => p.fullName)).to.deep.equal(['Ada Lane']);
    });

    it("reads numbers with the clinic's country from the settings, which an admin changes while the server runs", async () => {
      const { agent: admin } = await signedIn(server, 'admin');
      const before = await admin.get('/api/settings/all');
      expect(before.body).to.deep.include({ country: null, phoneCountry: 'GB' });
      const { doctor } = await openDepartment('Cardiology', 'C');
      // An Irish mobile typed the Irish way, on a record written in international form.
      const patient = await makePatient({ dateOfBirth: '1980-05-17', phone: '+353 85 123 4567' });
      await makeAppointment(await makeSlot(doctor.id, { startsAt: new Date(Date.now() + 10 * 60_000) }), { patientId: patient.id });
      const find = () => new Agent(server).post('/api/kiosk/appointments/find', { phone: '085 123 4567', dateOfBirth: '1980-05-17' });
      expect((await find()).status, 'read as a UK number').to.equal(404);

      const saved = await admin.request('PUT', '/api/settings', { ...before.body, country: 'ie' });
      expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
      expect(saved.body).to.deep.include({ country: 'IE', phoneCountry: 'IE' });
      expect((await find()).status, 'read as an Irish number, without a restart').to.equal(200);
      const registered = await admin.post('/api/patients', { fullName: 'Aoife Byrne', dateOfBirth: '1990-03-03', phone: '087 765 4321' });
      expect(registered.body.patient.phone).to.equal('+353877654321');

      const bad = await admin.request('PUT', '/api/settings', { ...before.body, country: 'XX' });
      expect(bad.status).to.equal(422);
      expect(bad.body.error.fields[0].path).to.equal('country');
      // Empty: back to the time zone's country; a client that sends no country leaves it as it is.
      expect((await admin.request('PUT', '/api/settings', { ...before.body, country: '' })).body).to.deep.include({ country: null, phoneCountry: 'GB' });
      const { country: _c, phoneCountry: _p, ...withoutCountry } = before.body;
      await admin.request('PUT', '/api/settings', { ...withoutCountry, country: 'ES' });
      expect((await admin.request('PUT', '/api/settings', withoutCountry)).body.country).to.equal('ES');
    });

    it('books online as the same patient whichever way the number is typed', async () => {
      const department = await createDepartment({ name: 'General Practice' });
      const doctor = await makeDoctor({ departmentId: department.id });
      const person = { fullName: 'Paula Public', dateOfBirth: '1975-09-30' };
      const visitor = new Agent(server);
      const a = await visitor.post('/api/public/bookings', { slotId: (await slotAt(doctor, dayFromToday(2), '09:00')).id, ...person, phone: '+44 7700 900101' });
      const b = await visitor.post('/api/public/bookings', { slotId: (await slotAt(doctor, dayFromToday(2), '09:15')).id, ...person, phone: '07700 900101' });
      expect([a.status, b.status], JSON.stringify(b.body)).to.deep.equal([201, 201]);
      const patients = await Patient.findAll();
      expect(patients.map((p) => p.phone)).to.deep.equal(['+447700900101']);
    });
  });

  describe(`migration ${MIGRATION}`, () => {
    before(async () => {
      await resetDatabase();
    });
    after(async () => {
      await createMigrator((await testDatabase()).sequelize).up();
    });

    it('normalises existing rows with the zone country and puts them back on the way down', async () => {
      const migrator = createMigrator((await testDatabase()).sequelize);
      await migrator.down({ to: MIGRATION });
      const local = await makePatient({ phone: '07700 900101' });
      const odd = await makePatient({ phone: 'ask reception' });
      const none = await makePatient({ phone: null });
      const previous = process.env.CLINIC_TIMEZONE;
      process.env.CLINIC_TIMEZONE = 'Europe/London';
      try {
        await migrator.up();
      } finally {
        if (previous === undefined) delete process.env.CLINIC_TIMEZONE;
        else process.env.CLINIC_TIMEZONE = previous;
      }
      const phones = async () => Promise.all([local, odd, none].map(async (p) => (await Patient.findByPk(p.id))!.phone));
      expect(await phones()).to.deep.equal(['+447700900101', 'ask reception', null]);
      await migrator.down({ to: MIGRATION });
      expect(await phones()).to.deep.equal(['07700 900101', 'ask reception', null]);
    });
  });
});
