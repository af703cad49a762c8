import { expect } from 'chai';
import type { FormularySearchResponse, MedicineView } from '../../common/formulary';
import { AuditLog } from '../../server/models';
import { resetDatabase } from '../support/db';
import { Agent } from '../support/http';
import { recordsClinic, signedInDoctor, type RecordsClinic, type SignedInDoctor } from '../support/records';
import { startTestServer, type TestServer } from '../support/server';

/** The formulary API (issue 19): the WHO list seeded on first use, search, admin edits, doctors' favourites. */
describe('formulary API', () => {
  let server: TestServer;
  let clinic: RecordsClinic;
  let doctor: SignedInDoctor;

  before(async () => {
    server = await startTestServer();
    await resetDatabase();
    clinic = await recordsClinic(server);
    doctor = await signedInDoctor(server, clinic.department);
  });
  after(() => server.close());

  const search = (agent: Agent, q: string, extra = '') => agent.get<FormularySearchResponse>(`/api/formulary?q=${encodeURIComponent(q)}${extra}`);

  it('starts with the WHO essential medicines and finds them by every word typed, any case', async () => {
    const res = await search(doctor.agent, 'amox 500');
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.medicines.map((m) => m.label)).to.include('Amoxicillin 500 mg capsule');
    expect(res.body.medicines.every((m) => /amox/i.test(m.name) && /500/.test(`${m.strength}`))).to.equal(true);
    expect((await search(doctor.agent, '')).body.total).to.be.above(100);
    expect((await search(doctor.agent, '100%_')).status).to.equal(200);
  });

  it("lists the doctor's favourites first, for that doctor only", async () => {
    const paracetamol = (await search(doctor.agent, 'paracetamol 500')).body.medicines[0];
    const put = await doctor.agent.request<MedicineView>('PUT', `/api/formulary/${paracetamol.id}/favourite`);
    expect([put.status, put.body.favourite]).to.deep.equal([200, true]);
    const mine = await search(doctor.agent, '');
    expect(mine.body.medicines[0]).to.include({ id: paracetamol.id, favourite: true });
    const colleague = await signedInDoctor(server, clinic.department);
    expect((await search(colleague.agent, '')).body.medicines[0].favourite).to.equal(false);
    await doctor.agent.request('DELETE', `/api/formulary/${paracetamol.id}/favourite`);
    expect((await search(doctor.agent, '')).body.medicines.some((m) => m.favourite)).to.equal(false);
  });

  it('lets admins add, rename and withdraw medicines (audited); a withdrawn one is not offered', async () => {
    const admin = clinic.admin.agent;
    const created = await admin.post<MedicineView>('/api/formulary', { name: 'Oseltamivir', strength: '75 mg', form: 'capsule' });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const again = await admin.post('/api/formulary', { name: 'Oseltamivir', strength: '75 mg', form: 'capsule' });
    expect([again.status, again.body.error.id]).to.deep.equal([409, 'already_exists']);
    const withdrawn = await admin.request<MedicineView>('PATCH', `/api/formulary/${created.body.id}`, { active: false });
    expect(withdrawn.body).to.include({ active: false, strength: '75 mg' });
    expect((await search(doctor.agent, 'oseltamivir')).body.medicines).to.deep.equal([]);
    expect((await search(admin, 'oseltamivir', '&all=true')).body.medicines).to.have.length(1);
    expect(await AuditLog.count({ where: { action: ['formulary.create', 'formulary.update'], entityId: String(created.body.id) } })).to.equal(2);
  });

  it('answers 401, 403 and 422 where it should', async () => {
    expect((await new Agent(server).get('/api/formulary')).status).to.equal(401);
    expect((await clinic.reception.agent.get('/api/formulary')).status).to.equal(403);
    expect((await doctor.agent.post('/api/formulary', { name: 'X' })).status).to.equal(403);
    const bad = await clinic.admin.agent.post('/api/formulary', { name: '', strength: 'x'.repeat(81) });
    expect([bad.status, bad.body.error.id]).to.deep.equal([422, 'validation_failed']);
    expect(bad.body.error.fields.map((f: { message: string }) => f.message)).to.deep.equal(["Name: enter the medicine's name.", 'Strength: use at most 80 characters.']);
    expect((await doctor.agent.request('PUT', '/api/formulary/999999/favourite')).status).to.equal(404);
  });
});
