import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { sharedBrowser } from '../support/browser';
import { makeDoctor, makeQueueEntry } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createDepartment, createStaff } from '../support/factories';
import { clinicDay } from '../../server/services/clinic-time';
import { startTestServer, type TestServer } from '../support/server';
import { openStaffPanelAs } from '../support/session';

/**
 * Every page under the strict Content-Security-Policy (issue 11, point 8): the Lit pages, the display's socket and
 * the reports' Chart.js work with no inline script, and the browser reports no violation.
 */
describe('pages under a strict Content-Security-Policy (Chromium)', function () {
  this.timeout(60_000);
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let violations: string[];

  before(async () => {
    await resetDatabase();
    server = await startTestServer();
    browser = await sharedBrowser();
    const department = await createDepartment({ name: 'Cardiology', prefix: 'C' });
    const doctor = await makeDoctor({ departmentId: department.id });
    const now = new Date();
    await makeQueueEntry({
      departmentId: department.id, doctorId: doctor.id, clinicDay: clinicDay(now, 'Europe/London'), sequence: 1,
      checkedInAt: new Date(now.getTime() - 30 * 60_000), status: 'completed',
      firstCalledAt: new Date(now.getTime() - 20 * 60_000), calledAt: new Date(now.getTime() - 20 * 60_000),
      consultationStartedAt: new Date(now.getTime() - 19 * 60_000), completedAt: new Date(now.getTime() - 5 * 60_000),
    });
  });
  after(() => server?.close());

  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
    violations = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
  });
  afterEach(() => context?.close());

  for (const [path, ready] of [
    ['/kiosk', 'mq-kiosk-app[connection="open"]'],
    ['/display', 'mq-display-app[connection="open"]'],
    ['/book', 'h1'],
    ['/me', 'h2'],
    ['/admin', 'input[type="password"]'],
  ] as const) {
    it(`${path} carries the policy and runs under it with no violation`, async () => {
      const response = await page.goto(server.baseUrl + path);
      const headers = response!.headers();
      expect(headers['content-security-policy']).to.contain("script-src 'self'").and.contain("frame-ancestors 'none'");
      expect(headers['content-security-policy']).not.to.match(/script-src[^;]*unsafe-inline/);
      expect(headers['x-content-type-options']).to.equal('nosniff');
      expect(headers['referrer-policy']).to.equal('no-referrer');
      await page.locator(ready).first().waitFor();
      await page.waitForTimeout(300);
      expect(violations).to.deep.equal([]);
    });
  }

  it('draws the reports\' Chart.js charts under the policy', async () => {
    const admin = await createStaff({ role: 'admin' });
    await openStaffPanelAs(page, server, admin.user, 'reports');
    const charts = page.locator('mq-bar-chart');
    await charts.first().waitFor();
    await page.waitForFunction((el) => Boolean((el as unknown as { chart?: unknown }).chart), await charts.first().elementHandle());
    expect(violations).to.deep.equal([]);
  });
});
