import type { Browser, BrowserContext, Page } from 'playwright-core';
import { resetDatabase } from '../support/db';
import { createDepartment, createStaff } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, signInToStaffPanel } from '../support/browser';
import { expectNoSeriousA11yViolations } from './axe-check';

/** axe-core finds no critical or serious WCAG 2.2 A/AA fault on any staff section (issue 19). */
describe('staff panel accessibility (axe-core in Chromium)', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  before(async function () {
    this.timeout(60_000);
    await resetDatabase();
    server = await startTestServer();
    await createDepartment({ name: 'General Practice', prefix: 'G' });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('has no critical or serious violation on any admin section', async function () {
    this.timeout(180_000);
    const admin = await createStaff({ role: 'admin' });
    await signInToStaffPanel(page, server.baseUrl, admin.email, admin.password);
    // Every admin section of admin/src/sections.ts (the test runs in Node, so the list is written out).
    for (const id of ['desk', 'appointments', 'patients', 'schedules', 'staff', 'doctors', 'medicines', 'departments', 'devices', 'reports', 'audit', 'settings']) {
      await page.goto(`${server.baseUrl}/admin#/${id}`);
      await page.waitForSelector(`mq-role-home[section="${id}"]`);
      await page.waitForLoadState('networkidle');
      await expectNoSeriousA11yViolations(page, `#/${id}`);
    }
  });
});
