import { expect } from 'chai';
import { ForeignKeyConstraintError } from 'sequelize';
import type { KioskProfileView, KioskSetup } from '../../common/kiosk-profile';
import { AuditLog, Department } from '../../server/models';
import { resetDatabase } from '../support/db';
import { createDepartment, createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { agentFor } from '../support/session';
import { startTestServer, type TestServer } from '../support/server';

describe('kiosk profiles API (/api/kiosks)', () => {
  let server: TestServer;
  let admin: Agent;
  let cardiology: Department;
  let dermatology: Department;
  let general: Department;

  before(async () => {
    server = await startTestServer();
  });
  beforeEach(async () => {
    await resetDatabase();
    cardiology = await createDepartment({ name: 'Cardiology', prefix: 'C' });
    dermatology = await createDepartment({ name: 'Dermatology', prefix: 'D' });
    general = await createDepartment({ name: 'General Practice', prefix: 'G' });
    const staff = await createStaff({ role: 'admin' });
    admin = await agentFor(server, staff.user);
  });
  after(() => server.close());

  const create = (body: Record<string, unknown>) => admin.post('/api/kiosks', body);
  const setup = (id: number | string) => new Agent(server).get<KioskSetup>(`/api/kiosks/${id}/setup`);

  describe('happy path', () => {
    it('creates, lists, changes and deletes a profile, auditing each change', async () => {
      const created = await create({ name: 'Entrance (east)', departmentIds: [general.id, cardiology.id, cardiology.id], printing: false, language: 'es' });
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      expect(created.body).to.include({ name: 'Entrance (east)', printing: false, language: 'es' });
      expect(created.body.address).to.equal(`/kiosk?kiosk=${created.body.id}`);
      // Departments come back once each, in name order.
      expect((created.body as KioskProfileView).departments.map((d) => d.prefix)).to.deep.equal(['C', 'G']);

      const defaults = await create({ name: 'Lobby' });
      expect(defaults.status).to.equal(201);
      expect(defaults.body).to.include({ printing: true, language: 'en' });
      expect(defaults.body.departments).to.deep.equal([]);

      const list = await admin.get<{ kiosks: KioskProfileView[] }>('/api/kiosks');
      expect(list.status).to.equal(200);
      expect(list.body.kiosks.map((k) => k.name)).to.deep.equal(['Entrance (east)', 'Lobby']);

      const id = created.body.id;
      const changed = await admin.request<KioskProfileView>('PATCH', `/api/kiosks/${id}`, { printing: true, departmentIds: [dermatology.id] });
      expect(changed.status, JSON.stringify(changed.body)).to.equal(200);
      expect(changed.body).to.include({ name: 'Entrance (east)', printing: true, language: 'es' });
      expect(changed.body.departments.map((d) => d.prefix)).to.deep.equal(['D']);
      const cleared = await admin.request<KioskProfileView>('PATCH', `/api/kiosks/${id}`, { departmentIds: [] });
      expect(cleared.body.departments).to.deep.equal([]);

      const removed = await admin.request('DELETE', `/api/kiosks/${id}`);
      expect(removed.status).to.equal(204);
      expect((await admin.get<{ kiosks: KioskProfileView[] }>('/api/kiosks')).body.kiosks.map((k) => k.name)).to.deep.equal(['Lobby']);

      const actions = (await AuditLog.findAll({ where: { entityType: 'kiosk_profile' }, order: [['id', 'ASC']] })).map((a) => a.action);
      expect(actions).to.deep.equal([
        'kiosk_profile_created',
        'kiosk_profile_created',
        'kiosk_profile_updated',
        'kiosk_profile_updated',
        'kiosk_profile_deleted',
      ]);
    });

    it('lets a kiosk read its own settings without signing in, and nothing more', async () => {
      const created = await create({ name: 'Entrance', departmentIds: [general.id, cardiology.id], printing: false, language: 'ar', lockZoom: true });
      expect(created.body).to.include({ phoneCheckIn: true, lockZoom: true });
      const res = await setup(created.body.id);
      expect(res.status).to.equal(200);
      expect(res.headers.get('cache-control')).to.equal('no-store');
      expect(res.body).to.deep.equal({
        id: created.body.id,
        name: 'Entrance',
        departmentIds: [cardiology.id, general.id].sort((a, b) => a - b),
        printing: false,
        language: 'ar',
        lockZoom: true,
      });
    });

    it('answers 409 for a name already in use', async () => {
      expect((await create({ name: 'Lobby' })).status).to.equal(201);
      const same = await create({ name: 'Lobby' });
      expect(same.status).to.equal(409);
      expect(same.body.error.id).to.equal('already_exists');
    });

    it('keeps a department a kiosk offers from being deleted (the database refuses)', async () => {
      await create({ name: 'Lobby', departmentIds: [dermatology.id] });
      let refused: unknown;
      try {
        await Department.destroy({ where: { id: dermatology.id } });
      } catch (error) {
        refused = error;
      }
      expect(refused).to.be.instanceOf(ForeignKeyConstraintError);
    });
  });

  describe('bad input', () => {
    it('answers 422 naming every bad field', async () => {
      const res = await create({ name: '  ', departmentIds: 'C', printing: 'yes', language: 'fr' });
      expect(res.status).to.equal(422);
      expect(res.body.error.id).to.equal('validation_failed');
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).to.have.members(['name', 'departmentIds', 'printing', 'language']);
    });

    it('answers 422 for departments that do not exist and for a change with no fields', async () => {
      const missing = await create({ name: 'Lobby', departmentIds: [cardiology.id, 999_999] });
      expect(missing.status).to.equal(422);
      expect(missing.body.error.fields).to.deep.equal([{ path: 'departmentIds', message: 'There is no department with id 999999.' }]);

      const created = await create({ name: 'Lobby' });
      const empty = await admin.request('PATCH', `/api/kiosks/${created.body.id}`, {});
      expect(empty.status).to.equal(422);
      expect(empty.body.error.message).to.contain('at least one field');
      expect((await setup('abc')).status).to.equal(422);
    });
  });

  describe('not found', () => {
    it('answers 404 for a profile that does not exist, to admins and to kiosks', async () => {
      for (const [method, path, body] of [
        ['PATCH', '/api/kiosks/999999', { name: 'X' }],
        ['DELETE', '/api/kiosks/999999', undefined],
      ] as const) {
        const res = await admin.request(method, path, body);
        expect(res.status, `${method} ${path}`).to.equal(404);
        expect(res.body.error.id).to.equal('not_found');
      }
      const res = await setup(999_999);
      expect(res.status).to.equal(404);
      expect((res.body as unknown as { error: { message: string } }).error.message).to.equal('That kiosk profile was not found.');
    });

    it('answers 404 when deleting a profile twice', async () => {
      const created = await create({ name: 'Lobby' });
      expect((await admin.request('DELETE', `/api/kiosks/${created.body.id}`)).status).to.equal(204);
      expect((await admin.request('DELETE', `/api/kiosks/${created.body.id}`)).status).to.equal(404);
      expect((await setup(created.body.id)).status).to.equal(404);
    });
  });

  describe('access', () => {
    it('answers 401 without a session', async () => {
      const anonymous = new Agent(server);
      for (const [method, path, body] of [
        ['GET', '/api/kiosks', undefined],
        ['POST', '/api/kiosks', { name: 'Lobby' }],
        ['PATCH', '/api/kiosks/1', { name: 'Lobby' }],
        ['DELETE', '/api/kiosks/1', undefined],
      ] as const) {
        const res = await anonymous.request(method, path, body);
        expect(res.status, `${method} ${path}`).to.equal(401);
        expect(res.body.error.id).to.equal('not_signed_in');
      }
    });

    it('answers 403 to doctors and reception, and changes nothing', async () => {
      const created = await create({ name: 'Lobby' });
      for (const role of ['doctor', 'reception'] as const) {
        const staff = await createStaff({ role });
        const agent = await agentFor(server, staff.user);
        for (const [method, path, body] of [
          ['GET', '/api/kiosks', undefined],
          ['POST', '/api/kiosks', { name: 'Other' }],
          ['PATCH', `/api/kiosks/${created.body.id}`, { name: 'Renamed' }],
          ['DELETE', `/api/kiosks/${created.body.id}`, undefined],
        ] as const) {
          const res = await agent.request(method, path, body);
          expect(res.status, `${role} ${method} ${path}`).to.equal(403);
        }
      }
      const list = await admin.get<{ kiosks: KioskProfileView[] }>('/api/kiosks');
      expect(list.body.kiosks.map((k) => k.name)).to.deep.equal(['Lobby']);
    });
  });
});
