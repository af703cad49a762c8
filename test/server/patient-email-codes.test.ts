import { expect } from 'chai';
import type { MyProfile } from '../../common/me';
import { ConfigError, loadConfig } from '../../server/config';
import { AuditLog, PatientAccount, PatientSignInCode, type Patient } from '../../server/models';
import { LogNotifier } from '../../server/patient-portal/notifier';
import { SmtpNotifier } from '../../server/patient-portal/smtp-notifier';
import { makePatient } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import type { Agent } from '../support/http';
import { patientAgent } from '../support/patient';
import { startTestServer, type TestServer } from '../support/server';
import { MailCatcher } from '../support/smtp';

const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)?.[1];

describe('sign-in codes by email through SMTP (issue 17)', () => {
  let smtp: MailCatcher;
  let server: TestServer;
  let rosa: Patient;

  before(async () => {
    smtp = new MailCatcher();
    const port = await smtp.listen();
    server = await startTestServer({ env: { SMTP_URL: `smtp://${smtp.user}:${smtp.password}@127.0.0.1:${port}`, SMTP_FROM: 'Test Clinic <no-reply@clinic.test>' } });
    await resetDatabase();
    rosa = await makePatient({ fullName: 'Rosa Correo', phone: '+447700900831' });
    await server.services.patientPortal.register(rosa.id);
    await PatientAccount.update({ email: 'rosa@example.org' }, { where: { patientId: rosa.id } });
  });
  after(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('sends a code for an email address by email, in the patient\'s language, and the code signs in', async () => {
    const agent = patientAgent(server);
    const asked = await agent.post('/api/me/sign-in/code', { identifier: 'Rosa@Example.org', language: 'es' });
    expect(asked.status).to.equal(202);
    const mail = await smtp.mail(1);
    expect(mail.to).to.deep.equal(['rosa@example.org']);
    expect(mail.from).to.equal('no-reply@clinic.test');
    expect(mail.user).to.equal('clinic');
    expect(mail.subject).to.equal('Su código para entrar en la clínica');
    expect(mail.text).to.match(/^Su código para entrar en la clínica es \d{6}\. Vale 10 minutos/);
    // Stored hashed, as ever: the mailed code is not in the database.
    const code = codeIn(mail.text)!;
    expect((await PatientSignInCode.findAll()).some((row) => row.codeHash.includes(code))).to.equal(false);
    const signedIn = await agent.post('/api/me/sign-in', { identifier: 'rosa@example.org', code });
    expect(signedIn.status, JSON.stringify(signedIn.body)).to.equal(200);
    expect(signedIn.body.patient.firstName).to.equal('Rosa');
  });

  it('leaves phone numbers to the other notifier (the log here), and mails nobody for an unknown address', async () => {
    const notifier = server.services.patientPortal.notifier;
    expect(notifier).to.be.instanceOf(SmtpNotifier);
    const log = (notifier as SmtpNotifier).others as LogNotifier;
    expect(log).to.be.instanceOf(LogNotifier);
    const before = smtp.received.length;
    expect((await patientAgent(server).post('/api/me/sign-in/code', { identifier: '07700 900831' })).status).to.equal(202);
    expect(log.outbox.at(-1)?.to).to.deep.equal({ phone: '+447700900831' });
    expect((await patientAgent(server).post('/api/me/sign-in/code', { identifier: 'nobody@example.org' })).status).to.equal(202);
    expect(smtp.received.length).to.equal(before);
  });

  describe('the patient adds their email address on the dashboard', () => {
    let agent: Agent;
    let noor: Patient;

    before(async () => {
      noor = await makePatient({ fullName: 'Noor Haddad', phone: '+447700900832' });
      await server.services.patientPortal.register(noor.id);
      agent = patientAgent(server);
      await agent.post('/api/me/sign-in/code', { identifier: '+447700900832' });
      const log = (server.services.patientPortal.notifier as SmtpNotifier).others as LogNotifier;
      expect((await agent.post('/api/me/sign-in', { identifier: '+447700900832', code: codeIn(log.outbox.at(-1)!.text) })).status).to.equal(200);
    });

    it('checks the address with a code sent to it (in Arabic here), then it signs in', async () => {
      expect((await agent.post('/api/me/profile/email', { email: 'not an address' })).body.error.id).to.equal('validation_failed');
      expect((await patientAgent(server).post('/api/me/profile/email', { email: 'noor@example.org' })).status).to.equal(401);
      const count = smtp.received.length;
      const asked = await agent.post('/api/me/profile/email', { email: ' Noor@Example.org ', language: 'ar' });
      expect(asked.status, JSON.stringify(asked.body)).to.equal(202);
      const mail = await smtp.mail(count + 1);
      expect(mail.to).to.deep.equal(['noor@example.org']);
      expect(mail.subject).to.equal('تأكيد بريدك الإلكتروني لحسابك في العيادة');
      const code = codeIn(mail.text)!;
      expect(mail.text).to.include('رمز إضافة هذا البريد الإلكتروني');

      // Nothing is saved until the code comes back; a code checks only the address it was sent to.
      expect((await agent.get<MyProfile>('/api/me/profile')).body.email).to.equal(null);
      expect((await agent.post('/api/me/profile/email/confirm', { email: 'other@example.org', code })).body.error.id).to.equal('invalid_code');
      const saved = await agent.post<MyProfile>('/api/me/profile/email/confirm', { email: 'noor@example.org', code });
      expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
      expect(saved.body.email).to.equal('noor@example.org');
      expect((await agent.post('/api/me/profile/email/confirm', { email: 'noor@example.org', code })).status).to.equal(401);
      expect(await AuditLog.count({ where: { action: 'patient.email_changed', patientId: noor.id } })).to.equal(1);

      const fresh = patientAgent(server);
      await fresh.post('/api/me/sign-in/code', { identifier: 'noor@example.org' });
      const signIn = await smtp.mail(count + 2);
      expect(signIn.subject).to.equal('Your clinic sign-in code');
      expect((await fresh.post('/api/me/sign-in', { identifier: 'noor@example.org', code: codeIn(signIn.text) })).status).to.equal(200);
    });

    it('refuses an address another account has (409), and limits how many codes are asked for', async () => {
      const taken = await agent.post('/api/me/profile/email', { email: 'rosa@example.org' });
      expect(taken.status).to.equal(409);
      expect(taken.body.error.id).to.equal('already_exists');
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await agent.post('/api/me/profile/email', { email: `noor${i}@example.org` })).status);
      expect(statuses).to.include(429);
    });
  });

  it('refuses to start with SMTP_URL and no SMTP_FROM, or a malformed one', () => {
    const base = { NODE_ENV: 'test', DATABASE_URL: 'sqlite::memory:' };
    expect(() => loadConfig({ ...base, SMTP_URL: 'smtp://mail.example.org:587' }, { dotenv: false })).to.throw(ConfigError, /SMTP_FROM/);
    expect(() => loadConfig({ ...base, SMTP_URL: 'http://mail.example.org' }, { dotenv: false })).to.throw(ConfigError, /SMTP_URL/);
    expect(loadConfig({ ...base, SMTP_URL: 'smtps://u:p@mail.example.org:465', SMTP_FROM: 'no-reply@example.org' }, { dotenv: false }).smtpUrl).to.equal('smtps://u:p@mail.example.org:465');
    expect(loadConfig(base, { dotenv: false }).smtpUrl).to.equal(null);
  });

  // Last: it stops the SMTP server (mocha runs nested suites after the outer tests, in order).
  describe('without the SMTP server', () => {
    it('answers 202 all the same (the same answer as ever; the failure is logged)', async () => {
      await smtp.close();
      expect((await patientAgent(server).post('/api/me/sign-in/code', { identifier: 'rosa@example.org' })).status).to.equal(202);
    });
  });
});
