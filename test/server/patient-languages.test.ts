import { expect } from 'chai';
import { AuditLog } from '../../server/models';
import type { TicketView } from '../../common/api';
import { signedIn } from '../support/admin';
import { resetDatabase } from '../support/db';
import { Agent } from '../support/http';
import { awayFromMidnight, kioskKey, openDepartment } from '../support/kiosk';
import { startTestServer, type TestServer } from '../support/server';

describe("the patient's language on server pages", () => {
  let server: TestServer;
  let ticket: TicketView;
  let departmentId: number;

  const page = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(server.baseUrl + path, { headers });
    return { status: res.status, html: await res.text() };
  };

  before(async () => {
    server = await startTestServer();
  });
  beforeEach(async () => {
    await resetDatabase();
    await awayFromMidnight();
    const { department } = await openDepartment('General Practice', 'G', { name: 'Dr Amina Okafor', room: 'Room 3' });
    departmentId = department.id;
    const res = await new Agent(server).post<TicketView>('/api/kiosk/check-in', { departmentId, idempotencyKey: kioskKey() });
    expect(res.status).to.equal(201);
    ticket = res.body;
  });
  after(() => server.close());

  it('shows the ticket page in ?lang=, right to left for Arabic', async () => {
    const { html } = await page(`/t/${ticket.publicCode}?lang=ar`);
    expect(html).to.match(/<html lang="ar" dir="rtl">/);
    expect(html).to.include('رقمك').and.include('أنت التالي');
    expect(html).not.to.include('Your number');
    const es = await page(`/t/${ticket.publicCode}?lang=es`);
    expect(es.html).to.match(/<html lang="es" dir="ltr">/);
    expect(es.html).to.include('Es el siguiente');
  });

  it('uses the language recorded at check-in, then Accept-Language, and ?lang= above both', async () => {
    expect((await page(`/t/${ticket.publicCode}`, { 'accept-language': 'es-ES,es;q=0.9' })).html).to.include('Es el siguiente');
    const recorded = await new Agent(server).post(`/api/tickets/${ticket.publicCode}/language`, { language: 'ar' });
    expect(recorded.status).to.equal(204);
    expect((await page(`/t/${ticket.publicCode}`, { 'accept-language': 'es' })).html).to.match(/<html lang="ar" dir="rtl">/);
    expect((await page(`/t/${ticket.publicCode}?lang=en`, { 'accept-language': 'es' })).html).to.include("You&#x27;re next");
    const bad = await new Agent(server).post(`/api/tickets/${ticket.publicCode}/language`, { language: 'xx' });
    expect(bad.status).to.equal(422);
    expect(bad.body.error.id).to.equal('validation_failed');
    const unknown = await new Agent(server).post('/api/tickets/AAAAAAAAAAAAAAAA/language', { language: 'es' });
    expect(unknown.status).to.equal(404);
  });

  it('prints the ticket in Arabic, its QR code opening the Arabic page', async () => {
    const { html } = await page(`/t/${ticket.publicCode}/print?lang=ar`);
    expect(html).to.match(/<html lang="ar" dir="rtl">/);
    expect(html).to.include('رقمك').and.include('القسم').and.include(`/t/${ticket.publicCode}?lang&#x3D;ar`);
    const svg = await (await fetch(`${server.baseUrl}/t/${ticket.publicCode}/qr.svg?lang=ar`)).text();
    expect(svg).to.match(/^<svg/);
  });

  it('names departments in the patient language once an admin gives the labels', async () => {
    const { agent } = await signedIn(server, 'admin');
    const saved = await agent.request('PUT', `/api/departments/${departmentId}/labels`, { labels: { es: 'Medicina general', ar: 'الطب العام', en: 'ignored' } });
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
    expect(saved.body.labels).to.deep.equal({ es: 'Medicina general', ar: 'الطب العام' });
    const labels = await new Agent(server).get('/api/department-labels');
    expect(labels.body.labels).to.deep.equal({ [departmentId]: { es: 'Medicina general', ar: 'الطب العام' } });
    expect((await page(`/t/${ticket.publicCode}?lang=ar`)).html).to.include('الطب العام');
    expect((await page(`/t/${ticket.publicCode}?lang=en`)).html).to.include('General Practice');
    const reception = (await signedIn(server, 'reception')).agent;
    expect((await reception.request('PUT', `/api/departments/${departmentId}/labels`, { labels: { es: 'X' } })).status).to.equal(403);
    expect((await new Agent(server).request('PUT', `/api/departments/${departmentId}/labels`, { labels: { es: 'X' } })).status).to.equal(401);
  });

  it("takes the names in other languages with the department's own form (create and edit), audited", async () => {
    const { agent } = await signedIn(server, 'admin');
    const created = await agent.post('/api/departments', { name: 'Cardiology', prefix: 'CA', labels: { es: ' Cardiología ', ar: 'أمراض القلب' } });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect(created.body.department.labels).to.deep.equal({ es: 'Cardiología', ar: 'أمراض القلب' });
    const id = created.body.department.id;
    // An empty text removes a language's name: patients then read the department's own name.
    const edited = await agent.request('PATCH', `/api/departments/${id}`, { labels: { es: 'Cardiología', ar: '' } });
    expect(edited.body.department.labels).to.deep.equal({ es: 'Cardiología' });
    const listed = (await agent.get('/api/departments')).body.departments.find((d: { id: number }) => d.id === id);
    expect(listed.labels).to.deep.equal({ es: 'Cardiología' });
    expect((await AuditLog.findAll({ where: { action: 'department.update', entityId: String(id) } })).length).to.equal(1);
    const bad = await agent.request('PATCH', `/api/departments/${id}`, { labels: { fr: 'Cardiologie' } });
    expect(bad.status).to.equal(422);
    expect((await agent.request('PATCH', `/api/departments/${id}`, { labels: { es: 'x'.repeat(101) } })).status).to.equal(422);
  });
});
