import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { ApiToken } from '../../server/models';
import { resetDatabase } from '../support/db';
import { createStaff } from '../support/factories';
import { TokenClient } from '../support/fhir';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, signInToStaffPanel } from '../support/browser';
import { expectNoSeriousA11yViolations } from './axe-check';

/**
 * Integrations in Chromium (issue 16): an admin creates a FHIR token, copies it (shown once), sees it listed, and
 * revokes it (the token reads the API until then); then registers a webhook. Run `npm run pretest` first.
 */
describe('integrations (API tokens, webhooks) in Chromium', function () {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  before(async function () {
    this.timeout(60_000);
    await resetDatabase();
    server = await startTestServer();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a token that reads the FHIR API, lists it without its secret, and revokes it', async function () {
    this.timeout(90_000);
    const admin = await createStaff({ role: 'admin' });
    await signInToStaffPanel(page, server.baseUrl, admin.email, admin.password, 'integrations');
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    await page.getByLabel('Which system is it for?').fill('Hospital EMR');
    await page.getByRole('button', { name: 'Create a read-only FHIR token' }).click();
    const secret = (await page.getByTestId('new-token').textContent())!.trim();
    expect(secret).to.match(/^mqt_/);
    await page.getByRole('rowheader', { name: 'Hospital EMR' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'API tokens');
    await page.screenshot({ path: '/tmp/mq-16-api-tokens.png', fullPage: true });
    expect((await new TokenClient(server, secret).get('/fhir/R4/Patient')).status).to.equal(200);

    await page.getByRole('button', { name: 'Revoke the token for Hospital EMR' }).click();
    await page.getByRole('button', { name: 'Revoke token' }).click();
    await page.getByText('The token for Hospital EMR is revoked.').waitFor();
    expect((await ApiToken.findOne({ where: { name: 'Hospital EMR' } }))!.revokedAt).to.be.instanceOf(Date);
    expect((await new TokenClient(server, secret).get('/fhir/R4/Patient')).status).to.equal(401);
  });

  it('registers a webhook for chosen events and lists it with its delivery status', async function () {
    this.timeout(60_000);
    await page.getByLabel('Address (https://...)').fill('https://emr.example.org/hooks/mediqueue');
    await page.getByLabel('ticket.called').check();
    await page.getByLabel('visit.completed').check();
    await page.getByRole('button', { name: 'Register webhook' }).click();
    expect((await page.getByTestId('new-hook-secret').textContent())!.trim()).to.match(/^whsec_/);
    const row = page.getByRole('row', { name: /emr\.example\.org/ });
    await row.waitFor();
    expect(await row.textContent()).to.include('ticket.called, visit.completed').and.include('Public-safe').and.include('None yet');
    await expectNoSeriousA11yViolations(page, 'webhooks');
    await page.screenshot({ path: '/tmp/mq-16-integrations.png', fullPage: true });
  });
});
