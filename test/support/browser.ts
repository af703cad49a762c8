import { chromium, type Browser, type Page } from 'playwright-core';

/** Chromium switches for the browser tests on this kind of machine (PITFALLS.md): no sandbox as root, no network beyond loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's headless Chromium with {@link CHROMIUM_ARGS} and any extra switches. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * Signs in to the staff panel at `${baseUrl}/admin` through its form and waits until a section is open, so the
 * caller starts on a signed-in screen. Pass `section` to open that section (`#/desk`) straight away.
 */
export async function signInToStaffPanel(page: Page, baseUrl: string, email: string, password: string, section?: string): Promise<void> {
  await page.goto(`${baseUrl}/admin${section ? `#/${section}` : ''}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Password').press('Enter');
  await page.waitForSelector(`mq-role-home[section${section ? `="${section}"` : ''}]`);
}
