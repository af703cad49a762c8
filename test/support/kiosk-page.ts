import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import jsQR from 'jsqr';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { ROOT_DIR } from '../../server/config';
import type { Department, DoctorProfile } from '../../server/models';
import { sharedBrowser } from './browser';
import { resetDatabase } from './db';
import { createDepartment } from './factories';
import { Agent } from './http';
import { awayFromMidnight, kioskKey, openDepartment, workingDoctor } from './kiosk';
import { startTestServer, type TestServer } from './server';

/** The public address the kiosk's QR codes point at in these tests. */
export const PUBLIC_BASE_URL = 'https://queue.example-clinic.org';
/** The kiosk's usual portrait screen, and a landscape tablet. */
export const PORTRAIT = { width: 1080, height: 1920 };
export const LANDSCAPE = { width: 1280, height: 800 };
const SHOTS = path.join(ROOT_DIR, 'test-output');

/** What a kiosk browser test works with; the fields are set anew before each test. */
export interface KioskPage {
  server: TestServer;
  context: BrowserContext;
  page: Page;
  /** General Practice (G), with Dr Amina Okafor in Room 3 and Dr Ben Carter in Room 4 working today. */
  gp: Department;
  amina: DoctorProfile;
  app(): Locator;
  shot(name: string): Promise<Buffer>;
  /** Opens the kiosk at `viewport` with `query` settings and waits until it is live. */
  openKiosk(viewport: { width: number; height: number }, query?: string): Promise<void>;
  /** Every visible button on screen (or in `scope`) is a target of at least 64 x 64 px. */
  expectBigTargets(scope?: Locator): Promise<void>;
  /** A walk-in from outside this kiosk (another kiosk, the desk), to see the screens follow it live. */
  otherWalkIn(): Promise<{ publicCode: string; token: string }>;
  /** On this kiosk: Walk-in, General Practice, any doctor, no priority, no details, "Skip and get my ticket". */
  takeWalkIn(): Promise<void>;
}

/**
 * Registers the hooks of a kiosk browser test file (call it inside `describe`): one server per file, and before each
 * test an empty clinic with General Practice open (two doctors today, one tomorrow), Cardiology open, Dermatology
 * closed until tomorrow, and a fresh browser context in which printing and vibration are recorded, not performed.
 */
export function useKioskPage(): KioskPage {
  const k = {
    app: () => k.page.locator('mq-kiosk-app'),
    shot: (name: string) => k.page.screenshot({ path: path.join(SHOTS, `kiosk-${name}-${k.page.viewportSize()!.width}x${k.page.viewportSize()!.height}.png`) }),
    async openKiosk(viewport: { width: number; height: number }, query = '') {
      await k.page.setViewportSize(viewport);
      await k.page.goto(`${k.server.baseUrl}/kiosk${query}`);
      await k.page.waitForSelector('mq-kiosk-app[connection="open"]');
      await k.app().getByRole('heading', { name: 'Welcome', level: 2 }).waitFor();
    },
    async expectBigTargets(scope: Locator = k.app()) {
      const buttons = scope.getByRole('button');
      const count = await buttons.count();
      expect(count, 'buttons on screen').to.be.greaterThan(0);
      for (let i = 0; i < count; i++) {
        const box = await buttons.nth(i).boundingBox();
        if (!box) continue;
        const name = await buttons.nth(i).textContent();
        expect(box.height, `height of "${name?.trim()}"`).to.be.at.least(64);
        expect(box.width, `width of "${name?.trim()}"`).to.be.at.least(64);
      }
    },
    async otherWalkIn() {
      const res = await new Agent(k.server).post('/api/kiosk/check-in', { departmentId: k.gp.id, idempotencyKey: kioskKey() });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      return res.body as { publicCode: string; token: string };
    },
    async takeWalkIn() {
      await k.app().getByRole('button', { name: 'Walk-in' }).click();
      await k.app().locator(`button[data-department="${k.gp.id}"]`).click();
      await k.app().getByRole('button', { name: /Any available doctor/ }).click();
      await k.app().getByRole('button', { name: 'None of these' }).click();
      await k.app().getByRole('button', { name: 'Skip and get my ticket' }).click();
    },
  } as KioskPage;

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    k.server = await startTestServer({ env: { PUBLIC_BASE_URL } });
  });
  after(async () => {
    await k.server?.close();
  });
  beforeEach(async () => {
    await resetDatabase();
    await awayFromMidnight();
    k.server.services.kiosk.checkInLimiter.setLimits({ points: 1000, windowSeconds: 60 });
    ({ department: k.gp, doctor: k.amina } = await openDepartment('General Practice', 'G', { name: 'Dr Amina Okafor', room: 'Room 3' }));
    await workingDoctor(k.gp, { name: 'Dr Ben Carter', room: 'Room 4' });
    await workingDoctor(k.gp, { name: 'Dr Chloe Davies', room: 'Room 5', works: 'tomorrow' });
    await openDepartment('Cardiology', 'C', { name: 'Dr Farid Haddad', room: 'Room 7' });
    const dermatology = await createDepartment({ name: 'Dermatology', prefix: 'D' });
    await workingDoctor(dermatology, { name: 'Dr Ines Garcia', room: 'Room 9', works: 'tomorrow' });
    k.context = await (await sharedBrowser()).newContext({ viewport: LANDSCAPE });
    // Printing is the browser's own dialog: record it instead, in every frame (the kiosk prints from an iframe).
    await k.context.addInitScript(() => {
      const page = globalThis as any;
      page.print = () => {
        page.top.__printed ??= [];
        page.top.__printed.push(page.location.pathname);
      };
      page.navigator.vibrate = (pattern: unknown) => {
        page.__vibrated ??= [];
        page.__vibrated.push(pattern);
        return true;
      };
    });
    k.page = await k.context.newPage();
  });
  afterEach(async () => {
    await k.context?.close();
  });
  return k;
}

/** Reads a QR code from a PNG (a screenshot of the kiosk's QR image), as a phone camera would. */
export function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}
