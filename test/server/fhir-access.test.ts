import { expect } from 'chai';
import type { ApiTokenListResponse } from '../../common/api-tokens';
import type { RecordView } from '../../common/records';
import { ApiToken, AuditLog } from '../../server/models';
import { hashToken } from '../../server/services/api-tokens';
import { resetDatabase } from '../support/db';
import { createToken, expectValidR4, signedVisit, TokenClient } from '../support/fhir';
import { Agent } from '../support/http';
import { allergicPatient, recordsClinic, signedInDoctor, type RecordsClinic } from '../support/records';
import { startTestServer, type TestServer } from '../support/server';

describe('FHIR R4 API: who may read, API tokens and the audit trail', () => {
  let server: TestServer;
  let clinic: RecordsClinic;
  let record: RecordView;

  before(async () => {
    server = await startTestServer();
    await resetDatabase();
    clinic = await recordsClinic(server);
    const doctor = await signedInDoctor(server, clinic.department);
    record = await signedVisit(clinic.reception.agent, doctor, await allergicPatient());
  });
  after(() => server.close());

  const encounter = () => `/fhir/R4/Encounter/${record.queueEntryId}`;

  it('answers 401 with an OperationOutcome without a session or token, and for an unknown token', async () => {
    const anonymous = await new Agent(server).get(encounter());
    expect(anonymous.status).to.equal(401);
    expectValidR4(anonymous.body);
    expect(anonymous.body.issue[0].code).to.equal('login');
    const forged = await new TokenClient(server, 'mqt_not-a-real-token').get(encounter());
    expect(forged.status).to.equal(401);
    expect(forged.headers.get('www-authenticate')).to.equal('Bearer error="invalid_token"');
    expect(forged.body.issue[0].details.coding[0].code).to.equal('invalid_token');
  });

  it('refuses a token without the fhir:read scope with 403, and audits the refusal', async () => {
    const secret = 'mqt_test-token-without-the-fhir-scope';
    const token = await ApiToken.create({ name: 'Billing', tokenHash: hashToken(secret), tokenPrefix: secret.slice(0, 10), scopes: 'billing:read', createdBy: clinic.admin.user.id });
    const res = await new TokenClient(server, secret).get(encounter());
    expect(res.status).to.equal(403);
    expectValidR4(res.body);
    expect(res.body.issue[0].details.coding[0].code).to.equal('insufficient_scope');
    const refused = await AuditLog.findAll({ where: { action: 'fhir.refused', entityId: String(token.id) } });
    expect(refused).to.have.length(1);
  });

  it('lets a token with fhir:read read, audits every use with the token and the patient, and stops at revocation', async () => {
    const emr = await createToken(server, clinic.admin.agent, 'Hospital EMR');
    expect((await emr.get(encounter())).status).to.equal(200);
    expect((await emr.get(`/fhir/R4/Condition?patient=${record.patientId}`)).status).to.equal(200);
    const reads = await AuditLog.findAll({ where: { action: 'fhir.read', entityType: 'api_token', entityId: String(emr.id) }, order: [['id', 'ASC']] });
    expect(reads.map((r) => [r.userId, r.patientId, r.details!.path])).to.deep.equal([
      [null, null, encounter()],
      [null, record.patientId, '/fhir/R4/Condition'],
    ]);
    // Only the hash is stored.
    const stored = (await ApiToken.findByPk(emr.id))!;
    expect(stored.tokenHash).to.equal(hashToken(emr.secret)).and.not.include(emr.secret);
    expect(stored.lastUsedAt).to.be.instanceOf(Date);

    const revoked = await clinic.admin.agent.post(`/api/api-tokens/${emr.id}/revoke`);
    expect(revoked.status).to.equal(200);
    expect(revoked.body.revokedAt).to.be.a('string');
    expect((await emr.get(encounter())).status).to.equal(401);
    expect(await AuditLog.count({ where: { action: 'api_token.refused', entityId: String(emr.id) } })).to.equal(1);
    expect(await AuditLog.count({ where: { action: 'api_token.revoke', entityId: String(emr.id), userId: clinic.admin.user.id } })).to.equal(1);
  });

  it('serves admins and doctors (a doctor only their department\'s visits) and refuses reception with 403', async () => {
    expect((await clinic.admin.agent.get(encounter())).status).to.equal(200);
    const reception = await clinic.reception.agent.get(encounter());
    expect(reception.status).to.equal(403);
    expect(reception.body.resourceType).to.equal('OperationOutcome');
    const colleague = await signedInDoctor(server, clinic.department);
    expect((await colleague.agent.get(encounter())).status).to.equal(200);
    expect((await clinic.outsider.agent.get(encounter())).status).to.equal(404);
    const search = await clinic.outsider.agent.get(`/fhir/R4/Observation?patient=${record.patientId}`);
    expect([search.status, search.body.total]).to.deep.equal([200, 0]);
    const reads = await AuditLog.count({ where: { action: 'fhir.read', userId: clinic.outsider.user.id } });
    expect(reads).to.equal(1);
  });

  it('answers 404 with an OperationOutcome for an unknown resource type', async () => {
    const res = await clinic.admin.agent.get('/fhir/R4/Claim?patient=1');
    expect(res.status).to.equal(404);
    expect(res.body.issue[0].code).to.equal('not-found');
  });

  it('lets only admins create and list tokens; the list never shows a secret', async () => {
    expect((await new Agent(server).post('/api/api-tokens', { name: 'x', scopes: ['fhir:read'] })).status).to.equal(401);
    expect((await clinic.reception.agent.post('/api/api-tokens', { name: 'x', scopes: ['fhir:read'] })).status).to.equal(403);
    expect((await clinic.outsider.agent.get('/api/api-tokens')).status).to.equal(403);
    const bad = await clinic.admin.agent.post('/api/api-tokens', { name: 'x', scopes: ['fhir:write'] });
    expect([bad.status, bad.body.error.id]).to.deep.equal([422, 'validation_failed']);
    const created = await createToken(server, clinic.admin.agent, 'Lab');
    const list = await clinic.admin.agent.get<ApiTokenListResponse>('/api/api-tokens');
    expect(list.status).to.equal(200);
    const lab = list.body.tokens.find((t) => t.id === created.id)!;
    expect([lab.name, lab.scopes, lab.prefix]).to.deep.equal(['Lab', ['fhir:read'], created.secret.slice(0, 10)]);
    expect(JSON.stringify(list.body)).not.to.include(created.secret);
  });
});
