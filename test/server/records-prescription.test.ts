import { expect } from 'chai';
import { chromium, type Browser } from 'playwright-core';
import type { RecordView, SignOffResponse } from '../../common/records';
import { AuditLog } from '../../server/models';
import { resetDatabase } from '../support/db';
import { allergicPatient, fullDraft, recordsClinic, signedInDoctor, visitWithDraft, type RecordsClinic, type SignedInDoctor } from '../support/records';
import { startTestServer, type TestServer } from '../support/server';
import { CHROMIUM_ARGS } from '../support/browser';


/** A5 in PostScript points (148 x 210 mm). */
const A5 = { width: (148 / 25.4) * 72, height: (210 / 25.4) * 72 };

describe('records API: the printable prescription', () => {
  let server: TestServer;
  let clinic: RecordsClinic;
  let doctor: SignedInDoctor;
  let signed: RecordView;
  let draft: RecordView;
  let withoutMedicines: RecordView;

  before(async () => {
    server = await startTestServer({ env: { CLINIC_NAME: 'Riverside <Family> Clinic' } });
    await resetDatabase();
    clinic = await recordsClinic(server);
    doctor = await signedInDoctor(server, clinic.department);
    const patient = await allergicPatient({ fullName: "Ada O'Brien", dateOfBirth: '1985-06-15' });
    const { entry, record } = await visitWithDraft(clinic.reception.agent, doctor, patient);
    const saved = await doctor.agent.request<RecordView>('PUT', `/api/records/${record.id}`, fullDraft(0, {
      items: [
        { medicine: 'Amoxicillin 500 mg capsules', dose: '500 mg', route: 'oral', frequency: 'three times a day', duration: '5 days', instructions: 'Take with food <b>always</b>.' },
        { medicine: 'Paracetamol 500 mg tablets', dose: '1 g', route: 'oral', frequency: 'every 6 hours as needed', duration: '5 days', instructions: null },
      ],
    }));
    const res = await doctor.agent.post<SignOffResponse>(`/api/records/${record.id}/sign`, { revision: saved.body.revision, expectedVersion: entry.version });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    signed = res.body.record;

    const other = await signedInDoctor(server, clinic.department);
    draft = (await visitWithDraft(clinic.reception.agent, other, await allergicPatient())).record;

    const third = await signedInDoctor(server, clinic.department);
    const visit = await visitWithDraft(clinic.reception.agent, third, await allergicPatient());
    const noItems = await third.agent.request<RecordView>('PUT', `/api/records/${visit.record.id}`, fullDraft(0, { items: [] }));
    const done = await third.agent.post<SignOffResponse>(`/api/records/${visit.record.id}/sign`, { revision: noItems.body.revision, expectedVersion: visit.entry.version });
    expect(done.status, JSON.stringify(done.body)).to.equal(200);
    withoutMedicines = done.body.record;
  });
  after(() => server.close());

  it('renders an A5 page with clinic, doctor and licence, patient, date, every medicine with full dosing, and a signature line', async () => {
    const res = await doctor.agent.get<string>(`/api/records/${signed.id}/prescription`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).to.equal('no-store');
    expect(res.headers.get('content-security-policy')).to.contain("default-src 'none'");
    const html = res.body;
    expect(html).to.contain('@page { size: A5');
    expect(html).to.contain('Riverside &lt;Family&gt; Clinic');
    expect(html).to.contain(doctor.user.fullName);
    expect(html).to.contain(`Licence no. ${doctor.doctor.licenseNumber}`);
    expect(html).to.contain('Ada O&#x27;Brien');
    // Dates through the one formatter, as on the staff screens: "15 Jun 1985", "2 Dec 2026, 14:05 (zone)".
    expect(html).to.contain('15 Jun 1985');
    expect(html).to.match(/\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2} \([A-Za-z_/]+\)/);
    expect(html).to.contain('Amoxicillin 500 mg capsules');
    for (const text of ['Dose: 500 mg', 'Route: oral', 'Frequency: three times a day', 'Duration: 5 days', 'Dose: 1 g', 'Frequency: every 6 hours as needed']) {
      expect(html).to.contain(text);
    }
    expect(html).to.contain('Take with food &lt;b&gt;always&lt;/b&gt;.');
    expect(html).to.contain('Allergies: Penicillin (rash); peanuts');
    expect(html).to.contain('class="signature-line"');
    expect(html.indexOf('Amoxicillin')).to.be.lessThan(html.indexOf('Paracetamol 500 mg tablets'));
    expect(await AuditLog.count({ where: { action: 'prescription.print', entityId: String(signed.id), userId: doctor.user.id } })).to.equal(1);
  });

  it('prints only signed records with medicines, for doctors of the department and admins', async () => {
    const early = await doctor.agent.get(`/api/records/${draft.id}/prescription`);
    expect([early.status, early.body.error.id]).to.deep.equal([409, 'record_not_signed']);
    const empty = await doctor.agent.get(`/api/records/${withoutMedicines.id}/prescription`);
    expect([empty.status, empty.body.error.id]).to.deep.equal([409, 'no_prescription']);

    expect((await clinic.admin.agent.get(`/api/records/${signed.id}/prescription`)).status).to.equal(200);
    expect((await clinic.reception.agent.get(`/api/records/${signed.id}/prescription`)).status).to.equal(403);
    expect((await clinic.outsider.agent.get(`/api/records/${signed.id}/prescription`)).status).to.equal(403);
    expect(await AuditLog.count({ where: { action: 'prescription.print', entityId: String(draft.id) } })).to.equal(0);
  });

  it('prints to a single A5 page in Chromium', async function () {
    this.timeout(60_000);
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
      const context = await browser.newContext();
      const [name, value] = doctor.agent.cookie.split('=');
      await context.addCookies([{ name, value, url: server.baseUrl }]);
      const page = await context.newPage();
      const response = await page.goto(`${server.baseUrl}/api/records/${signed.id}/prescription`);
      expect(response!.status()).to.equal(200);
      // The styles apply under the page's Content-Security-Policy.
      expect(await page.evaluate("getComputedStyle(document.querySelector('.medicine')).fontWeight")).to.equal('700');
      expect(await page.locator('.dosing').first().innerText()).to.contain('Frequency: three times a day');
      const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
      const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
      expect(boxes).to.have.length(1);
      expect(boxes[0][0]).to.be.closeTo(A5.width, 1);
      expect(boxes[0][1]).to.be.closeTo(A5.height, 1);
    } finally {
      await browser?.close();
    }
  });
});
