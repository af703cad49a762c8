import { expect } from 'chai';
import type { StaffQueueEntry, TicketView } from '../../common/api';
import type { TicketNoticesView } from '../../common/notices';
import { QueueEntry, TicketNotice } from '../../server/models';
import { PushSender, pushEndpointAllowed, resolvesPublic } from '../../server/notices/push';
import { resetDatabase } from '../support/db';
import { createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { awayFromMidnight, kioskKey, openDepartment } from '../support/kiosk';
import { makePatient } from '../support/clinic-factories';
import { FakePushService } from '../support/push-service';
import { startTestServer, type TestServer } from '../support/server';
import { agentFor } from '../support/session';
import { FakeSmsGateway } from '../support/sms-gateway';

describe('notices to waiting patients (web push and SMS)', () => {
  let server: TestServer;
  let sms: FakeSmsGateway;
  let desk: Agent;
  let doctorId: number;
  let departmentId: number;
  const pushServices: FakePushService[] = [];

  before(async () => {
    sms = await new FakeSmsGateway().start();
    server = await startTestServer({
      env: { SMS_GATEWAY_URL: sms.url, SMS_GATEWAY_TOKEN: 'gateway-token' },
      notices: { allowLocalPush: true, retryDelaysMs: [50, 50, 50] },
    });
  });
  beforeEach(async () => {
    await resetDatabase();
    await awayFromMidnight();
    sms.received.length = 0;
    const open = await openDepartment('Cardiology', 'C', { room: 'Room 3' });
    departmentId = open.department.id;
    doctorId = open.doctor.id;
    desk = await agentFor(server, (await createStaff({ role: 'reception' })).user);
  });
  afterEach(() => Promise.all(pushServices.splice(0).map((p) => p.close())));
  after(async () => {
    await server.close();
    await sms.close();
  });

  const anonymous = () => new Agent(server);
  const settled = () => server.services.notices.dispatcher.idle();

  async function walkIn(options: { phone?: string; language?: string } = {}): Promise<TicketView> {
    const res = await anonymous().post<TicketView>('/api/kiosk/check-in', { departmentId, idempotencyKey: kioskKey(), ...(options.phone ? { phone: options.phone } : {}) });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    if (options.language) expect((await anonymous().post(`/api/tickets/${res.body.publicCode}/language`, { language: options.language })).status).to.equal(204);
    return res.body;
  }

  /** Calls the next patient and marks them a no-show, so the doctor is free for the next call. */
  async function callAndSkip(): Promise<void> {
    const called = await desk.post<StaffQueueEntry>(`/api/queue/doctors/${doctorId}/call-next`);
    expect(called.status, JSON.stringify(called.body)).to.equal(200);
    const skipped = await desk.post(`/api/queue/entries/${called.body.id}/skip`, { expectedVersion: called.body.version });
    expect(skipped.status, JSON.stringify(skipped.body)).to.equal(200);
  }

  async function pushService(statuses?: number[]): Promise<FakePushService> {
    const service = await new FakePushService(statuses).start();
    pushServices.push(service);
    return service;
  }

  it('pushes once when the ticket is 3rd in line and once when it is called, and nothing after it ends', async () => {
    const tickets = [await walkIn(), await walkIn(), await walkIn(), await walkIn(), await walkIn()];
    const service = await pushService();
    const asked = await anonymous().post<TicketNoticesView>(`/api/tickets/${tickets[4].publicCode}/notices`, { channel: 'push', subscription: service.subscription() });
    expect(asked.status, JSON.stringify(asked.body)).to.equal(200);
    expect(asked.body.on).to.deep.equal(['push']);
    expect(asked.body.push.publicKey).to.match(/^[A-Za-z0-9_-]{87}$/);
    await settled();
    expect(service.received, 'place 5: nothing yet').to.have.length(0);

    await callAndSkip();
    await settled();
    expect(service.received, 'place 4: nothing yet').to.have.length(0);
    await callAndSkip();
    const [third] = await service.waitForPushes(1);
    expect(third.payload).to.include({ title: 'Test Clinic', url: `/t/${tickets[4].publicCode}`, lang: 'en' });
    expect(third.payload.body).to.equal('Ticket C-005: you are number 3 in line. Please come back to the waiting area.');
    // Signed with the server's VAPID key, as push services require.
    expect(third.authorization).to.match(/^vapid t=.+, k=[A-Za-z0-9_-]{87}$/);

    await callAndSkip();
    await callAndSkip();
    await settled();
    expect(service.received, 'places 2 and 1 are not told again').to.have.length(1);
    const called = await desk.post<StaffQueueEntry>(`/api/queue/doctors/${doctorId}/call-next`);
    expect(called.body.token).to.equal('C-005');
    const pushes = await service.waitForPushes(2);
    expect(pushes[1].payload.body).to.equal('Ticket C-005: please go to Room 3 now.');

    // A recall is not a second notice; once the visit is over nothing is kept.
    const recalled = await desk.post<StaffQueueEntry>(`/api/queue/entries/${called.body.id}/recall`, { expectedVersion: called.body.version });
    expect(recalled.status).to.equal(200);
    const started = await desk.post<StaffQueueEntry>(`/api/queue/entries/${called.body.id}/start-consultation`, { expectedVersion: recalled.body.version });
    expect((await desk.post(`/api/queue/entries/${called.body.id}/complete`, { expectedVersion: started.body.version })).status).to.equal(200);
    await settled();
    expect(await TicketNotice.count({ where: { queueEntryId: called.body.id } }), 'a finished ticket keeps no subscription').to.equal(0);
    expect(service.received).to.have.length(2);
  });

  it('sends nothing for a ticket that left the queue, and refuses requests for ended tickets (ticket_ended)', async () => {
    const first = await walkIn();
    const leaving = await walkIn();
    const service = await pushService();
    expect((await anonymous().post(`/api/tickets/${leaving.publicCode}/notices`, { channel: 'push', subscription: service.subscription() })).status).to.equal(200);
    // Place 2 already: told at once.
    await service.waitForPushes(1);
    expect((await anonymous().post(`/api/queue/tickets/${leaving.publicCode}/cancel`)).status).to.equal(200);
    await callAndSkip();
    await settled();
    expect(service.received, 'nothing after the patient left').to.have.length(1);
    expect(await TicketNotice.count()).to.equal(0);

    const ended = await anonymous().post(`/api/tickets/${leaving.publicCode}/notices`, { channel: 'sms' });
    expect([ended.status, ended.body.error.id]).to.deep.equal([409, 'ticket_ended']);
    const noShow = await anonymous().post(`/api/tickets/${first.publicCode}/notices`, { channel: 'push', subscription: service.subscription() });
    expect([noShow.status, noShow.body.error.id]).to.deep.equal([409, 'ticket_ended']);
  });

  it('texts the phone typed at the kiosk, in the ticket\'s language, through the gateway with its token', async () => {
    await walkIn();
    await walkIn();
    await walkIn();
    const spanish = await walkIn({ phone: '+44 7700 900123', language: 'es' });
    const page = await (await fetch(`${server.baseUrl}/t/${spanish.publicCode}`)).text();
    expect(page).to.include('data-sms="offered"').and.include('Avisarme cuando sea el 3.º de la cola y cuando me llamen.');

    const asked = await anonymous().post<TicketNoticesView>(`/api/tickets/${spanish.publicCode}/notices`, { channel: 'sms' });
    expect(asked.status, JSON.stringify(asked.body)).to.equal(200);
    expect(asked.body.on).to.deep.equal(['sms']);
    expect((await anonymous().post(`/api/tickets/${spanish.publicCode}/notices`, { channel: 'sms' })).status, 'asking twice is fine').to.equal(200);
    expect(await TicketNotice.count()).to.equal(1);
    await settled();
    expect(sms.received).to.have.length(0);

    await callAndSkip();
    const [third] = await sms.waitForTexts(1);
    expect(third).to.deep.equal({
      to: '+447700900123',
      text: 'Test Clinic: Turno C-004: es el número 3 de la cola. Vuelva a la sala de espera, por favor.',
      authorization: 'Bearer gateway-token',
    });
    await callAndSkip();
    await callAndSkip();
    await desk.post(`/api/queue/doctors/${doctorId}/call-next`);
    const texts = await sms.waitForTexts(2);
    expect(texts[1].text).to.equal('Test Clinic: Turno C-004: pase ahora a Sala 3.');
    expect(texts.map((t) => t.text).join(' ')).not.to.match(/7700|Cardiolog/);
  });

  it('answers no_phone when no phone was typed, and refuses push endpoints that are not a public https service', async () => {
    const ticket = await walkIn();
    const noPhone = await anonymous().post(`/api/tickets/${ticket.publicCode}/notices`, { channel: 'sms' });
    expect([noPhone.status, noPhone.body.error.id]).to.deep.equal([422, 'no_phone']);
    const bad = await anonymous().post(`/api/tickets/${ticket.publicCode}/notices`, { channel: 'fax' });
    expect([bad.status, bad.body.error.id]).to.deep.equal([422, 'validation_failed']);
    const unknown = await anonymous().post('/api/tickets/AAAAAAAAAAAAAAAA/notices', { channel: 'sms' });
    expect([unknown.status, unknown.body.error.id]).to.deep.equal([404, 'not_found']);
    const status = await anonymous().get<TicketNoticesView>(`/api/tickets/${ticket.publicCode}/notices`);
    expect(status.body).to.deep.include({ sms: { available: false }, on: [] });

    // Without the tests' hook: https to a public name only (no private addresses, no plain http).
    expect(pushEndpointAllowed('https://fcm.googleapis.com/fcm/send/abc')).to.equal(true);
    expect(pushEndpointAllowed('https://updates.push.services.mozilla.com/wpush/v2/abc')).to.equal(true);
    for (const endpoint of ['http://fcm.googleapis.com/x', 'https://127.0.0.1/x', 'https://10.0.0.5/x', 'https://[::1]/x', 'https://localhost/x', 'https://printer.local/x', 'https://localhost./x', 'https://printer.local./x', 'https://intranet/x', 'https://user:pw@push.example.com/x']) {
      expect(pushEndpointAllowed(endpoint), endpoint).to.equal(false);
    }
  });

  it('posts to no push endpoint whose name resolves to a private address (checked again when sending)', async () => {
    const service = await pushService();
    // Without the tests' hook: the endpoint's address (127.0.0.1 here) is looked up before each send.
    const sender = new PushSender('mailto:clinic@example.com');
    expect(await sender.send(service.subscription(), { body: 'x' }, 60)).to.equal('failed');
    expect(service.received.length).to.equal(0);
    const resolvingTo = (...addresses: string[]) => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    expect(await resolvesPublic('push.example.net', resolvingTo('10.1.2.3'))).to.equal(false);
    expect(await resolvesPublic('push.example.net', resolvingTo('142.250.1.1', 'fd00::1'))).to.equal(false);
    expect(await resolvesPublic('push.example.net', resolvingTo('169.254.169.254'))).to.equal(false);
    expect(await resolvesPublic('push.example.net', resolvingTo('::ffff:127.0.0.1'))).to.equal(false);
    expect(await resolvesPublic('push.example.net', resolvingTo('142.250.1.1', '2a00:1450::1'))).to.equal(true);
  });

  it('forgets a push subscription the push service says is gone (410)', async () => {
    await walkIn();
    const ticket = await walkIn();
    const service = await pushService([410]);
    await anonymous().post(`/api/tickets/${ticket.publicCode}/notices`, { channel: 'push', subscription: service.subscription() });
    await service.waitFor(1);
    await settled();
    expect(await TicketNotice.count()).to.equal(0);
  });

  it('retries a push after a network error or a 5xx, and sends it once', async () => {
    await walkIn();
    const ticket = await walkIn();
    const service = await pushService([503, 503, 201]);
    await anonymous().post(`/api/tickets/${ticket.publicCode}/notices`, { channel: 'push', subscription: service.subscription() });
    await service.waitFor(3);
    expect(service.pushes().map((p) => p.payload.body)).to.deep.equal(Array(3).fill('Ticket C-002: you are number 2 in line. Please come back to the waiting area.'));
    expect((await TicketNotice.findOne())!.thirdSentAt).to.be.instanceOf(Date);
  });

  it('follows a transfer: the new queue\'s ticket is told again; earlier days\' requests are deleted', async () => {
    for (let i = 0; i < 4; i++) await walkIn();
    const ticket = await walkIn();
    const service = await pushService();
    await anonymous().post(`/api/tickets/${ticket.publicCode}/notices`, { channel: 'push', subscription: service.subscription() });
    const gp = await openDepartment('General Practice', 'G', { room: 'Room 7' });
    const entry = await QueueEntry.findOne({ where: { publicCode: ticket.publicCode } });
    const moved = await desk.post<StaffQueueEntry>(`/api/queue/entries/${entry!.id}/transfer`, { expectedVersion: entry!.version, toDepartmentId: gp.department.id, reason: 'Seen by the GP first' });
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200);
    const [told] = await service.waitForPushes(1);
    expect(told.payload.body).to.equal(`Ticket ${moved.body.token}: you are number 1 in line. Please come back to the waiting area.`);
    expect(await TicketNotice.count({ where: { queueEntryId: moved.body.id } })).to.equal(1);

    // The next clinic day: the first look at any queue deletes the day before's requests.
    server.clock.shift(24 * 3600_000);
    try {
      server.services.notices.dispatcher.recheck(gp.department.id);
      await settled();
    } finally {
      server.clock.set(null);
    }
    expect(await TicketNotice.count(), 'deleted once their day is over').to.equal(0);
  });

  it('sends the dashboard\'s sign-in code to a phone through the SMS gateway', async () => {
    expect(await server.services.patientPortal.register((await makePatient({ phone: '+447700900457' })).id)).to.equal(true);
    const res = await anonymous().post('/api/me/sign-in/code', { identifier: '+44 7700 900457' });
    expect(res.status, JSON.stringify(res.body)).to.equal(202);
    const [text] = await sms.waitForTexts(1);
    expect(text.to).to.equal('+447700900457');
    expect(text.text).to.match(/^Your clinic sign-in code is \d{6}\./);
  });
});

describe('notices without an SMS gateway', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('answers notices_unavailable for SMS and does not offer it on the ticket page', async () => {
    await resetDatabase();
    await awayFromMidnight();
    const { department } = await openDepartment('Cardiology', 'C');
    const ticket = (await new Agent(server).post<TicketView>('/api/kiosk/check-in', { departmentId: department.id, phone: '07700 900123', idempotencyKey: kioskKey() })).body;
    const res = await new Agent(server).post(`/api/tickets/${ticket.publicCode}/notices`, { channel: 'sms' });
    expect([res.status, res.body.error.id]).to.deep.equal([409, 'notices_unavailable']);
    const page = await (await fetch(`${server.baseUrl}/t/${ticket.publicCode}`)).text();
    expect(page).to.include('data-field="notify"').and.not.include('data-sms=');
    const worker = await fetch(`${server.baseUrl}/t/sw.js`);
    expect(worker.headers.get('content-type')).to.match(/javascript/);
    expect(await worker.text()).to.include('showNotification');
  });
});
