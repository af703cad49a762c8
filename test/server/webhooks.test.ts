import { expect } from 'chai';
import { createHmac } from 'node:crypto';
import type { CreatedWebhookResponse, WebhookEnvelope, WebhookListResponse } from '../../common/webhooks';
import { WebhookDelivery } from '../../server/models';
import { enqueueEvent } from '../../server/webhooks/outbox';
import { makePatient } from '../support/clinic-factories';
import { resetDatabase, testDatabase } from '../support/db';
import { eventually } from '../support/display-page';
import { signedVisit } from '../support/fhir';
import { checkIn, recordsClinic, signedInDoctor, type RecordsClinic, type SignedInDoctor } from '../support/records';
import { startTestServer, type TestServer } from '../support/server';
import { WebhookReceiver, type ReceivedDelivery } from '../support/webhook-receiver';

/** The signature a receiver computes on its own: HMAC-SHA256 of `timestamp.body` with the hook's secret. */
function expectSigned(delivery: ReceivedDelivery, secret: string): WebhookEnvelope {
  const timestamp = String(delivery.headers['x-mediqueue-timestamp']);
  const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.${delivery.body}`).digest('hex')}`;
  expect(delivery.headers['x-mediqueue-signature']).to.equal(expected);
  expect(Math.abs(Date.now() / 1000 - Number(timestamp))).to.be.below(300);
  return JSON.parse(delivery.body) as WebhookEnvelope;
}

