import { expect } from 'chai';
import { en } from '../../common/i18n/en';
import { QueueEntry } from '../../server/models';
import { makeAppointment, makePatient, makeSlot } from '../support/clinic-factories';
import { decodeQr, LANDSCAPE, PORTRAIT, PUBLIC_BASE_URL, useKioskPage } from '../support/kiosk-page';

// The kiosk's main journeys, apart from kiosk.test.ts so the two run side by side on mocha's workers.
describe('check-in kiosk in Chromium: walk-ins, appointments, and the ticket on the patient\'s phone', function () {
  this.timeout(60_000);
  const k = useKioskPage();

  for (const viewport of [PORTRAIT, LANDSCAPE]) {
    it(`takes a walk-in from the start screen to a ticket whose QR code opens the ticket page (${viewport.width}x${viewport.height})`, async () => {
      await k.openKiosk(viewport, '?ticket-seconds=12');
      await k.expectBigTargets();
      await k.shot('start');

      await k.app().getByRole('button', { name: 'Walk-in' }).click();
      await k.app().getByRole('heading', { name: 'Which department do you need?' }).waitFor();
      const gpCard = k.app().locator(`button[data-department="${k.gp.id}"]`);
      await gpCard.getByText('No one waiting').waitFor();
      const closed = k.app().getByRole('button', { name: /Dermatology/ });
      expect(await closed.isDisabled()).to.equal(true);
      await closed.getByText('Closed · opens tomorrow at 09:00').waitFor();
      // Live: a ticket taken elsewhere shows up here without a reload.
      await k.otherWalkIn();
      await gpCard.getByText('1 waiting').waitFor({ timeout: 15_000 });
      // Two doctors are free for one patient waiting: the forecast says a new walk-in waits for nobody.
      await gpCard.getByText(en.walkIn.estimate(0)).waitFor();
      await k.expectBigTargets();
      await k.shot('departments');

      await gpCard.click();
      await k.app().getByRole('heading', { name: 'Which doctor would you like to see?' }).waitFor();
      expect(await k.app().getByRole('button', { name: /Dr Chloe Davies/ }).isDisabled()).to.equal(true);
      await k.app().getByRole('button', { name: /Dr Chloe Davies/ }).getByText('Not seeing patients now · from tomorrow at 09:00').waitFor();
      await k.shot('doctors');
      await k.app().getByRole('button', { name: /Dr Amina Okafor/ }).click();

      await k.app().getByRole('heading', { name: 'Does any of these apply to you?' }).waitFor();
      await k.expectBigTargets();
      await k.shot('priority');
      await k.app().getByRole('button', { name: 'I am 65 or older' }).click();

      await k.app().getByRole('heading', { name: 'Your name and phone (optional)' }).waitFor();
      for (const key of ['A', 'N', 'N', 'A']) await k.app().getByRole('button', { name: key, exact: true }).click();
      await k.app().getByRole('button', { name: /Phone number/ }).click();
      for (const key of '07700900123') await k.app().getByRole('button', { name: key, exact: true }).click();
      await k.expectBigTargets();
      await k.shot('details');
      await k.app().getByRole('button', { name: 'Get my ticket', exact: true }).click();

      await k.page.waitForSelector('mq-kiosk-app[screen="ticket"]');
      const ticketScreen = k.app().locator('mq-ticket-screen');
      await ticketScreen.getByText('G-002').waitFor();
      // Nobody touches the kiosk: it counts down (checked now, while it surely still shows) and goes back by itself.
      await ticketScreen.getByText(/Returning to the start in \d+ s/).waitFor();
      await ticketScreen.getByText('Dr Amina Okafor · Room 3').waitFor();
      // Elderly: priority class, so ahead of the walk-in who came first.
      await ticketScreen.getByText("You're next").waitFor();
      const entry = (await QueueEntry.findOne({ where: { token: 'G-002' } }))!;
      expect(entry).to.include({ priority: 'priority', priorityReason: 'elderly', firstName: 'Anna', contactPhone: '07700900123', doctorId: k.amina.id });
      await k.expectBigTargets(ticketScreen);
      await k.page.locator('mq-ticket-screen img').evaluate((img: any) => img.decode());
      await k.shot('ticket');

      const url = decodeQr(await ticketScreen.locator('img').screenshot());
      expect(url, 'the QR code opens the page in the kiosk\'s language').to.equal(`${PUBLIC_BASE_URL}/t/${entry.publicCode}?lang=en`);
      // The same path on this server is the patient's ticket page.
      const phone = await k.context.newPage();
      await phone.goto(k.server.baseUrl + new URL(url!).pathname);
      await phone.getByText('G-002').first().waitFor();
      await phone.close();

      await k.page.waitForSelector('mq-kiosk-app[screen="start"]', { timeout: 20_000 });
    });
  }

  it('checks in an appointment by booking code, and says so plainly when the code is wrong', async () => {
    const patient = await makePatient({ fullName: 'Quentin Blackwood', dateOfBirth: '1975-04-02', phone: '07700 900456' });
    const slot = await makeSlot(k.amina.id, { startsAt: new Date(Math.floor(Date.now() / 60_000) * 60_000) });
    const appointment = await makeAppointment(slot, { patientId: patient.id });

    for (const viewport of [LANDSCAPE, PORTRAIT]) {
      await k.openKiosk(viewport);
      await k.app().getByRole('button', { name: 'I have an appointment' }).click();
      await k.app().getByRole('heading', { name: 'Find your appointment' }).waitFor();
      for (const key of 'ZZZZZZ') await k.app().getByRole('button', { name: key, exact: true }).click();
      await k.app().getByRole('button', { name: 'Find my appointment' }).click();
      await k.app().getByRole('alert').getByText('We could not find a booking with the code ZZZZZZ').waitFor();
      await k.expectBigTargets();
      await k.shot('appointment-wrong-code');
    }

    // The physical keyboard works too (and Backspace clears the wrong code).
    for (let i = 0; i < 6; i++) await k.page.keyboard.press('Backspace');
    await k.page.keyboard.type(appointment.bookingCode.toLowerCase());
    await k.app().getByRole('button', { name: 'Find my appointment' }).click();
    const card = k.app().locator('mq-appointment-card');
    await card.getByRole('heading', { name: 'Your appointment' }).waitFor();
    await card.getByText('Dr Amina Okafor').waitFor();
    await card.getByText(/^Today at \d\d:\d\d$/).waitFor();
    expect(await card.textContent()).to.not.match(/Quentin|Blackwood|1975|900456/);
    await k.shot('appointment-found');
    await card.getByRole('button', { name: 'Check in now' }).click();

    await k.page.waitForSelector('mq-kiosk-app[screen="ticket"]');
    await k.app().locator('mq-ticket-screen').getByText('G-001').waitFor();
    await k.app().locator('mq-ticket-screen').getByText(/Appointment at \d\d:\d\d/).waitFor();
    await appointment.reload();
    expect(appointment.status).to.equal('checked_in');
  });

  it('finds an appointment by phone number and date of birth', async () => {
    const patient = await makePatient({ dateOfBirth: '1975-04-02', phone: '07700 900456' });
    const slot = await makeSlot(k.amina.id, { startsAt: new Date(Math.floor(Date.now() / 60_000) * 60_000) });
    await makeAppointment(slot, { patientId: patient.id });
    await k.openKiosk(LANDSCAPE);
    await k.app().getByRole('button', { name: 'I have an appointment' }).click();
    await k.app().getByRole('button', { name: 'Phone and date of birth' }).click();
    await k.page.keyboard.type('07700900456');
    await k.app().getByRole('button', { name: /Date of birth: Day/ }).click();
    // Day and month move on by themselves after two digits.
    await k.page.keyboard.type('02041975');
    await k.shot('appointment-phone');
    await k.app().getByRole('button', { name: 'Find my appointment' }).click();
    await k.app().locator('mq-appointment-card').getByText('Dr Amina Okafor').waitFor();
  });
});
