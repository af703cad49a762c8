import { expect } from 'chai';
import { ForeignKeyConstraintError } from 'sequelize';
import type { DisplayProfileView, DisplaySetup } from '../../common/display';
import { AuditLog, Department } from '../../server/models';
import { resetDatabase } from '../support/db';
import { createDepartment, createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { agentFor } from '../support/session';
import { startTestServer, type TestServer } from '../support/server';

describe('display profiles API (/api/displays)', () => {
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

  const create = (body: Record<string, unknown>) => admin.post('/api/displays', body);
  const setup = (query: string) => new Agent(server).get(`/api/displays/setup${query}`);

  describe('happy path', () => {
    it('creates a profile with a slug made from its name, lists, changes and deletes it, auditing each change', async () => {
      const created = await create({
        name: 'Main Hall (ground floor)',
        departmentIds: [dermatology.id, cardiology.id, cardiology.id],
        language: 'ar',
        voice: false,
        theme: 'light',
      });
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      expect(created.body).to.include({ name: 'Main Hall (ground floor)', slug: 'main-hall-ground-floor', language: 'ar', voice: false, theme: 'light' });
      expect(created.body.address).to.equal('/display?profile=main-hall-ground-floor');
      // Departments come back once each, in name order.
      expect((created.body as DisplayProfileView).departments.map((d) => d.prefix)).to.deep.equal(['C', 'D']);

      const defaults = await create({ name: 'Lobby' });
      expect(defaults.status).to.equal(201);
      expect(defaults.body).to.include({ slug: 'lobby', language: 'en', voice: true, theme: 'dark' });
      expect(defaults.body.departments).to.deep.equal([]);

      const list = await admin.get<{ displays: DisplayProfileView[] }>('/api/displays');
      expect(list.status).to.equal(200);
      expect(list.body.displays.map((d) => d.name)).to.deep.equal(['Lobby', 'Main Hall (ground floor)']);

      const id = created.body.id;
      const changed = await admin.request<DisplayProfileView>('PATCH', `/api/displays/${id}`, {
        language: 'es',
        departmentIds: [general.id],
      });
      expect(changed.status, JSON.stringify(changed.body)).to.equal(200);
      expect(changed.body).to.include({ name: 'Main Hall (ground floor)', language: 'es', voice: false, theme: 'light' });
      expect(changed.body.departments.map((d) => d.prefix)).to.deep.equal(['G']);

      const removed = await admin.request('DELETE', `/api/displays/${id}`);
      expect(removed.status).to.equal(204);
      expect((await admin.request('DELETE', `/api/displays/${id}`)).status).to.equal(404);
      expect((await admin.get<{ displays: DisplayProfileView[] }>('/api/displays')).body.displays.map((d) => d.name)).to.deep.equal(['Lobby']);

      const actions = (await AuditLog.findAll({ where: { entityType: 'display_profile' }, order: [['id', 'ASC']] })).map((a) => a.action);
      expect(actions).to.deep.equal(['display_profile_created', 'display_profile_created', 'display_profile_updated', 'display_profile_deleted']);
    });

    it('answers 409 for a name or slug already in use', async () => {
      expect((await create({ name: 'Lobby' })).status).to.equal(201);
      const sameName = await create({ name: 'Lobby', slug: 'other' });
      expect(sameName.status).to.equal(409);
      expect(sameName.body.error.id).to.equal('already_exists');
      const sameSlug = await create({ name: 'Another', slug: 'lobby' });
      expect(sameSlug.status).to.equal(409);
      expect(sameSlug.body.error.message).to.contain('slug');
    });

    it('is backed by the database: a department a display shows cannot be deleted, a deleted profile takes its rows along', async () => {
      const profile = await create({ name: 'Cardiology screen', departmentIds: [cardiology.id] });
      let refused: unknown;
      try {
        await cardiology.destroy();
      } catch (error) {
        refused = error;
      }
      expect(refused).to.be.instanceOf(ForeignKeyConstraintError);
      expect((await admin.request('DELETE', `/api/displays/${profile.body.id}`)).status).to.equal(204);
      await cardiology.destroy();
      expect(await Department.findByPk(cardiology.id)).to.equal(null);
    });
  });

  describe('setup for a display page (public)', () => {
    it('resolves a profile by slug or id, without signing in, to its departments and channel', async () => {
      const profile = await create({ name: 'Lobby', departmentIds: [general.id, cardiology.id], language: 'es', theme: 'light' });
      for (const ref of ['lobby', String(profile.body.id)]) {
        const res = await setup(`?profile=${ref}`);
        expect(res.status, JSON.stringify(res.body)).to.equal(200);
        expect(res.body).to.include({ language: 'es', voice: true, theme: 'light' });
        expect(res.body.channel).to.equal(`display:${[general.id, cardiology.id].sort((a, b) => a - b).join(',')}`);
        expect((res.body as DisplaySetup).departments.map((d) => d.prefix)).to.deep.equal(['C', 'G']);
        expect(res.body.profile?.name).to.equal('Lobby');
        expect(res.headers.get('cache-control')).to.equal('no-store');
      }
    });

    it('maps token prefixes from the address to department ids, in any case, and lets the address choose the language', async () => {
      const res = await setup('?departments=g,C&lang=ar&voice=off');
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body.channel).to.equal(`display:${[cardiology.id, general.id].sort((a, b) => a - b).join(',')}`);
      expect(res.body).to.include({ language: 'ar', voice: false, theme: 'dark' });
      expect(res.body.profile).to.equal(null);
    });

    it('shows every department without either, and a profile without departments also shows them all', async () => {
      const plain = await setup('');
      expect(plain.status).to.equal(200);
      expect(plain.body).to.include({ channel: 'display:all', language: 'en', voice: true, theme: 'dark' });
      await create({ name: 'Everything' });
      expect((await setup('?profile=everything')).body.channel).to.equal('display:all');
    });

    it('answers 404 in plain words for an unknown profile or prefix, and 422 for a malformed address', async () => {
      const noProfile = await setup('?profile=nowhere');
      expect(noProfile.status).to.equal(404);
      expect(noProfile.body.error.message).to.contain('"nowhere"');
      const noPrefix = await setup('?departments=C,Q');
      expect(noPrefix.status).to.equal(404);
      expect(noPrefix.body.error.message).to.contain('Q');
      const bad = await setup('?departments=C;D&lang=fr');
      expect(bad.status).to.equal(422);
      expect(bad.body.error.fields.map((f: { path: string }) => f.path)).to.have.members(['departments', 'lang']);
    });
  });

  describe('bad input', () => {
    it('answers 422 naming every bad field', async () => {
      const res = await create({ name: '  ', slug: 'Not OK!', departmentIds: 'C', language: 'fr', voice: 'yes', theme: 'blue' });
      expect(res.status).to.equal(422);
      expect(res.body.error.id).to.equal('validation_failed');
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).to.have.members([
        'name',
        'slug',
        'departmentIds',
        'language',
        'voice',
        'theme',
      ]);
    });

    it('answers 422 for departments that do not exist, an all-digit slug, and a change with no fields', async () => {
      const missing = await create({ name: 'Lobby', departmentIds: [cardiology.id, 999_999] });
      expect(missing.status).to.equal(422);
      expect(missing.body.error.fields).to.deep.equal([{ path: 'departmentIds', message: 'There is no department with id 999999.' }]);

      const digits = await create({ name: 'Lobby', slug: '123' });
      expect(digits.status).to.equal(422);
      expect(digits.body.error.fields.map((f: { path: string }) => f.path)).to.deep.equal(['slug']);

      const created = await create({ name: 'Lobby' });
      const empty = await admin.request('PATCH', `/api/displays/${created.body.id}`, {});
      expect(empty.status).to.equal(422);
      expect(empty.body.error.message).to.contain('at least one field');
      expect((await admin.request('PATCH', '/api/displays/999999', { name: 'X' })).status).to.equal(404);
    });
  });

  describe('access', () => {
    it('answers 401 without a session', async () => {
      const anonymous = new Agent(server);
      for (const [method, path, body] of [
        ['GET', '/api/displays', undefined],
        ['POST', '/api/displays', { name: 'Lobby' }],
        ['PATCH', '/api/displays/1', { name: 'Lobby' }],
        ['DELETE', '/api/displays/1', undefined],
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
          ['GET', '/api/displays', undefined],
          ['POST', '/api/displays', { name: 'Other' }],
          ['PATCH', `/api/displays/${created.body.id}`, { name: 'Renamed' }],
          ['DELETE', `/api/displays/${created.body.id}`, undefined],
        ] as const) {
          const res = await agent.request(method, path, body);
          expect(res.status, `${role} ${method} ${path}`).to.equal(403);
          expect(res.body.error.id).to.equal('forbidden');
        }
      }
      const list = await admin.get<{ displays: DisplayProfileView[] }>('/api/displays');
      expect(list.body.displays.map((d) => d.name)).to.deep.equal(['Lobby']);
    });
  });
});