describe('webhooks: signed deliveries from a durable outbox', () => {
  let server: TestServer;
  let clinic: RecordsClinic;
  let doctor: SignedInDoctor;
  const receivers: WebhookReceiver[] = [];
  // A minute before the first retry: no retry can happen while the test looks (the restart test moves time itself).
  const env = { WEBHOOK_POLL_SECONDS: '0.05', WEBHOOK_RETRY_BASE_SECONDS: '60' };

  before(async () => {
    server = await startTestServer({ env });
    await resetDatabase();
    clinic = await recordsClinic(server);
    doctor = await signedInDoctor(server, clinic.department);
  });
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.close()));
    await WebhookDelivery.destroy({ where: {} });
    for (const hook of (await clinic.admin.agent.get<WebhookListResponse>('/api/webhooks')).body.webhooks) await clinic.admin.agent.request('DELETE', `/api/webhooks/${hook.id}`);
  });
  after(() => server.close());

  async function register(events: string[], clinical = false, statuses = [200]) {
    const receiver = await new WebhookReceiver(statuses).start();
    receivers.push(receiver);
    const res = await clinic.admin.agent.post<CreatedWebhookResponse>('/api/webhooks', { url: receiver.url, events, clinical });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return { receiver, secret: res.body.secret, id: res.body.webhook.id };
  }

  it('delivers a check-in, signed with each hook\'s secret; only the clinical hook gets the patient', async () => {
    const open = await register(['ticket.created']);
    const clinical = await register(['ticket.created', 'visit.completed'], true);
    const patient = await makePatient();
    const entryId = await checkIn(clinic.reception.agent, doctor, patient.id);

    const [publicDelivery] = await open.receiver.waitFor(1);
    const publicBody = expectSigned(publicDelivery, open.secret);
    expect(publicDelivery.headers['x-mediqueue-event']).to.equal('ticket.created');
    expect(publicBody.event).to.equal('ticket.created');
    expect(publicBody.data.ticketId).to.equal(entryId);
    expect(publicBody.data).not.to.have.property('patientId');
    const clinicalBody = expectSigned((await clinical.receiver.waitFor(1))[0], clinical.secret);
    expect(clinicalBody.data.patientId).to.equal(patient.id);
    // The other hook's secret does not verify it.
    expect(() => expectSigned(publicDelivery, clinical.secret)).to.throw();

    // An anonymous walk-in is group-committed (walk-in-batches.ts): its event commits with its batch.
    const walkInId = await checkIn(clinic.reception.agent, doctor);
    const walkIn = expectSigned((await open.receiver.waitFor(2))[1], open.secret);
    expect([walkIn.event, walkIn.data.ticketId]).to.deep.equal(['ticket.created', walkInId]);

    await eventually('both hooks listed as delivered', async () => {
      const listed = (await clinic.admin.agent.get<WebhookListResponse>('/api/webhooks')).body.webhooks;
      return JSON.stringify(listed.map((h) => [h.lastStatus, h.pending])) === JSON.stringify([['200', 0], ['200', 0]]);
    });
  });

  it('trusts "no hooks" only until a hook is registered: the next change after it is delivered', async () => {
    // No hook: the check-in's transaction finds none, and the outbox stops asking for a few seconds.
    await checkIn(clinic.reception.agent, doctor);
    const { receiver } = await register(['ticket.created']);
    const entryId = await checkIn(clinic.reception.agent, doctor);
    const [delivery] = await receiver.waitFor(1);
    expect((JSON.parse(delivery.body) as WebhookEnvelope).data.ticketId).to.equal(entryId);
  });

  it('tells of a call, a completed visit and a signed record, from the sign-off\'s own transaction', async () => {
    const hook = await register(['ticket.called', 'visit.completed', 'record.signed'], true);
    const patient = await makePatient();
    const record = await signedVisit(clinic.reception.agent, await signedInDoctor(server, clinic.department), patient);
    const bodies = (await hook.receiver.waitFor(3)).map((d) => expectSigned(d, hook.secret));
    expect(bodies.map((b) => b.event).sort()).to.deep.equal(['record.signed', 'ticket.called', 'visit.completed']);
    const signed = bodies.find((b) => b.event === 'record.signed')!;
    expect(signed.data).to.include({ recordId: record.id, ticketId: record.queueEntryId, patientId: patient.id });
  });

  it('sends nothing for a change that rolled back', async () => {
    const hook = await register(['ticket.created', 'record.signed']);
    const { sequelize } = await testDatabase();
    let rolledBack = false;
    try {
      await sequelize.transaction(async (transaction) => {
        await enqueueEvent(transaction, 'record.signed', { public: { recordId: 1 } }, new Date());
        expect(await WebhookDelivery.count({ transaction })).to.equal(1);
        throw new Error('the change failed after its event was written');
      });
    } catch (error) {
      rolledBack = (error as Error).message.startsWith('the change failed');
    }
    expect(rolledBack).to.equal(true);
    expect(await WebhookDelivery.count()).to.equal(0);
    await server.services.webhooks.tick();
    expect(hook.receiver.received).to.deep.equal([]);
  });

  it('retries a delivery whose first attempt failed, after a server restart', async () => {
    const hook = await register(['ticket.created'], false, [500, 200]);
    await checkIn(clinic.reception.agent, doctor, (await makePatient()).id);
    await hook.receiver.waitFor(1);
    await eventually('the failed attempt recorded', async () => (await WebhookDelivery.findOne())?.attempts === 1);
    const failed = (await WebhookDelivery.findOne())!;
    expect([failed.deliveredAt, failed.lastError]).to.deep.equal([null, 'HTTP 500']);
    expect(failed.nextAttemptAt.getTime() - Date.now()).to.be.above(30_000);

    // Same port: the suite's signed-in agents keep talking to the restarted server.
    const { port } = server;
    await server.close();
    expect(hook.receiver.received).to.have.length(1);
    // The retry fell due while the server was down.
    await WebhookDelivery.update({ nextAttemptAt: new Date(Date.now() - 1000) }, { where: { id: failed.id } });
    server = await startTestServer({ env, port });
    const [first, second] = await hook.receiver.waitFor(2);
    expect(second.body).to.equal(first.body);
    expect(expectSigned(second, hook.secret).id).to.equal(failed.id);
    await eventually('the retry recorded as delivered', async () => (await WebhookDelivery.findByPk(failed.id))?.deliveredAt instanceof Date);
  });

  it('lets only admins manage hooks, and refuses an address that is not http(s)', async () => {
    expect((await clinic.reception.agent.get('/api/webhooks')).status).to.equal(403);
    expect((await doctor.agent.post('/api/webhooks', { url: 'https://x.example/h', events: ['ticket.created'] })).status).to.equal(403);
    const bad = await clinic.admin.agent.post('/api/webhooks', { url: 'ftp://x.example/h', events: ['ticket.created'] });
    expect([bad.status, bad.body.error.id]).to.deep.equal([422, 'validation_failed']);
    const unknown = await clinic.admin.agent.post('/api/webhooks', { url: 'https://x.example/h', events: ['ticket.eaten'] });
    expect(unknown.status).to.equal(422);
  });
});
