import { expect } from 'chai';
import type { TicketView } from '../../common/api';
import type { Patient } from '../../server/models';
import { signedIn } from '../support/admin';
import { makeDoctor, makePatient } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createDepartment } from '../support/factories';
import { Agent } from '../support/http';
import { kioskKey } from '../support/kiosk';
import { startTestServer, type TestServer } from '../support/server';

describe('the printed phone sign-in speaks the patient\'s language (issue 17)', () => {
  let server: TestServer;
  let desk: Agent;
  let amira: Patient;
  let ben: Patient;

  before(async () => {
    server = await startTestServer();
    await resetDatabase();
    desk = (await signedIn(server, 'reception')).agent;
    const department = await createDepartment({ name: 'General Practice', prefix: 'G' });
    await makeDoctor({ departmentId: department.id });
    amira = await makePatient({ fullName: 'Amira Said', phone: '+447700900841' });
    ben = await makePatient({ fullName: 'Ben Stone', phone: '+447700900842' });
    // Amira checked in in Arabic once (the kiosk and the phone ticket page record it).
    const ticket = await desk.post<TicketView>('/api/queue/check-in', { departmentId: department.id, patientId: amira.id, idempotencyKey: kioskKey() });
    expect(ticket.status, JSON.stringify(ticket.body)).to.equal(201);
    expect((await new Agent(server).post(`/api/tickets/${ticket.body.publicCode}/language`, { language: 'ar' })).status).to.equal(204);
  });
  after(async () => {
    await server?.close();
  });

  const printed = async (patient: Patient, lang?: string) => {
    const res = await desk.post(`/desk/patients/${patient.id}/sign-in-link${lang ? `?lang=${lang}` : ''}`);
    expect(res.status, String(res.body)).to.equal(200);
    return String(res.body);
  };

  it('prints in the language the patient last checked in in, right to left for Arabic, and the link opens /me in it', async () => {
    const page = await printed(amira);
    expect(page).to.include('<html lang="ar" dir="rtl">');
    expect(page).to.include('Amira');
    const json = await desk.post(`/api/patients/${amira.id}/sign-in-link`);
    expect(json.body.language).to.equal('ar');
    const url = new URL(json.body.url);
    expect([url.pathname, url.search]).to.deep.equal(['/me/', '?lang=ar']);
    expect(url.hash).to.match(/^#link=[\w-]{20,}$/);
  });

  it('prints in the language the desk chose, else English', async () => {
    expect(await printed(amira, 'es')).to.include('<html lang="es" dir="ltr">').and.include('Sus citas en su móvil');
    expect(await printed(ben)).to.include('<html lang="en" dir="ltr">').and.include('Your appointments on your phone');
    const spanish = await desk.post(`/api/patients/${ben.id}/sign-in-link?lang=es`);
    expect(new URL(spanish.body.url).search).to.equal('?lang=es');
    const refused = await desk.post(`/desk/patients/${ben.id}/sign-in-link?lang=xx`);
    expect(refused.status).to.equal(422);
  });
});
