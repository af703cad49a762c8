import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Department } from '../../server/models';
import { resetDatabase } from '../support/db';
import { addDays } from '../../server/services/clinic-time';
import { mondayInWeeks, slotAt, slotSoon } from '../support/admin';
import { makeDoctor, makePatient } from '../support/clinic-factories';
import { createDepartment, createStaff } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, signInToStaffPanel } from '../support/browser';
import { agentFor, openStaffPanelAs } from '../support/session';
import { expectNoSeriousA11yViolations } from './axe-check';
import { cutTextsWithoutTitle, shownInFull } from './cut-text';

/**
 * axe-core finds no critical or serious WCAG 2.2 A/AA fault on any staff section (issue 19): every admin section as
 * it opens, and reception's screens (desk, appointments and the calendar's panels, patients) full of a day's work.
 */
describe('staff panel accessibility (axe-core in Chromium)', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let department: Department;

  before(async function () {
    this.timeout(60_000);
    await resetDatabase();
    server = await startTestServer();
    department = await createDepartment({ name: 'General Practice', prefix: 'G' });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('has no critical or serious violation, and no text cut without its title, on any admin section', async function () {
    this.timeout(180_000);
    const admin = await createStaff({ role: 'admin' });
    await signInToStaffPanel(page, server.baseUrl, admin.email, admin.password);
    // Every admin section of admin/src/shell/sections.ts (the test runs in Node, so the list is written out).
    for (const id of ['desk', 'appointments', 'patients', 'schedules', 'staff', 'doctors', 'medicines', 'departments', 'devices', 'reports', 'audit', 'settings']) {
      await page.goto(`${server.baseUrl}/admin#/${id}`);
      await page.waitForSelector(`mq-role-home[section="${id}"]`);
      await page.waitForLoadState('networkidle');
      await expectNoSeriousA11yViolations(page, `#/${id}`);
      expect(await cutTextsWithoutTitle(page), `text cut short with no title on #/${id}`).to.deep.equal([]);
    }
  });

  it("has none on reception's screens with a day's work in them (desk, calendar and its panels, patients), and no name cut without a way to read it", async function () {
    this.timeout(180_000);
    // Long names on purpose: they are where text gets cut and contrast gets tested on busy rows.
    const staff = await createStaff({ role: 'doctor', fullName: 'Dr Maximiliane Oyelaran-Featherstonehaugh' });
    const doctor = await makeDoctor({ userId: staff.user.id, departmentId: department.id });
    const reception = await createStaff({ role: 'reception' });
    const desk = await agentFor(server, reception.user);
    let key = 0;
    for (const [fullName, extra] of [
      ['Bartholomew Alexander Konstantinopoulos-Wetherspoon', {}],
      ['Siobhán Ní Dhomhnaill', { priority: 'emergency' }],
      [null, {}],
    ] as const) {
      const patient = fullName ? await makePatient({ fullName }) : null;
      const res = await desk.post('/api/queue/check-in', {
        departmentId: department.id, doctorId: doctor.id, idempotencyKey: `a11y-${process.pid}-${++key}`, ...(patient ? { patientId: patient.id } : {}), ...extra,
      });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
    }
    const book = async (slotId: number, fullName: string) => {
      const patient = await makePatient({ fullName });
      expect((await desk.post('/api/appointments', { slotId, patientId: patient.id })).status).to.equal(201);
    };
    await book((await slotSoon(doctor, 90)).id, 'Anna-Katharina Vasquez-Oyelaran');
    const monday = mondayInWeeks(1);
    await book((await slotAt(doctor, monday, '09:00', 20)).id, 'Wilhelmina Theodora Abernathy-Castellanos');
    await slotAt(doctor, monday, '09:20', 20);
    await slotAt(doctor, addDays(monday, 2), '14:00', 20);

    /** axe-core finds nothing serious, and every name cut short shows in full on hover. */
    const check = async (where: string) => {
      await expectNoSeriousA11yViolations(page, where);
      expect(await cutTextsWithoutTitle(page), `text cut short with no title on ${where}`).to.deep.equal([]);
    };

    await openStaffPanelAs(page, server, reception.user, 'desk');
    await page.locator('mq-reception-desk').getByText('Bartholomew Alexander Konstantinopoulos-Wetherspoon').first().waitFor();
    await page.locator('mq-reception-desk').getByText('Anna-Katharina Vasquez-Oyelaran').first().waitFor();
    await page.waitForLoadState('networkidle');
    await check("the reception desk with arrivals and today's appointments");
    // At 1280 px every Print link and Check in button shows without scrolling its table sideways.
    await page.setViewportSize({ width: 1280, height: 1000 });
    const actions = page.locator('mq-reception-desk').locator('a[aria-label^="Print ticket"], button[aria-label^="Check in "]');
    expect(await actions.count()).to.equal(4);
    for (const action of await actions.all()) {
      const shown = await action.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const wrap = el.closest('.table-wrap')!.getBoundingClientRect();
        return box.left >= wrap.left - 1 && box.right <= wrap.right + 1;
      });
      expect(shown, `${await action.getAttribute('aria-label')} is cut off at 1280 px`).to.equal(true);
    }
    await page.setViewportSize({ width: 1400, height: 1000 });

    await page.goto(`${server.baseUrl}/admin#/appointments`);
    const appointments = page.locator('mq-appointments');
    await appointments.getByRole('button', { name: 'Next week' }).click();
    const booked = appointments.getByRole('button', { name: /09:00 Booked · Wilhelmina/ });
    await booked.waitFor();
    await check('the week calendar');
    // A name the slot cuts short shows in full while the slot has the keyboard's focus.
    expect(await shownInFull(booked, '.who')).to.equal(false);
    expect(await booked.locator('.full').isVisible()).to.equal(false);
    await page.keyboard.press('Shift');
    await booked.focus();
    await booked.locator('.full').getByText('Booked · Wilhelmina Theodora Abernathy-Castellanos').waitFor();
    expect(await shownInFull(booked, '.full')).to.equal(true);
    await booked.click();
    await appointments.getByRole('complementary', { name: 'Selected slot' }).getByText(/Wilhelmina Theodora Abernathy-Castellanos/).first().waitFor();
    await check('the calendar with an appointment open');
    await appointments.getByRole('button', { name: /09:20 Free/ }).click();
    await appointments.getByLabel('Find a patient').waitFor();
    await check('the calendar with the booking panel open');

    await page.goto(`${server.baseUrl}/admin#/patients`);
    await page.locator('mq-patients').getByLabel('Search patients').fill('Wilhelmina');
    await page.locator('mq-patients').getByText('Wilhelmina Theodora Abernathy-Castellanos').first().waitFor();
    await check('the patients section with a search result');
  });
});
