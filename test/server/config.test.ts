import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { ConfigError, loadConfig, ROOT_DIR } from '../../server/config';

const load = (env: Record<string, string>) => loadConfig(env, { dotenv: false });

describe('configuration', () => {
  it('has working defaults for a first run', () => {
    const config = load({});
    expect(config).to.include({ port: 3000, databaseUrl: 'sqlite:data/mediqueue.sqlite', sessionLifetimeMinutes: 30 });
    expect(config.publicBaseUrl).to.equal('http://localhost:3000');
    expect(config.clinicCountry, 'phone numbers follow the time zone').to.equal(null);
    expect(Object.isFrozen(config)).to.equal(true);
  });

  it("hashes passwords at production's scrypt cost unless a test server asks for a cheap one", () => {
    expect(load({}).passwordHashCost).to.equal(17);
    expect(load({ PASSWORD_HASH_COST: '18' }).passwordHashCost).to.equal(18);
    expect(load({ NODE_ENV: 'test', PASSWORD_HASH_COST: '10' }).passwordHashCost).to.equal(10);
    for (const env of [{ PASSWORD_HASH_COST: '10' }, { NODE_ENV: 'production', PASSWORD_HASH_COST: '16' }, { PASSWORD_HASH_COST: '21' }] as Record<string, string>[]) {
      expect(() => load(env)).to.throw(ConfigError, /PASSWORD_HASH_COST/);
    }
  });

  it('bounds a transaction to 10 s unless TRANSACTION_TIMEOUT_SECONDS says otherwise', () => {
    expect(load({}).transactionTimeoutMs).to.equal(10_000);
    expect(load({ TRANSACTION_TIMEOUT_SECONDS: '2.5' }).transactionTimeoutMs).to.equal(2_500);
  });

  it('signs web pushes with PUBLIC_BASE_URL when it is https, else a mailto: at its host, unless VAPID_SUBJECT says', () => {
    expect(load({ PUBLIC_BASE_URL: 'https://queue.example-clinic.org/' }).vapidSubject).to.equal('https://queue.example-clinic.org');
    expect(load({ PUBLIC_BASE_URL: 'http://queue.example-clinic.org' }).vapidSubject).to.equal('mailto:notices@queue.example-clinic.org');
    expect(load({ VAPID_SUBJECT: 'mailto:it@example-clinic.org' }).vapidSubject).to.equal('mailto:it@example-clinic.org');
    expect(load({}).smsGatewayUrl).to.equal(null);
  });

  it('takes a fraction of a minute as the idle lifetime (short sessions for tests)', () => {
    expect(load({ SESSION_LIFETIME_MINUTES: '0.25' }).sessionLifetimeMinutes).to.equal(0.25);
  });

  it('reads every documented variable', () => {
    const config = load({
      PORT: '8080',
      DATABASE_URL: 'mysql://root@127.0.0.1:3306/clinic',
      CLINIC_TIMEZONE: 'America/New_York',
      PUBLIC_BASE_URL: 'https://queue.example.org/',
      SESSION_LIFETIME_MINUTES: '45',
      LOG_LEVEL: 'warn',
      CLINIC_NAME: 'Riverside Clinic',
      SEED_DEMO: 'false',
      TRUST_PROXY: 'yes',
      CLINIC_COUNTRY: 'es',
    });
    expect(config).to.include({
      port: 8080,
      databaseUrl: 'mysql://root@127.0.0.1:3306/clinic',
      clinicTimeZone: 'America/New_York',
      publicBaseUrl: 'https://queue.example.org',
      sessionLifetimeMinutes: 45,
      logLevel: 'warn',
      clinicName: 'Riverside Clinic',
      seedDemo: false,
      trustProxy: true,
      clinicCountry: 'ES',
    });
  });

  for (const [variable, value] of [
    ['PORT', 'eighty'],
    ['CLINIC_TIMEZONE', 'Mars/Olympus'],
    ['DATABASE_URL', 'postgres://x'],
    ['PUBLIC_BASE_URL', 'queue.example.org'],
    ['SESSION_LIFETIME_MINUTES', '0'],
    ['SESSION_LIFETIME_MINUTES', '0.01'],
    ['LOG_LEVEL', 'loud'],
    ['CLINIC_COUNTRY', 'Spain'],
    ['TRANSACTION_TIMEOUT_SECONDS', '0.1'],
    ['TRANSACTION_TIMEOUT_SECONDS', 'soon'],
    ['SMS_GATEWAY_URL', 'sms.example.com/send'],
    ['VAPID_SUBJECT', 'http://queue.example.org'],
  ]) {
    it(`refuses a bad ${variable} with a message naming it`, () => {
      expect(() => load({ [variable]: value }))
        .to.throw(ConfigError)
        .with.property('message')
        .that.matches(new RegExp(`^Invalid setting ${variable}=.*expected`));
    });
  }

  it('stops start-up with one clear line and exit code 1', function () {
    this.timeout(60_000);
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      cwd: ROOT_DIR,
      env: { ...process.env, CLINIC_TIMEZONE: 'Nowhere/Special', PORT: '0' },
      encoding: 'utf8',
    });
    expect(result.status).to.equal(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).to.have.length(1);
    expect(lines[0]).to.match(/^MediQueue cannot start: Invalid setting CLINIC_TIMEZONE="Nowhere\/Special": expected an IANA time zone/);
  });
});
