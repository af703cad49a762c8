import { expect } from 'chai';
import type { Role } from '../../common/api';
import { agentsByRole } from '../support/admin';
import { resetDatabase } from '../support/db';
import type { Agent } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

/**
 * Every staff route of the administration API, with the roles it admits: without a session each answers 401, and
 * with a role it does not admit, 403 — before looking at the request (the ids and bodies here are nonsense on
 * purpose, so a route that validated or did anything first would answer 422 or 404 instead).
 */
const ROUTES: Array<[method: string, path: string, roles: Role[]]> = [
  ['GET', '/api/users', ['admin']],
  ['POST', '/api/users', ['admin']],
  ['PATCH', '/api/users/999999', ['admin']],
  ['POST', '/api/users/999999/deactivate', ['admin']],
  ['POST', '/api/users/999999/activate', ['admin']],
  ['POST', '/api/users/999999/reset-password', ['admin']],
  ['GET', '/api/departments', ['admin', 'reception', 'doctor']],
  ['POST', '/api/departments', ['admin']],
  ['PATCH', '/api/departments/999999', ['admin']],
  ['POST', '/api/departments/999999/deactivate', ['admin']],
  ['POST', '/api/departments/999999/activate', ['admin']],
  ['GET', '/api/doctors', ['admin', 'reception', 'doctor']],
  ['GET', '/api/doctors/999999', ['admin', 'reception', 'doctor']],
  ['POST', '/api/doctors', ['admin']],
  ['PATCH', '/api/doctors/999999', ['admin']],
  ['PUT', '/api/doctors/999999/availability', ['admin']],
  ['POST', '/api/doctors/999999/availability', ['admin']],
  ['PATCH', '/api/doctors/999999/availability/1', ['admin']],
  ['DELETE', '/api/doctors/999999/availability/1', ['admin']],
  ['POST', '/api/doctors/999999/exceptions', ['admin']],
  ['PATCH', '/api/doctors/999999/exceptions/1', ['admin']],
  ['DELETE', '/api/doctors/999999/exceptions/1', ['admin']],
  ['POST', '/api/doctors/999999/slots/generate', ['admin']],
  ['POST', '/api/slots/generate', ['admin']],
  ['POST', '/api/slots/999999/block', ['admin', 'reception']],
  ['POST', '/api/slots/999999/unblock', ['admin', 'reception']],
  ['GET', '/api/patients', ['admin', 'reception', 'doctor']],
  ['GET', '/api/patients/999999', ['admin', 'reception']],
  ['POST', '/api/patients', ['admin', 'reception', 'doctor']],
  ['PATCH', '/api/patients/999999', ['admin', 'reception']],
  ['GET', '/api/settings/all', ['admin']],
  ['PUT', '/api/settings', ['admin']],
  ['GET', '/api/appointments', ['admin', 'reception']],
  ['POST', '/api/appointments', ['admin', 'reception']],
  ['GET', '/api/appointments/999999', ['admin', 'reception']],
  ['POST', '/api/appointments/999999/cancel', ['admin', 'reception']],
  ['POST', '/api/appointments/999999/reschedule', ['admin', 'reception']],
  ['POST', '/api/appointments/999999/no-show', ['admin', 'reception']],
  ['GET', '/appointments/999999/confirmation', ['admin', 'reception']],
  ['GET', '/api/reports?from=x', ['admin']],
  ['GET', '/api/audit', ['admin']],
];

/** Routes any staff member may use but that check whose data it is: a doctor sees only their own schedule. */
const OWN_DOCTOR_ROUTES = ['/api/doctors/999999/availability', '/api/doctors/999999/exceptions', '/api/doctors/999999/calendar'];

describe('administration API access', () => {
  let server: TestServer;
  let agents: Awaited<ReturnType<typeof agentsByRole>>;

  before(async () => {
    await resetDatabase();
    server = await startTestServer();
    agents = await agentsByRole(server);
  });
  after(() => server.close());

  const agentFor = (role: Role): Agent => agents[role].agent;

  it('answers 401 not_signed_in on every staff route without a session', async () => {
    for (const [method, path] of [...ROUTES, ...OWN_DOCTOR_ROUTES.map((p) => ['GET', p] as const)]) {
      const res = await agents.anonymous.request(method, path, method === 'GET' ? undefined : { junk: true });
      expect(res.status, `${method} ${path}`).to.equal(401);
      expect(res.body.error.id, `${method} ${path}`).to.equal('not_signed_in');
    }
  });

  it('answers 403 forbidden to every role a route does not admit', async () => {
    let checked = 0;
    for (const [method, path, roles] of ROUTES) {
      for (const role of (['admin', 'reception', 'doctor'] as const).filter((r) => !roles.includes(r))) {
        const res = await agentFor(role).request(method, path, method === 'GET' ? undefined : { junk: true });
        expect(res.status, `${role}: ${method} ${path}`).to.equal(403);
        expect(res.body.error.id).to.equal('forbidden');
        checked++;
      }
    }
    expect(checked).to.be.greaterThan(40);
  });

  it('answers 422 naming the id when a path id is not a number', async () => {
    const admin = agentFor('admin');
    for (const [method, path] of [
      ['POST', '/api/slots/abc/block'],
      ['POST', '/api/appointments/abc/no-show'],
      ['GET', '/appointments/abc/confirmation'],
      ['GET', '/api/doctors/abc/calendar'],
      ['POST', '/api/users/abc/activate'],
      ['POST', '/api/departments/abc/activate'],
    ] as const) {
      const res = await admin.request(method, path, method === 'GET' ? undefined : {});
      expect(res.status, path).to.equal(422);
      expect(res.body.error.fields[0].path, path).to.match(/^(id|doctorId)$/);
    }
  });

  it("answers 403 to a doctor asking for another doctor's schedule, and lets them read their own", async () => {
    for (const path of OWN_DOCTOR_ROUTES) {
      const res = await agents.doctor.agent.get(path);
      expect(res.status, path).to.equal(403);
      const own = await agents.doctor.agent.get(path.replace('999999', String(agents.doctor.profile.id)));
      expect(own.status, path).to.equal(200);
    }
  });
});
