import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ClinicInfo } from '../../common/api';
import { ClinicSetting, DoctorProfile, Patient, User } from '../../server/models';
import { sharedBrowser } from '../support/browser';
import { makeDoctor, makePatient } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createDepartment, createStaff } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';
import { openStaffPanelAs } from '../support/session';

/**
 * The "people and places" screens of the staff panel in Chromium (issue 7): staff accounts, doctors' profiles,
 * departments, patients and clinic settings, each driven through its form as an admin or receptionist would.
 * Run `npx vite build` first when running this file alone.
 */
describe('staff panel: people and places in Chromium', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: { user: User; email: string; password: string };

  before(async function () {
    this.timeout(60_000);
    await resetDatabase();
    server = await startTestServer();
    admin = await createStaff({ role: 'admin', fullName: 'Ada Admin' });
    browser = await sharedBrowser();
  });

  after(async () => {
    await server?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  /** Tries to sign in with `email` in a browser context of its own; resolves with the section opened or the refusal. */
  async function signInElsewhere(email: string, password: string): Promise<string> {
    const other = await browser.newContext();
    try {
      const fresh = await other.newPage();
      await fresh.goto(`${server.baseUrl}/admin`);
      await fresh.getByLabel('Email').fill(email);
      await fresh.getByLabel('Password').fill(password);
      await fresh.getByLabel('Password').press('Enter');
      const home = fresh.locator('mq-role-home[section]');
      const refusal = fresh.locator('mq-sign-in').getByRole('alert').getByText(/./);
      await home.or(refusal).first().waitFor();
      return (await home.count()) ? `signed in: ${await home.getAttribute('section')}` : `refused: ${await refusal.textContent()}`;
    } finally {
      await other.close();
    }
  }

  it('creates a staff account that can sign in at once', async function () {
    this.timeout(60_000);
    await openStaffPanelAs(page, server, admin.user, 'staff');
    const screen = page.locator('mq-staff-accounts');
    await screen.getByRole('cell', { name: admin.email }).waitFor();
    await screen.getByRole('button', { name: 'New account' }).click();
    const form = screen.locator('mq-staff-form');
    await form.getByLabel('Full name').fill('Rita Reception');
    await form.getByLabel('Email').fill('rita@test.clinic');
    await form.getByLabel('Role').selectOption('reception');
    await form.getByLabel('First password').fill('short');
    await form.getByRole('button', { name: 'Create account' }).click();
    // The server's own words next to the field.
    await form.getByText('Use at least 10 characters.').waitFor();
    await form.getByLabel('First password').fill('welcome to the desk');
    await form.getByRole('button', { name: 'Create account' }).click();
    await screen.getByRole('status').getByText('Rita Reception can now sign in with rita@test.clinic.').waitFor();
    await screen.getByRole('row', { name: /Rita Reception/ }).getByRole('cell', { name: 'Reception', exact: true }).waitFor();

    expect(await signInElsewhere('rita@test.clinic', 'welcome to the desk')).to.equal('signed in: desk');
  });

  it('deactivates an account only after confirming, and then it cannot sign in', async function () {
    this.timeout(60_000);
    const nurse = await createStaff({ role: 'reception', fullName: 'Nia Nurse' });
    await openStaffPanelAs(page, server, admin.user, 'staff');
    const screen = page.locator('mq-staff-accounts');
    const row = screen.getByRole('row', { name: /Nia Nurse/ });
    await row.getByText('Active').waitFor();
    // The admin's own row offers no way to lock themselves out.
    expect(await screen.getByRole('row', { name: /Ada Admin/ }).getByRole('button', { name: /Deactivate/ }).count()).to.equal(0);

    await row.getByRole('button', { name: 'Deactivate Nia Nurse' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deactivate Nia Nurse?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('Active').waitFor();
    expect((await User.findByPk(nurse.user.id))!.active).to.equal(true);
    expect(await signInElsewhere(nurse.email, nurse.password)).to.equal('signed in: desk');

    await row.getByRole('button', { name: 'Deactivate Nia Nurse' }).click();
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await row.getByText('Deactivated').waitFor();
    await screen.getByRole('status').getByText('Nia Nurse is deactivated and can no longer sign in.').waitFor();
    expect((await User.findByPk(nurse.user.id))!.active).to.equal(false);
    expect(await signInElsewhere(nurse.email, nurse.password)).to.equal(
      'refused: That email and password do not match an active staff account.',
    );
  });

  it("edits a doctor's room and keeps it", async function () {
    this.timeout(60_000);
    const staff = await createStaff({ role: 'doctor', fullName: 'Dr Tomas Berg' });
    const doctor = await makeDoctor({ userId: staff.user.id, room: 'Room 2' });
    await openStaffPanelAs(page, server, admin.user, 'doctors');
    const screen = page.locator('mq-doctor-profiles');
    await screen.getByRole('button', { name: 'Edit Dr Tomas Berg' }).click();
    const form = screen.locator('mq-doctor-form');
    expect(await form.getByLabel('Room').inputValue()).to.equal('Room 2');
    await form.getByLabel('Room').fill('Room 7B');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await screen.getByRole('status').getByText(/Saved Dr Tomas Berg: .*, Room 7B\./).waitFor();
    await screen.getByRole('row', { name: /Dr Tomas Berg/ }).getByRole('cell', { name: 'Room 7B' }).waitFor();
    expect((await DoctorProfile.findByPk(doctor.id))!.room).to.equal('Room 7B');

    await page.reload();
    await page.locator('mq-doctor-profiles').getByRole('cell', { name: 'Room 7B' }).waitFor();
  });

  it('creates a department and shows the refusal when the prefix is taken', async function () {
    this.timeout(60_000);
    await createDepartment({ name: 'Cardiology', prefix: 'C' });
    await openStaffPanelAs(page, server, admin.user, 'departments');
    const screen = page.locator('mq-departments');
    await screen.getByRole('row', { name: /Cardiology/ }).waitFor();

    await screen.getByRole('button', { name: 'New department' }).click();
    await screen.getByLabel('Department name').fill('Ear, Nose and Throat');
    await screen.getByLabel('Ticket prefix').fill('ent');
    await screen.getByRole('button', { name: 'Create department' }).click();
    await screen.getByRole('status').getByText('Ear, Nose and Throat is ready; its tokens start with ENT.').waitFor();
    await screen.getByRole('row', { name: /Ear, Nose and Throat/ }).getByText('ENT').waitFor();

    await screen.getByRole('button', { name: 'New department' }).click();
    await screen.getByLabel('Department name').fill('Children');
    await screen.getByLabel('Ticket prefix').fill('c');
    await screen.getByRole('button', { name: 'Create department' }).click();
    const refusal = screen.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).to.match(/already uses this .*prefix/);
    // The form stays open with what was typed, so the prefix can be changed.
    expect(await screen.getByLabel('Ticket prefix').inputValue()).to.equal('C');
    expect(await screen.getByRole('row', { name: /Children/ }).count()).to.equal(0);
  });

  it('warns about a possible duplicate when registering a patient, and opens the existing one', async function () {
    this.timeout(60_000);
    const existing = await makePatient({ fullName: 'Grace Mensah', dateOfBirth: '1987-03-14', phone: '07700 900111' });
    const desk = await createStaff({ role: 'reception' });
    await openStaffPanelAs(page, server, desk.user, 'patients');
    const screen = page.locator('mq-patients');
    await screen.getByRole('button', { name: 'Register a patient' }).click();
    const form = screen.locator('mq-patient-form');
    await form.getByLabel('Full name').fill('grace  mensah');
    await form.getByLabel('Date of birth').fill('1987-03-14');
    await form.getByLabel('Phone').fill('07700 900222');
    await form.getByRole('button', { name: 'Register patient' }).click();

    const warning = form.getByRole('alert').filter({ hasText: 'Possible duplicate' });
    await warning.waitFor();
    await warning.getByText(existing.medicalRecordNumber, { exact: false }).waitFor();
    await warning.getByText('(same name and date of birth)').waitFor();
    expect(await Patient.count({ where: { dateOfBirth: '1987-03-14' } })).to.equal(1);

    await warning.getByRole('button', { name: 'Open Grace Mensah' }).click();
    await screen.getByRole('heading', { name: 'Grace Mensah' }).waitFor();
    expect(await form.getByLabel('Phone').inputValue()).to.equal('07700 900111');
    expect(page.url()).to.match(new RegExp(`#/patients/${existing.id}$`));
    expect(await Patient.count({ where: { dateOfBirth: '1987-03-14' } })).to.equal(1);
  });

  it('finds a patient by phone number and saves a change to the profile', async function () {
    this.timeout(60_000);
    const patient = await makePatient({ fullName: 'Kofi Annan-Boateng', dateOfBirth: '1990-06-01', phone: '+44 7700 900 456' });
    await makePatient({ fullName: 'Someone Else', phone: '020 7946 0000' });
    await openStaffPanelAs(page, server, admin.user, 'patients');
    const screen = page.locator('mq-patients');
    await screen.getByLabel('Search patients').fill('no such person');
    await screen.getByText('No patients found for “no such person”.').waitFor();
    await screen.getByLabel('Search patients').fill('7700900456');
    const rows = screen.locator('tbody tr');
    await screen.getByRole('row', { name: /Kofi Annan-Boateng/ }).waitFor();
    await rows.filter({ hasText: 'Someone Else' }).waitFor({ state: 'detached' });
    expect(await rows.count()).to.equal(1);

    await screen.getByRole('button', { name: 'Open Kofi Annan-Boateng' }).click();
    const form = screen.locator('mq-patient-form');
    await form.getByLabel('Allergies').fill('Penicillin (rash)');
    await form.getByLabel('Blood group').selectOption('O+');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.getByRole('status').getByText('Saved Kofi Annan-Boateng.').waitFor();
    await patient.reload();
    expect([patient.allergies, patient.bloodGroup]).to.deep.equal(['Penicillin (rash)', 'O+']);
  });

  it('renames the clinic in settings, and the new name applies at once', async function () {
    this.timeout(60_000);
    await openStaffPanelAs(page, server, admin.user, 'settings');
    const screen = page.locator('mq-clinic-settings');
    expect(await screen.getByLabel('Clinic name').inputValue()).to.equal('Test Clinic');
    expect(await screen.getByLabel('Time zone').inputValue()).to.equal('Europe/London');
    await screen.getByText('A new time zone applies when the server restarts').waitFor();
    await screen.getByLabel('Clinic name').fill('Northside Health Centre');
    await screen.getByRole('button', { name: 'Add opening hours on Saturday' }).click();
    await screen.getByLabel('Saturday closes').fill('12:30');
    await screen.getByRole('button', { name: 'Save settings' }).click();
    await screen.getByRole('status').getByText('Saved. The changes apply now.').waitFor();

    const row = await ClinicSetting.findByPk(1);
    expect(row!.name).to.equal('Northside Health Centre');
    expect(row!.openingHours.weekly).to.deep.equal([{ weekday: 6, opens: '08:00', closes: '12:30' }]);
    // The header of this panel, and /api/clinic for every other screen, without a restart.
    await page.locator('mq-staff-header').getByText('Northside Health Centre').waitFor();
    const clinic = (await (await fetch(`${server.baseUrl}/api/clinic`)).json()) as ClinicInfo;
    expect(clinic.name).to.equal('Northside Health Centre');
  });
});
