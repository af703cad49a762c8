import { expect } from 'chai';
import { QueueEntry, ServerSecret, TicketLanguage } from '../../server/models';
import { CheckInCodes } from '../../server/services/check-in-codes';
import { resetDatabase } from '../support/db';
import { Agent } from '../support/http';
import { awayFromMidnight, openDepartment } from '../support/kiosk';
import { startTestServer, type TestServer } from '../support/server';

describe('phone check-in by the clinic code (/c/<code>)', () => {
  let server: TestServer;
  let departmentId: number;

  const post = (path: string, form: Record<string, string>) =>
    fetch(server.baseUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
    });
  const currentCode = async () => (await new Agent(server).get('/api/check-in-code')).body as { code: string; url: string; qr: string; expiresAt: string };

  before(async () => {
    server = await startTestServer({ env: { PUBLIC_BASE_URL: 'https://queue.example-clinic.org' } });
  });
  beforeEach(async () => {
    await resetDatabase();
    await awayFromMidnight();
    server.clock.set(null);
    server.services.kiosk.checkInLimiter.setLimits({ points: 1000, windowSeconds: 60 });
    ({ department: { id: departmentId } } = await openDepartment('General Practice', 'G'));
  });
  after(() => server.close());

  it('signs codes that last five minutes and refuses tampered ones', async () => {
    let now = new Date('2030-01-09T10:00:00Z');
    const codes = new CheckInCodes(() => now, Buffer.alloc(32, 1));
    const { code, expiresAt } = await codes.issue();
    expect(expiresAt.toISOString()).to.equal('2030-01-09T10:05:00.000Z');
    expect((await codes.check(code)).state).to.equal('valid');
    expect((await codes.check(code.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A')))).state).to.equal('invalid');
    expect((await new CheckInCodes(() => now, Buffer.alloc(32, 2)).check(code)).state, 'another clinic secret').to.equal('invalid');
    // A kiosk's code cannot be turned into the clinic-wide one (or another kiosk's) by editing its text.
    const kiosk = (await codes.issue(7)).code;
    expect(kiosk).to.match(/^k7\./);
    expect((await codes.check(kiosk.slice(3))).state).to.equal('invalid');
    expect((await codes.check(kiosk.replace(/^k7/, 'k8'))).state).to.equal('invalid');
    now = new Date('2030-01-09T10:04:59Z');
    expect((await codes.check(code)).state).to.equal('valid');
    now = new Date('2030-01-09T10:05:00Z');
    expect((await codes.check(code)).state).to.equal('expired');
  });

  it('keeps its secret in the database: a restarted server (or a second one) accepts the code on screen', async () => {
    const { code } = await currentCode();
    const restarted = new CheckInCodes();
    expect((await restarted.check(code)).state).to.equal('valid');
    expect(await ServerSecret.count(), 'one secret, made once').to.equal(1);
    // Two servers starting together on an empty table agree on one secret.
    await ServerSecret.destroy({ where: {} });
    const [a, b] = [new CheckInCodes(), new CheckInCodes()];
    const [fromA] = await Promise.all([a.issue(), b.issue()]);
    expect((await b.check(fromA.code)).state).to.equal('valid');
  });

  it('takes a walk-in from the scanned code to the live ticket page, in the phone language', async () => {
    const { code, url, qr } = await currentCode();
    expect(url).to.equal(`https://queue.example-clinic.org/c/${code}`);
    const svg = await fetch(server.baseUrl + qr);
    expect(svg.headers.get('content-type')).to.match(/svg/);
    const page = await fetch(`${server.baseUrl}/c/${code}`, { headers: { 'accept-language': 'es' } });
    expect(page.status).to.equal(200);
    const html = await page.text();
    expect(html).to.include('<html lang="es" dir="ltr">').and.include('General Practice').and.include('Sacar mi ticket');
    const key = /name="key" value="([^"]+)"/.exec(html.slice(html.indexOf('/walk-in')))![1];

    const res = await post(`/c/${code}/walk-in?lang=es`, { departmentId: String(departmentId), key });
    expect(res.status).to.equal(303);
    const entry = (await QueueEntry.findOne({ where: { departmentId } }))!;
    expect(res.headers.get('location')).to.equal(`/t/${entry.publicCode}?lang=es`);
    expect((await TicketLanguage.findByPk(entry.id))!.language).to.equal('es');
    // The same form sent twice gives the same ticket.
    await post(`/c/${code}/walk-in?lang=es`, { departmentId: String(departmentId), key });
    expect(await QueueEntry.count()).to.equal(1);
  });

  it('refuses an expired or forged code in plain words, and takes no check-in with it', async () => {
    const { code } = await currentCode();
    server.clock.shift(6 * 60_000);
    const page = await fetch(`${server.baseUrl}/c/${code}?lang=en`);
    expect(page.status).to.equal(410);
    const html = await page.text();
    expect(html).to.include('This check-in code has expired').and.include('scan the code on the waiting-room screen again');
    expect(html).not.to.include('<form');
    const res = await post(`/c/${code}/walk-in`, { departmentId: String(departmentId), key: 'abcdefghijk' });
    expect(res.status).to.equal(410);
    expect(await QueueEntry.count()).to.equal(0);
    expect((await fetch(`${server.baseUrl}/c/zz-forgedforgedforgedforged`)).status).to.equal(410);
    const arabic = await (await fetch(`${server.baseUrl}/c/${code}?lang=ar`)).text();
    expect(arabic).to.include('dir="rtl"').and.include('انتهت صلاحية');
  });

  it('says why a booking code is refused, in the page', async () => {
    const { code } = await currentCode();
    const html = await (await fetch(`${server.baseUrl}/c/${code}`)).text();
    const key = /name="key" value="([^"]+)"/.exec(html)![1];
    const res = await post(`/c/${code}/appointment?lang=en`, { bookingCode: 'ZZZZZZ', key });
    expect(res.status).to.equal(404);
    expect(await res.text()).to.include('We could not find a booking with the code ZZZZZZ');
  });
});
