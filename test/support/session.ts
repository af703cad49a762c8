import type { BrowserContext, Page } from 'playwright-core';
import type { User } from '../../server/models';
import { SESSION_COOKIE } from '../../server/services/auth';
import { Agent } from './http';
import type { TestServer } from './server';

/**
 * Signed-in sessions for tests that are not about signing in. The session is opened by the server's own
 * AuthService (a real, audited row in the test database, with the real idle lifetime); only the password check and
 * the form are skipped. Tests of signing in itself use `Agent.signIn` or the staff panel's form.
 */

/** Opens a session for `user` on `server` and returns its cookie token. */
export async function openSession(server: TestServer, user: User): Promise<string> {
  const { token } = await server.services.auth.openSession(user, { ip: '127.0.0.1', userAgent: 'mediqueue-tests' });
  return token;
}

/** An HTTP agent carrying a new session of `user`, as if it had signed in. */
export async function agentFor(server: TestServer, user: User): Promise<Agent> {
  const agent = new Agent(server);
  agent.cookie = `${SESSION_COOKIE}=${await openSession(server, user)}`;
  return agent;
}

/** Gives a browser context a new session of `user` (the cookie the sign-in form would have set). */
export async function addSessionCookie(context: BrowserContext, server: TestServer, user: User): Promise<void> {
  const token = await openSession(server, user);
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: server.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
}

/**
 * Opens the staff panel at `section` (`desk` opens `/admin#/desk`) already signed in as `user`, and waits until the
 * section is shown, so the test starts on a signed-in screen without going through the form.
 */
export async function openStaffPanelAs(page: Page, server: TestServer, user: User, section?: string): Promise<void> {
  await addSessionCookie(page.context(), server, user);
  await page.goto(`${server.baseUrl}/admin${section ? `#/${section}` : ''}`);
  await page.waitForSelector(`mq-role-home[section${section ? `="${section}"` : ''}]`);
}
