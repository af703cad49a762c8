import { expect } from 'chai';
import { resetDatabase } from '../support/db';
import { recordsClinic, signedInDoctor, type RecordsClinic } from '../support/records';
import { startTestServer, type TestServer } from '../support/server';

/** Validation messages that say what is wrong with the field as the admin sees it (issue 19). */
describe('admin validation messages', () => {
  let server: TestServer;
  let clinic: RecordsClinic;

  before(async () => {
    server = await startTestServer();
    await resetDatabase();
    clinic = await recordsClinic(server);
  });
  after(() => server.close());

  it('says a department name is too long, and a 4-letter prefix is not 1 to 3 letters (never cut short)', async () => {
    const long = await clinic.admin.agent.post('/api/departments', { name: 'x'.repeat(10_000), prefix: 'ABCD' });
    expect(long.status).to.equal(422);
    expect(long.body.error.fields).to.deep.equal([
      { path: 'name', message: 'Department name is too long: use at most 100 characters (it has 10000).' },
      { path: 'prefix', message: 'Ticket prefix "ABCD" is not 1 to 3 letters. Use letters only, such as C or ENT.' },
    ]);
    const empty = await clinic.admin.agent.post('/api/departments', { name: ' ', prefix: 'Q' });
    expect(empty.body.error.fields).to.deep.equal([{ path: 'name', message: 'Enter the department name.' }]);
  });

  it('says consultation minutes must be at least 1, not "Enter minutes."', async () => {
    const doctor = await signedInDoctor(server, clinic.department);
    const res = await clinic.admin.agent.request('PATCH', `/api/doctors/${doctor.doctor.id}`, { consultationMinutes: 0 });
    expect(res.status).to.equal(422);
    expect(res.body.error.fields).to.deep.equal([{ path: 'consultationMinutes', message: 'Consultation minutes: at least 1 minute.' }]);
  });
});
