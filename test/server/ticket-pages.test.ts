import { expect } from 'chai';
import jsQR from 'jsqr';
import type { TicketView } from '../../common/api';
import { QueueEntry } from '../../server/models';
import { makeQueueEntry } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { agentFor } from '../support/session';
import { awayFromMidnight, kioskKey, openDepartment } from '../support/kiosk';
import { startTestServer, type TestServer } from '../support/server';

describe("the patient's ticket pages (/t/<code>)", () => {
  let server: TestServer;
  let ticket: TicketView;
  let departmentId: number;
  let doctorId: number;

  const get = (path: string) => fetch(server.baseUrl + path, { redirect: 'manual' });

  before(async () => {
    server = await startTestServer({ env: { PUBLIC_BASE_URL: 'https://queue.example-clinic.org' } });
  });
  beforeEach(async () => {
    await resetDatabase();
    await awayFromMidnight();
    const { department, doctor } = await openDepartment('Cardiology', 'C', { name: 'Dr Amina Okafor', room: 'Room 3' });
    departmentId = department.id;
    doctorId = doctor.id;
    const res = await new Agent(server).post<TicketView>('/api/kiosk/check-in', {
      departmentId,
      firstName: 'Zainab',
      phone: '07700 900123',
      idempotencyKey: kioskKey(),
    });
    expect(res.status).to.equal(201);
    ticket = res.body;
  });
  after(() => server.close());

  it('renders the ticket without JavaScript: token, place, wait; no name; private headers', async () => {
    await new Agent(server).post('/api/kiosk/check-in', { departmentId, idempotencyKey: kioskKey() });
    const res = await get(`/t/${ticket.publicCode}`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^text\/html/);
    expect(res.headers.get('referrer-policy')).to.equal('no-referrer');
    expect(res.headers.get('cache-control')).to.equal('no-store');
    expect(res.headers.get('content-security-policy')).to.match(/script-src 'self'/);
    const html = await res.text();
    expect(html).to.include('C-001').and.include('Test Clinic').and.include('Cardiology');
    expect(html).to.include("You&#x27;re next");
    expect(html).to.match(/<noscript><meta http-equiv="refresh" content="30"><\/noscript>/);
    expect(html).to.include(`href="/t/${ticket.publicCode}/leave?lang=en">`);
    expect(html).to.not.match(/Zainab|07700/);
  });

  it('shows "Please go to Room 3" once a doctor calls the token', async () => {
    const { user } = await createStaff({ role: 'reception' });
    const desk = await agentFor(server, user);
    expect((await desk.post(`/api/queue/doctors/${doctorId}/call-next`)).status).to.equal(200);
    const html = await (await get(`/t/${ticket.publicCode}`)).text();
    expect(html).to.match(/<h1 data-field="headline">Please go to Room 3<\/h1>/);
    expect(html).to.include('data-tone="called"');
  });

  it('answers an unknown, malformed or past-day code with a friendly 404 page', async () => {
    const old = await makeQueueEntry({ departmentId, clinicDay: '2020-01-02' });
    for (const code of ['AAAAAAAAAAAAAAAAAAAAAA', 'not a code!', old.publicCode]) {
      const res = await get(`/t/${encodeURIComponent(code)}`);
      expect(res.status, code).to.equal(404);
      expect(res.headers.get('content-type')).to.match(/^text\/html/);
      const html = await res.text();
      expect(html).to.include('We can&#x27;t find this ticket');
      expect(html).to.not.include('"error"');
    }
    expect((await get(`/t/${old.publicCode}/qr.svg`)).status).to.equal(404);
  });

  it('serves a QR code made on the server that links to the ticket page at PUBLIC_BASE_URL', async () => {
    const res = await get(`/t/${ticket.publicCode}/qr.svg`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^image\/svg\+xml/);
    const decoded = decodeSvgQr(await res.text());
    expect(decoded).to.equal(`https://queue.example-clinic.org/t/${ticket.publicCode}`);
  });

  it('renders the printed ticket for 80 mm paper with clinic, token, department, place, time and QR code', async () => {
    const html = await (await get(`/t/${ticket.publicCode}/print`)).text();
    expect(html).to.match(/@page \{[^}]*size: 80mm auto; margin: 0;/);
    expect(html).to.include('Test Clinic').and.include('C-001').and.include('Cardiology').and.include('<svg');
    expect(html).to.include(`https://queue.example-clinic.org/t/${ticket.publicCode}`);
    expect(html).to.not.match(/Zainab|07700/);
  });

  it('lets the patient leave the queue after confirming, without JavaScript', async () => {
    const confirm = await (await get(`/t/${ticket.publicCode}/leave`)).text();
    expect(confirm).to.include('Leave the queue?');
    expect(confirm).to.include(`<form method="post" action="/t/${ticket.publicCode}/leave?lang=en">`);
    expect((await QueueEntry.findOne({ where: { publicCode: ticket.publicCode } }))!.status).to.equal('waiting');

    const left = await fetch(`${server.baseUrl}/t/${ticket.publicCode}/leave`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    });
    expect(left.status).to.equal(303);
    expect(left.headers.get('location')).to.equal(`/t/${ticket.publicCode}?left=1`);
    expect((await QueueEntry.findOne({ where: { publicCode: ticket.publicCode } }))!.status).to.equal('cancelled');
    const after = await (await get(`/t/${ticket.publicCode}?left=1`)).text();
    expect(after).to.include('You have left the queue');
    // The link stays in the page (hidden) so the live script can bring it back if the visit resumes.
    expect(after).to.include(`href="/t/${ticket.publicCode}/leave?lang=en" hidden>`);
  });
});

/**
 * Reads the QR code in the `qrcode` package's SVG (one path of horizontal runs, "M{x} {y}h{n}" and "m{dx} {dy}h{n}")
 * back into modules, scales it up and decodes it with jsQR, as a phone camera would read the printed code.
 */
function decodeSvgQr(svg: string): string | null {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)![1]);
  const path = /<path stroke="#000000" d="([^"]+)"/.exec(svg)![1];
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, op, a, b] of path.matchAll(/([MmHhVv])([\d.-]+)(?:[ ,]([\d.-]+))?/g)) {
    const n = Number(a);
    if (op === 'M') [x, y] = [n, Number(b)];
    else if (op === 'm') [x, y] = [x + n, y + Number(b)];
    else if (op === 'h') {
      for (let i = 0; i < n; i++) dark.add(`${x + i},${Math.floor(y)}`);
      x += n;
    }
  }
  const scale = 8;
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let py = 0; py < width; py++) {
    for (let px = 0; px < width; px++) {
      if (!dark.has(`${Math.floor(px / scale)},${Math.floor(py / scale)}`)) continue;
      pixels.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
    }
  }
  return jsQR(pixels, width, width)?.data ?? null;
}
