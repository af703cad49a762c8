import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ClinicSettings } from '../../common/admin';
import type { PublicSlotsResponse } from '../../common/booking';
import { TimeSlot, type Department, type DoctorProfile, type User } from '../../server/models';
import { dayFromToday, mondayInWeeks, slotAt } from '../support/admin';
import { sharedBrowser } from '../support/browser';
import { makeDoctor, makePatient } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createDepartment, createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';
import { agentFor, openStaffPanelAs } from '../support/session';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** 'Monday 7 December': how the public booking page names a day. */
function longDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** 'Mon 7 Dec': how the week calendar names a day in its slot buttons. */
function shortDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * Schedules, appointments and public booking in Chromium (issue 7): an admin sets a doctor's week, generates slots
 * and books one, which is then taken everywhere; cancelling frees it; a patient books online; and online booking
 * switched off says so. Run `npx vite build` first when running this file alone.
 */
describe('schedules, appointments and public booking in Chromium', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let department: Department;
  let doctor: DoctorProfile;
  let admin: { user: User; email: string; password: string };
  let adminAgent: Agent;

  before(async function () {
    this.timeout(60_000);
    await resetDatabase();
    server = await startTestServer();
    department = await createDepartment({ name: 'Cardiology', prefix: 'C' });
    const staff = await createStaff({ role: 'doctor', fullName: 'Dr Ada Mensah' });
    doctor = await makeDoctor({ userId: staff.user.id, departmentId: department.id, consultationMinutes: 20 });
    admin = await createStaff({ role: 'admin' });
    adminAgent = await agentFor(server, admin.user);
    browser = await sharedBrowser();
  });

  after(async () => {
    await server?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  /** Books `slotId` through the API for a new patient; returns the answer. */
  async function bookByApi(slotId: number, fullName: string) {
    const patient = await makePatient({ fullName });
    return adminAgent.post('/api/appointments', { slotId, patientId: patient.id });
  }

  it('sets a week, generates slots, books one for a patient and sees it taken', async function () {
    this.timeout(90_000);
    await makePatient({ fullName: 'Kofi Asante', dateOfBirth: '1975-04-02', phone: '020 7946 0011' });
    await openStaffPanelAs(page, server, admin.user, 'schedules');

    const schedules = page.locator('mq-schedules');
    await schedules.getByRole('heading', { name: 'Weekly hours · Dr Ada Mensah' }).waitFor();
    // Mornings every day, and a Monday afternoon after a lunch break.
    for (const day of WEEKDAYS) await schedules.getByRole('button', { name: `Add hours on ${day}` }).click();
    await schedules.getByRole('button', { name: 'Add hours on Monday' }).click();
    await schedules.getByLabel('From (Monday 2)').fill('14:00');
    await schedules.getByLabel('To (Monday 2)').fill('16:00');
    expect(await schedules.getByLabel('Slot minutes (Monday 1)').inputValue()).to.equal('20');
    await schedules.getByRole('button', { name: 'Save week' }).click();
    await schedules.getByText('Week saved.').waitFor();

    const week = await adminAgent.get(`/api/doctors/${doctor.id}/availability`);
    expect(week.body.intervals).to.have.length(8);

    await schedules.getByLabel('Days ahead').fill('14');
    await schedules.getByRole('button', { name: 'Generate slots' }).click();
    // 9 slots a morning (09:00-12:00 by 20 min), 6 on Monday afternoon, over 14 days from today.
    await schedules.getByText(/\d+ slots added, 0 free slots removed, 0 slots kept as they were\./).waitFor();
    await schedules.getByRole('button', { name: 'Generate slots' }).click();
    await schedules.getByText(/0 slots added, 0 free slots removed, \d+ slots kept as they were\./).waitFor();

    // Book next Monday at 09:20 at the desk.
    await page.goto(`${server.baseUrl}/admin#/appointments`);
    const desk = page.locator('mq-appointments');
    await desk.getByRole('button', { name: 'Next week' }).click();
    const monday = mondayInWeeks(1);
    await desk.getByRole('heading', { name: /Week of .* · Dr Ada Mensah/ }).waitFor();
    const slotButton = desk.getByRole('button', { name: `${shortDay(monday)} 09:20 Free` });
    await slotButton.click();
    await desk.getByLabel('Find a patient').fill('0207946');
    await desk.getByRole('button', { name: /Choose Kofi Asante/ }).click();
    await desk.getByLabel('Reason for the visit (optional)').fill('Follow-up');
    await desk.getByRole('button', { name: 'Book', exact: true }).click();

    const code = (await desk.getByLabel('Booking code').textContent())!.trim();
    expect(code).to.match(/^[A-Z0-9]{6}$/);
    const link = desk.getByRole('link', { name: 'Print confirmation' });
    expect(await link.getAttribute('target')).to.equal('_blank');
    expect(await link.getAttribute('href')).to.match(/^\/appointments\/\d+\/confirmation$/);
    const booked = desk.getByRole('button', { name: `${shortDay(monday)} 09:20 Booked · Kofi Asante` });
    await booked.waitFor();

    // Taken everywhere: online booking no longer offers it, and a second booking is refused.
    const slotId = (await adminAgent.get(`/api/doctors/${doctor.id}/calendar?week=${monday}`)).body.days[0].slots[1].id as number;
    const offered = await new Agent(server).get<PublicSlotsResponse>(`/api/public/slots?doctorId=${doctor.id}&from=${monday}&to=${monday}`);
    expect(offered.body.slots.map((s) => s.start)).to.not.include('09:20');
    expect(offered.body.slots.map((s) => s.start)).to.include('09:00');
    const second = await bookByApi(slotId, 'Second Comer');
    expect(second.status).to.equal(409);
    expect(second.body.error.id).to.equal('slot_taken');

    // The confirmation opens in its own tab with the code.
    const [confirmation] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await confirmation.getByText(code).first().waitFor();
    expect(await confirmation.locator('img.qr').count()).to.equal(1);
  });

  it('shows the server\'s words and the taken slot when someone else books it first', async function () {
    this.timeout(60_000);
    const monday = mondayInWeeks(2);
    const slot = await slotAt(doctor, monday, '18:00', 20);
    await makePatient({ fullName: 'Ama Darko' });
    await openStaffPanelAs(page, server, admin.user, 'appointments');
    const desk = page.locator('mq-appointments');
    await desk.getByRole('button', { name: 'Next week' }).click();
    await desk.getByRole('button', { name: 'Next week' }).click();
    await desk.getByRole('button', { name: `${shortDay(monday)} 18:00 Free` }).click();
    await desk.getByLabel('Find a patient').fill('Ama Darko');
    await desk.getByRole('button', { name: /Choose Ama Darko/ }).click();

    expect((await bookByApi(slot.id, 'Quick Caller')).status).to.equal(201);
    await desk.getByRole('button', { name: 'Book', exact: true }).click();
    await desk.getByRole('alert').getByText('That time has just been taken. Please choose another.').waitFor();
    await desk.getByRole('button', { name: `${shortDay(monday)} 18:00 Booked · Quick Caller` }).waitFor();
  });

  it('cancels an appointment after confirmation, which frees the slot', async function () {
    this.timeout(60_000);
    const monday = mondayInWeeks(1);
    const slot = await slotAt(doctor, monday, '17:00', 20);
    expect((await bookByApi(slot.id, 'Yaw Boateng')).status).to.equal(201);

    await openStaffPanelAs(page, server, admin.user, 'appointments');
    const desk = page.locator('mq-appointments');
    await desk.getByRole('button', { name: 'Next week' }).click();
    await desk.getByRole('button', { name: `${shortDay(monday)} 17:00 Booked · Yaw Boateng` }).click();
    await desk.getByRole('heading', { name: 'Yaw Boateng' }).waitFor();

    // Without a reason nothing is sent; then the confirmation, answered "no" first.
    await desk.getByRole('button', { name: 'Cancel appointment' }).click();
    await desk.getByText('Say why the appointment is cancelled.').waitFor();
    await desk.getByLabel('Reason for cancelling').fill('Patient is travelling');
    await desk.getByRole('button', { name: 'Cancel appointment' }).click();
    const dialog = page.locator('mq-confirm-dialog');
    await dialog.getByRole('heading', { name: 'Cancel this appointment?' }).waitFor();
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await adminAgent.get(`/api/appointments?doctorId=${doctor.id}&status=booked`)).body.total).to.be.greaterThan(0);

    await desk.getByRole('button', { name: 'Cancel appointment' }).click();
    await dialog.getByRole('button', { name: 'Cancel appointment' }).click();
    await desk.getByText('Appointment cancelled. The calendar shows whether its time can be booked again.').waitFor();
    await desk.getByText('Cancelled', { exact: true }).waitFor();
    await desk.getByRole('button', { name: `${shortDay(monday)} 17:00 Free` }).waitFor();
  });

  it('blocks a free time after confirming, so nobody can book it, and unblocks it again', async function () {
    const monday = mondayInWeeks(3);
    const slot = await slotAt(doctor, monday, '07:00', 20);
    await openStaffPanelAs(page, server, admin.user, 'appointments');
    const desk = page.locator('mq-appointments');
    for (let i = 0; i < 3; i++) await desk.getByRole('button', { name: 'Next week' }).click();
    await desk.getByRole('button', { name: `${shortDay(monday)} 07:00 Free` }).click();

    const dialog = page.locator('mq-confirm-dialog');
    await desk.getByRole('button', { name: 'Block this time' }).click();
    await dialog.getByRole('button', { name: 'Keep it bookable' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(Boolean((await TimeSlot.findByPk(slot.id))!.blocked)).to.equal(false);

    await desk.getByRole('button', { name: 'Block this time' }).click();
    await dialog.getByRole('button', { name: 'Block this time' }).click();
    await desk.getByRole('button', { name: `${shortDay(monday)} 07:00 Blocked` }).click();
    expect((await bookByApi(slot.id, 'Kwame Blocked')).status).to.equal(409);

    await desk.getByRole('button', { name: 'Unblock this time' }).click();
    await desk.getByRole('button', { name: `${shortDay(monday)} 07:00 Free` }).waitFor();
    expect(Boolean((await TimeSlot.findByPk(slot.id))!.blocked)).to.equal(false);
  });

  it('reschedules an appointment to a free slot chosen in the calendar, keeping its code', async function () {
    this.timeout(60_000);
    const monday = mondayInWeeks(1);
    const from = await slotAt(doctor, monday, '19:00', 20);
    await slotAt(doctor, monday, '19:40', 20);
    const booked = await bookByApi(from.id, 'Esi Moving');
    expect(booked.status).to.equal(201);

    await openStaffPanelAs(page, server, admin.user, 'appointments');
    const desk = page.locator('mq-appointments');
    await desk.getByRole('button', { name: 'Next week' }).click();
    await desk.getByRole('button', { name: `${shortDay(monday)} 19:00 Booked · Esi Moving` }).click();
    await desk.getByRole('button', { name: 'Reschedule' }).click();
    await desk.getByText(/Moving Esi Moving's appointment/).waitFor();
    await desk.getByRole('button', { name: `${shortDay(monday)} 19:40 Free` }).click();
    await desk.getByRole('button', { name: 'Move appointment here' }).click();
    await desk.getByText(/Esi Moving's appointment is now .* at 19:40 with Dr Ada Mensah\./).waitFor();
    await desk.getByRole('button', { name: `${shortDay(monday)} 19:40 Booked · Esi Moving` }).waitFor();
    await desk.getByRole('button', { name: `${shortDay(monday)} 19:00 Free` }).waitFor();
    const moved = await adminAgent.get(`/api/appointments/${booked.body.appointment.id}`);
    expect(moved.body.appointment.bookingCode).to.equal(booked.body.appointment.bookingCode);
  });

  /** Turns online booking on or off, as an admin does in the settings. */
  async function setPublicBooking(on: boolean): Promise<void> {
    const current = (await adminAgent.get<ClinicSettings>('/api/settings/all')).body;
    const { name, timeZone, openingHours, kioskLanguages, displayLanguages, slotHorizonDays } = current;
    const res = await adminAgent.request('PUT', '/api/settings', {
      name, timeZone, openingHours, kioskLanguages, displayLanguages, slotHorizonDays, publicBooking: on,
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
  }

  it('lets a patient book a free time online and shows the booking code and confirmation', async function () {
    this.timeout(60_000);
    const skin = await createDepartment({ name: 'Dermatology', prefix: 'D' });
    const staff = await createStaff({ role: 'doctor', fullName: 'Dr Efua Owusu' });
    const dermatologist = await makeDoctor({ userId: staff.user.id, departmentId: skin.id, specialization: 'Dermatology' });
    const day = dayFromToday(2);
    const taken = await slotAt(dermatologist, day, '10:00', 20);
    await slotAt(dermatologist, day, '10:20', 20);
    expect((await bookByApi(taken.id, 'Earlier Patient')).status).to.equal(201);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/book`);
    await page.getByRole('heading', { name: 'Book an appointment' }).waitFor();
    await page.getByLabel('Department').selectOption({ label: 'Dermatology' });
    // Times are grouped by day: the first day with free times is chosen, its times listed under its name.
    await page.getByRole('heading', { name: `Free times on ${longDay(day)}` }).waitFor();
    await page.getByRole('button', { name: '10:20 Dr Efua Owusu' }).waitFor();
    // Another patient's booking is not offered, and nothing about them is shown.
    expect(await page.getByRole('button', { name: /^10:00/ }).count()).to.equal(0);
    expect(await page.getByText('Earlier Patient').count()).to.equal(0);

    await page.getByLabel('Doctor').selectOption({ label: 'Dr Efua Owusu · Dermatology' });
    await page.getByRole('button', { name: '10:20', exact: true }).click();
    await page.getByRole('button', { name: 'Book appointment' }).click();
    await page.getByText('Please enter your full name.').waitFor();
    await page.getByLabel('Full name').fill('Abena Mensah');
    await page.getByLabel('Phone number').fill('+44 20 7946 0958');
    await page.getByLabel('Date of birth').fill('1990-06-15');
    await page.getByRole('button', { name: 'Book appointment' }).click();

    await page.getByRole('heading', { name: "You're booked" }).waitFor();
    const code = (await page.getByLabel('Your booking code').textContent())!.trim();
    const list = await adminAgent.get(`/api/appointments?doctorId=${dermatologist.id}&status=booked`);
    const mine = list.body.appointments.find((a: { bookingCode: string }) => a.bookingCode === code);
    expect(mine.patient.fullName).to.equal('Abena Mensah');

    const link = page.getByRole('link', { name: 'Open confirmation to print or save' });
    expect(await link.getAttribute('target')).to.equal('_blank');
    const [confirmation] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await confirmation.getByText(code).first().waitFor();
    expect(await confirmation.getByText('Abena Mensah').count()).to.equal(0);

    // Booking again: the time just booked is no longer offered.
    await page.getByRole('button', { name: 'Book another appointment' }).click();
    await page.getByText('No free times until').waitFor();
  });

  it('says plainly that online booking is off when the clinic switched it off', async function () {
    this.timeout(60_000);
    await setPublicBooking(false);
    try {
      await page.goto(`${server.baseUrl}/book`);
      await page.getByRole('heading', { name: 'Online booking is not available' }).waitFor();
      await page.getByText('Online booking is switched off. Please call the clinic to book.').waitFor();
      expect(await page.getByLabel('Department').count()).to.equal(0);
    } finally {
      await setPublicBooking(true);
    }
  });
});
