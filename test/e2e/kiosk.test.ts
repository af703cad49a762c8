import { expect } from 'chai';
import { createStaff } from '../support/factories';
import { LANDSCAPE, PORTRAIT, useKioskPage } from '../support/kiosk-page';
import { agentFor } from '../support/session';
import { TestSocket } from '../support/ws';

// The walk-in and appointment journeys are in kiosk-journeys.test.ts.
describe('check-in kiosk in Chromium: languages, emergencies, idle patients, zoom and focus', function () {
  this.timeout(60_000);
  const k = useKioskPage();

  it('switches the whole kiosk to Arabic, right to left, and to Spanish, and back to English for the next patient', async () => {
    for (const viewport of [PORTRAIT, LANDSCAPE]) {
      await k.openKiosk(viewport, '?ticket-seconds=2');
      await k.app().getByRole('button', { name: 'العربية' }).click();
      await k.app().getByRole('heading', { name: 'أهلاً وسهلاً', level: 2 }).waitFor();
      expect(await k.page.evaluate(() => [(globalThis as any).document.documentElement.dir, (globalThis as any).document.documentElement.lang])).to.deep.equal(['rtl', 'ar']);
      // Mirrored: the choices' arrows point left, and their text starts at the right.
      const choice = k.app().getByRole('button', { name: /بدون موعد/ });
      const [arrow, text] = await Promise.all([choice.locator('.chevron').boundingBox(), choice.locator('.choice-title').boundingBox()]);
      expect(arrow!.x, 'arrow on the left').to.be.lessThan(text!.x);
      await k.shot('start-ar');

      await choice.click();
      await k.app().getByRole('heading', { name: 'أي قسم تحتاج؟' }).waitFor();
      const back = await k.app().getByRole('button', { name: 'رجوع' }).boundingBox();
      expect(back!.x, 'Back is on the right').to.be.greaterThan(viewport.width / 2);
      await k.app().getByRole('button', { name: /Dermatology/ }).getByText(/مغلق · يفتح غداً الساعة 09:00/).waitFor();
      await k.shot('departments-ar');
      // Back to the start keeps the patient's language.
      await k.app().getByRole('button', { name: 'رجوع' }).click();
      await k.app().getByRole('heading', { name: 'أهلاً وسهلاً', level: 2 }).waitFor();
    }

    await k.app().getByRole('button', { name: 'Español' }).click();
    await k.app().getByRole('heading', { name: 'Bienvenido', level: 2 }).waitFor();
    expect(await k.page.evaluate(() => (globalThis as any).document.documentElement.dir)).to.equal('ltr');
    await k.app().getByRole('button', { name: /Sin cita/ }).click();
    await k.app().locator(`button[data-department="${k.gp.id}"]`).click();
    await k.app().getByRole('button', { name: /Cualquier médico disponible/ }).click();
    await k.app().getByRole('button', { name: 'Ninguna' }).click();
    await k.app().getByRole('button', { name: 'Omitir y sacar mi número' }).click();
    await k.app().locator('mq-ticket-screen').getByText('Su número', { exact: true }).waitFor();
    await k.shot('ticket-es');
    // The ticket screen times out: the next patient finds the kiosk in English again.
    await k.app().getByRole('heading', { name: 'Welcome', level: 2 }).waitFor({ timeout: 10_000 });
    expect(await k.page.evaluate(() => (globalThis as any).document.documentElement.lang)).to.equal('en');
  });

  it('sends an emergency to the desk: the patient is told to go now, and reception is alerted', async () => {
    const { user } = await createStaff({ role: 'reception' });
    const desk = new TestSocket(k.server.wsUrl, (await agentFor(k.server, user)).cookie);
    try {
      await desk.next('hello');
      desk.send({ type: 'subscribe', channel: 'reception:all' });
      await desk.next('reception_alerts');

      await k.openKiosk(PORTRAIT);
      await k.app().getByRole('button', { name: 'Walk-in' }).click();
      await k.app().locator(`button[data-department="${k.gp.id}"]`).click();
      await k.app().getByRole('button', { name: /Any available doctor/ }).click();
      await k.app().getByRole('button', { name: /This is an emergency/ }).click();
      await k.app().getByRole('heading', { name: 'Is this an emergency?' }).waitFor();
      await k.shot('emergency-confirm');
      await k.app().getByRole('button', { name: 'Yes, get help now' }).click();
      await k.app().getByRole('heading', { name: 'Please go to the reception desk now' }).waitFor();
      await k.app().locator('mq-emergency-screen').getByText('G-001').waitFor();
      await k.shot('emergency');
      const alert = await desk.next('emergency_alert', 5000);
      expect(alert.alert).to.include({ token: 'G-001', kind: 'emergency' });
    } finally {
      desk.close();
    }
  });

  it('asks "Are you still there?" and goes back to the start when a patient walks away', async () => {
    await k.openKiosk(LANDSCAPE, '?idle-seconds=12');
    await k.app().getByRole('button', { name: 'Walk-in' }).click();
    await k.app().getByRole('heading', { name: 'Which department do you need?' }).waitFor();
    await k.app().getByText('Are you still there?').waitFor({ timeout: 8000 });
    await k.app().getByText(/Going back to the start in \d+ seconds\./).waitFor();
    await k.shot('idle');
    await k.app().getByRole('button', { name: 'I need more time' }).click();
    await k.app().getByText('Are you still there?').waitFor({ state: 'detached' });
    await k.page.waitForSelector('mq-kiosk-app[screen="start"]', { timeout: 20_000 });
  });

  it('allows zoom unless the address locks it, where it blocks pinch zoom', async () => {
    await k.openKiosk(LANDSCAPE);
    expect(await k.page.locator('meta[name="viewport"]').getAttribute('content')).to.equal('width=device-width, initial-scale=1');
    const pinchAllowed = await k.page.evaluate(() => {
      const touch = new Event('touchmove', { cancelable: true, bubbles: true });
      Object.defineProperty(touch, 'touches', { value: [{}, {}] });
      (globalThis as any).document.body.dispatchEvent(touch);
      return !touch.defaultPrevented;
    });
    expect(pinchAllowed).to.equal(true);
  });

  it('shows a visible focus ring, names the keys for screen readers, and blocks pinch zoom on locked hardware', async () => {
    await k.openKiosk(LANDSCAPE, '?lock-zoom=1');
    expect(await k.page.locator('meta[name="viewport"]').getAttribute('content')).to.match(/user-scalable=no/);
    await k.page.keyboard.press('Tab');
    const ring = await k.page.evaluate(() => {
      const page = globalThis as any;
      let element = page.document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      return element ? (page.getComputedStyle(element).boxShadow as string) : 'none';
    });
    expect(ring).to.not.equal('none');
    await k.app().getByRole('button', { name: 'I have an appointment' }).click();
    await k.app().getByRole('group', { name: 'Booking code' }).getByRole('button', { name: 'Delete' }).waitFor();
    const pinch = await k.page.evaluate(() => {
      const touch = new Event('touchmove', { cancelable: true, bubbles: true });
      Object.defineProperty(touch, 'touches', { value: [{}, {}] });
      (globalThis as any).document.body.dispatchEvent(touch);
      return touch.defaultPrevented;
    });
    expect(pinch).to.equal(true);
  });
});
