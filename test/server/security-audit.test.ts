import { expect } from 'chai';
import { AuditLog, type Patient } from '../../server/models';
import { makePatient } from '../support/clinic-factories';
import { resetDatabase, testDatabase } from '../support/db';
import { createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { awayFromMidnight, kioskKey, openDepartment } from '../support/kiosk';
import { agentFor } from '../support/session';
import { startTestServer, type TestServer } from '../support/server';

/** The newest audit row of `action` (by anyone), or null. */
const newest = (action: string) => AuditLog.findOne({ where: { action }, order: [['id', 'DESC']] });

describe('an audit trail without gaps (issue 11, point 7)', () => {
  let server: TestServer;
  let reception: Agent;
  let receptionId: number;
  let admin: Agent;
  let adminId: number;
  let patient: Patient;

  before(async () => {
    await resetDatabase();
    await awayFromMidnight();
    server = await startTestServer();
    const desk = await createStaff({ role: 'reception' });
    const boss = await createStaff({ role: 'admin' });
    receptionId = desk.user.id;
    adminId = boss.user.id;
    reception = await agentFor(server, desk.user);
    admin = await agentFor(server, boss.user);
    patient = await makePatient({ fullName: 'Amara Okoye' });
  });
  after(() => server.close());

  it('audits reception reading a patient profile, with who, which patient and from where', async () => {
    expect((await reception.get(`/api/patients/${patient.id}`)).status).to.equal(200);
    const row = (await newest('patient.read'))!;
    expect(row).to.deep.include({ userId: receptionId, entityType: 'patient', entityId: String(patient.id), patientId: patient.id });
    expect(row.ip).to.match(/127\.0\.0\.1/);
    expect(row.createdAt).to.be.instanceOf(Date);
  });

  it('audits patient searches with what was searched for', async () => {
    expect((await admin.get('/api/patients?q=Okoye')).status).to.equal(200);
    const row = (await newest('patient.search'))!;
    expect(row.userId).to.equal(adminId);
    expect(row.details).to.deep.equal({ query: { q: 'Okoye' } });
  });

  it('audits a staff check-in of a named patient once: who, whom, which queue, from where', async () => {
    const { department } = await openDepartment('General Practice', 'G');
    const before = await AuditLog.count();
    const res = await reception.post('/api/queue/check-in', { departmentId: department.id, patientId: patient.id, idempotencyKey: kioskKey() });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    const rows = await AuditLog.findAll({ where: { patientId: patient.id, action: ['queue.check_in', 'queue.check_in_patient'] } });
    expect(rows.map((r) => r.action), 'one row, not one per layer').to.deep.equal(['queue.check_in']);
    expect(await AuditLog.count()).to.equal(before + 1);
    expect(rows[0]).to.deep.include({ userId: receptionId, patientId: patient.id, entityType: 'queue_entry' });
    expect(rows[0].ip).to.match(/127\.0\.0\.1/);
    expect(rows[0].details).to.deep.include({ kind: 'walk_in', departmentId: department.id, doctorId: null });
  });

  it('audits searches of the audit log itself', async () => {
    expect((await admin.get(`/api/audit?patientId=${patient.id}`)).status).to.equal(200);
    const row = (await newest('audit.search'))!;
    expect(row.userId).to.equal(adminId);
    expect(row.details).to.deep.equal({ query: { patientId: String(patient.id) } });
  });

  it('audits every 403 refusal of a signed-in user', async () => {
    const before = await AuditLog.count({ where: { action: 'access.refused' } });
    expect((await reception.get('/api/users')).status).to.equal(403);
    expect((await reception.get('/api/audit')).status).to.equal(403);
    expect(await AuditLog.count({ where: { action: 'access.refused' } })).to.equal(before + 2);
    const row = (await newest('access.refused'))!;
    expect(row.userId).to.equal(receptionId);
    expect(row.details).to.deep.equal({ id: 'forbidden', method: 'GET', path: '/api/audit' });
  });

  it('audits the first refused public check-in of an address in each window, not every one', async () => {
    const { department } = await openDepartment('Cardiology', 'C');
    server.services.kiosk.checkInLimiter.setLimits({ points: 1, windowSeconds: 60 });
    const kiosk = new Agent(server);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await kiosk.post('/api/queue/check-in', { departmentId: department.id, idempotencyKey: kioskKey() })).status);
    expect(statuses).to.deep.equal([201, 429, 429, 429]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const rows = await AuditLog.findAll({ where: { action: 'rate_limit.refused' } });
    expect(rows).to.have.length(1);
    expect(rows[0].ip).to.match(/127\.0\.0\.1/);
  });

  it('keeps the trail append-only: the application cannot change or delete a row, and on MySQL neither can SQL', async () => {
    const row = (await newest('patient.read'))!;
    let refused = 0;
    for (const attempt of [
      () => row.update({ action: 'patient.nothing' }),
      () => row.destroy(),
      () => AuditLog.update({ action: 'x' }, { where: { id: row.id } }),
      () => AuditLog.destroy({ where: { id: row.id } }),
    ]) {
      try {
        await attempt();
      } catch (error) {
        expect((error as Error).message).to.contain('append-only');
        refused++;
      }
    }
    expect(refused).to.equal(4);
    const { sequelize } = await testDatabase();
    if (sequelize.getDialect() === 'mysql') {
      for (const sql of [`UPDATE audit_logs SET action = 'x' WHERE id = ${row.id}`, `DELETE FROM audit_logs WHERE id = ${row.id}`]) {
        let message = '';
        await sequelize.query(sql).catch((error: Error) => (message = error.message));
        expect(message, sql).to.contain('append-only');
      }
    }
    expect((await AuditLog.findByPk(row.id))!.action).to.equal('patient.read');
  });
});
