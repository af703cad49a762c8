import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { sharedBrowser, signInToStaffPanel } from '../support/browser';
import { resetDatabase } from '../support/db';
import { createStaff } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';
// The built front ends (npm test's pretest builds them; run `npx vite build` when running this file alone).

/** The staff panel's sign-in, sign-out and role sections in Chromium (issue 5's shell of /admin). */
describe('staff panel shell in Chromium', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  before(async function () {
    this.timeout(60_000);
    await resetDatabase();
    server = await startTestServer();
    browser = await sharedBrowser();
  });

  after(async () => {
    await server?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  describe('staff panel (/admin)', () => {
    it('signs a doctor in with Enter, shows their name, role and their queue, keeps the session on reload, and signs out', async () => {
      const { email, password } = await createStaff({ role: 'doctor', fullName: 'Dr Amina Okafor' });
      await page.goto(`${server.baseUrl}/admin`);
      const app = page.locator('mq-admin-app');
      await page.waitForSelector('mq-admin-app[phase="signed-out"]');
      await app.getByText('Test Clinic').waitFor();
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByLabel('Password').press('Enter');

      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      await app.getByText('Dr Amina Okafor').first().waitFor();
      await app.getByText('Doctor', { exact: true }).waitFor();
      await app.getByRole('heading', { name: 'Your queue' }).waitFor();
      await page.waitForSelector('mq-admin-app[connection="open"]');

      await page.reload();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      await app.getByText('Dr Amina Okafor').first().waitFor();

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      await app.getByText('You have signed out.').waitFor();
      await page.reload();
      await page.waitForSelector('mq-admin-app[phase="signed-out"]');
    });

    it('shows each role its own sections, opened by the address', async () => {
      const { email, password } = await createStaff({ role: 'reception', fullName: 'Grace Mensah' });
      await signInToStaffPanel(page, server.baseUrl, email, password);
      const nav = page.getByRole('navigation', { name: 'Staff panel sections' });
      expect(await nav.getByRole('link').allTextContents()).to.have.length(3);
      await nav.getByRole('link', { name: /Reception desk/ }).waitFor();
      expect(await nav.getByRole('link', { name: /Reports/ }).count()).to.equal(0);
      await page.waitForSelector('mq-role-home[section="desk"]');

      await nav.getByRole('link', { name: /Patients/ }).click();
      await page.waitForSelector('mq-role-home[section="patients"]');
      expect(page.url()).to.match(/#\/patients$/);
      expect(await nav.getByRole('link', { name: /Patients/ }).getAttribute('aria-current')).to.equal('page');

      // A section the role may not open falls back to the role's home.
      await page.goto(`${server.baseUrl}/admin#/reports`);
      await page.waitForSelector('mq-role-home[section="desk"]');

      const admin = await createStaff({ role: 'admin' });
      await page.getByRole('button', { name: 'Sign out' }).click();
      await signInToStaffPanel(page, server.baseUrl, admin.email, admin.password, 'reports');
      await page.waitForSelector('mq-role-home[section="reports"]');
    });

    it("shows the server's message for a wrong password and lets the user try again", async () => {
      const { email } = await createStaff({ role: 'admin' });
      const { body: expected } = await postSignIn(server, email, 'not the password');
      expect(expected.error.id).to.equal('invalid_credentials');

      await page.goto(`${server.baseUrl}/admin`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      const alert = page.locator('mq-sign-in').getByRole('alert');
      await alert.getByText(expected.error.message).waitFor();
      expect(await page.getByLabel('Password').inputValue()).to.equal('');
      expect(await page.getByLabel('Email').inputValue()).to.equal(email);
      expect(await page.getByRole('button', { name: 'Sign in' }).isEnabled()).to.equal(true);
    });

    it('asks for the missing fields without calling the server', async () => {
      let calls = 0;
      await page.route('**/api/auth/sign-in', (route) => {
        calls += 1;
        return route.continue();
      });
      await page.goto(`${server.baseUrl}/admin`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('mq-sign-in').getByRole('alert').getByText('Enter your email address.').waitFor();
      expect(await page.getByLabel('Email').getAttribute('aria-invalid')).to.equal('true');
      expect(calls).to.equal(0);
    });

    it('disables the button while signing in and shows "too many attempts" in plain words', async () => {
      const strict = await startTestServer({ throttle: { perAccount: 2, perAddress: 100, windowSeconds: 60 } });
      try {
        const { email } = await createStaff({ role: 'doctor' });
        // Use up this account's allowance from the same address the browser comes from.
        for (let i = 0; i < 2; i++) expect((await postSignIn(strict, email, 'wrong')).status).to.equal(401);
        const refused = await postSignIn(strict, email, 'wrong');
        expect(refused.status).to.equal(429);
        expect(refused.body.error.id).to.equal('too_many_attempts');

        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        await page.route('**/api/auth/sign-in', async (route) => {
          await held;
          await route.continue();
        });
        await page.goto(`${strict.baseUrl}/admin`);
        await page.getByLabel('Email').fill(email);
        await page.getByLabel('Password').fill('still wrong');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.locator('mq-sign-in button[type="submit"][disabled]').waitFor();
        release();
        await page.locator('mq-sign-in').getByRole('alert').getByText(refused.body.error.message).waitFor();
        await page.locator('mq-sign-in button[type="submit"]:not([disabled])').waitFor();
      } finally {
        await strict.close();
      }
    });

    it('tells the user in plain words when the server cannot be reached', async () => {
      await page.goto(`${server.baseUrl}/admin`);
      await page.getByLabel('Email').fill('someone@test.clinic');
      await page.getByLabel('Password').fill('whatever');
      await page.route('**/api/auth/sign-in', (route) => route.abort('connectionrefused'));
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('mq-sign-in').getByRole('alert')
        .getByText("Can't reach the clinic server. Check the connection and try again.").waitFor();
    });
  });
});

/** Signs in from the test itself (not the browser), to learn the server's own answer. */
async function postSignIn(target: TestServer, email: string, password: string) {
  const response = await fetch(`${target.baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: response.status, body: (await response.json()) as { error: { id: string; message: string } } };
}
