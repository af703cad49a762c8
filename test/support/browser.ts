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
 * Switches of the run's shared Chromium: sound without a tap, as on an unattended waiting-room display (display
 * tests hear announcements). The one test of the tap prompt launches its own browser with the default policy.
 */
export const SHARED_BROWSER_ARGS = ['--autoplay-policy=no-user-gesture-required'];

let shared: Promise<Browser> | undefined;

/**
 * The test run's one Chromium, launched on first use and shared by every browser test file; each test opens its own
 * context (cookies, storage and viewport of its own) and closes it. Launching Chromium costs seconds on this
 * machine, so files do not launch their own. The root hook in test/support/hooks.ts closes it after the run.
 */
export function sharedBrowser(): Promise<Browser> {
  shared ??= launchChromium(SHARED_BROWSER_ARGS);
  return shared;
}

/** Closes the shared Chromium if it was launched (root hook, after the run). */
export async function closeSharedBrowser(): Promise<void> {
  const browser = shared;
  shared = undefined;
  await (await browser)?.close();
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
