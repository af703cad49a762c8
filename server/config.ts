import path from 'node:path';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_PASSWORD_COST } from './services/passwords';
import { isPhoneCountry } from './services/phone';
import { isTimeZone as knownTimeZone, localTimeZone } from '../common/clinic-format';

/** The project's root folder (where package.json lives). */
export const ROOT_DIR = path.resolve(import.meta.dirname, '..');

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The validated, frozen settings the whole server runs on. */
export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string;
  clinicName: string;
  clinicTimeZone: string;
  /** CLINIC_COUNTRY when set (ISO 3166 code such as GB); otherwise phone numbers follow the time zone's country. */
  clinicCountry: string | null;
  publicBaseUrl: string;
  sessionLifetimeMinutes: number;
  logLevel: (typeof LOG_LEVELS)[number];
  seedDemo: boolean;
  /** Take the client's address from X-Forwarded-For (behind a reverse proxy), for rate limits and sign-in throttling. */
  trustProxy: boolean;
  /** Days of simulated history the demo clinic gets on first start (0: none, a quicker first start). */
  demoHistoryDays: number;
  /** scrypt's cost for new password hashes, as log2(N): 17 (N=2^17) unless tests lower it. */
  passwordHashCost: number;
  /** Extra browser origins (scheme://host:port) allowed to send state-changing requests, besides PUBLIC_BASE_URL's. */
  allowedOrigins: string[];
  /** Origins allowed to frame the TV display (digital signage players); nobody may frame any other page. */
  displayFrameAncestors: string[];
  /** REDIS_URL: shared by several servers behind one balancer (limits, leases); null for a server on its own. */
  redisUrl: string | null;
  /** REDIS_PREFIX: starts every key this deployment keeps in Redis, so several clinics can share one Redis. */
  redisPrefix: string;
  /** How long one database transaction may take, retries included, before it is rolled back and answered 503. */
  transactionTimeoutMs: number;
  /** How often the webhook worker looks for due deliveries, in seconds. */
  webhookPollSeconds: number;
  /** The first retry's delay after a failed delivery, in seconds; each further retry waits twice as long (capped at an hour). */
  webhookRetryBaseSeconds: number;
  /** SMS_GATEWAY_URL: where texts to patients are POSTed (server/notices/sms.ts); null: no SMS is offered. */
  smsGatewayUrl: string | null;
  /** SMS_GATEWAY_TOKEN: sent as `Authorization: Bearer <token>` to the gateway; null sends none. */
  smsGatewayToken: string | null;
  /** VAPID_SUBJECT: how push services may reach the clinic (mailto: or https:), sent with every web push. */
  vapidSubject: string;
  /** SMTP_URL (smtp:// or smtps://user:pass@host:port): sign-in codes for email addresses go out by email; null prints them to the log. */
  smtpUrl: string | null;
  /** SMTP_FROM: the sender of those emails, such as "Clinic <no-reply@example-clinic.org>" (required with SMTP_URL). */
  smtpFrom: string | null;
}

/** A setting that is missing or malformed; start-up prints `message` and exits with code 1. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** An IANA zone by name ("Europe/Berlin", or UTC), not an abbreviation such as "CET". */
function isTimeZone(zone: string): boolean {
  return knownTimeZone(zone) && (zone.includes('/') || zone === 'UTC');
}

function defaultTimeZone(): string {
  const zone = localTimeZone();
  return zone && isTimeZone(zone) ? zone : 'UTC';
}

const boolean = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

/**
 * Push services want a way to reach whoever sends: the public address when it is https, else a mailto: at its host
 * (a push service refuses an http:// subject).
 */
function defaultVapidSubject(publicBaseUrl: string): string {
  const url = new URL(publicBaseUrl);
  return url.protocol === 'https:' ? url.origin : `mailto:notices@${url.hostname.includes('.') ? url.hostname : 'example.invalid'}`;
}

/** A comma-separated list of exact origins (scheme://host[:port], nothing after); empty for none. */
const origins = z
  .string()
  .transform((list) => list.split(',').map((o) => o.trim()).filter(Boolean))
  .refine((list) => list.every((o) => /^https?:\/\/[^/?#\s]+$/.test(o) && new URL(o).origin === o));

/**
 * Each variable with its parser and, in `expected`, the words used when it is wrong.
 * Order matters: later defaults (PUBLIC_BASE_URL) read earlier values (PORT).
 */
const VARIABLES = {
  NODE_ENV: { schema: z.enum(['development', 'production', 'test']), expected: 'development, production or test' },
  HOST: { schema: z.string().min(1), expected: 'a host name or IP address to listen on, such as 0.0.0.0' },
  PORT: { schema: z.coerce.number().int().min(0).max(65535), expected: 'a port number from 0 to 65535' },
  DATABASE_URL: {
    schema: z.string().regex(/^(sqlite:.+|(mysql|mariadb):\/\/.+)$/),
    expected: 'sqlite:<file path> or mysql://user:password@host:3306/database',
  },
  CLINIC_NAME: { schema: z.string().trim().min(1).max(100), expected: 'the clinic name, 1 to 100 characters' },
  CLINIC_TIMEZONE: {
    schema: z.string().refine(isTimeZone),
    expected: 'an IANA time zone name such as Europe/London or America/New_York',
  },
  CLINIC_COUNTRY: {
    schema: z
      .string()
      .trim()
      .transform((c) => c.toUpperCase())
      .refine((c) => c === '' || isPhoneCountry(c)),
    expected: 'a two-letter country code such as GB, ES or AE (phone numbers typed without a country code are read as this country\'s)',
  },
  PUBLIC_BASE_URL: {
    schema: z
      .string()
      .url()
      .refine((u) => /^https?:\/\//.test(u))
      .transform((u) => u.replace(/\/+$/, '')),
    expected: 'the address patients and screens use to reach this server, such as https://queue.example-clinic.org',
  },
  SESSION_LIFETIME_MINUTES: {
    // Fractions are allowed (0.1 = 6 seconds) so tests and demonstrations need not wait a minute.
    schema: z.coerce.number().min(0.05).max(24 * 60),
    expected: 'minutes of inactivity before staff must sign in again, from 0.05 to 1440 (fractions allowed)',
  },
  LOG_LEVEL: { schema: z.enum(LOG_LEVELS), expected: LOG_LEVELS.join(', ') },
  SEED_DEMO: { schema: boolean, expected: 'true or false' },
  DEMO_HISTORY_DAYS: { schema: z.coerce.number().int().min(0).max(90), expected: 'a whole number of days from 0 to 90' },
  TRUST_PROXY: { schema: boolean, expected: 'true or false' },
  PASSWORD_HASH_COST: {
    // 20 already takes seconds and 1 GiB per hash; below OWASP's 17 only tests may go (checked in loadConfig).
    schema: z.coerce.number().int().min(10).max(20),
    expected: `scrypt's cost as log2(N), a whole number from ${DEFAULT_PASSWORD_COST} to 20 (from 10 with NODE_ENV=test)`,
  },
  ALLOWED_ORIGINS: { schema: origins, expected: 'a comma-separated list of origins such as https://desk.example-clinic.org' },
  DISPLAY_FRAME_ANCESTORS: {
    schema: origins,
    expected: 'a comma-separated list of origins allowed to frame /display, such as https://signage.example.com',
  },
  REDIS_URL: {
    schema: z.string().regex(/^(rediss?:\/\/.+)?$/),
    expected: 'empty (one server on its own) or a Redis address such as redis://127.0.0.1:6379',
  },
  REDIS_PREFIX: {
    schema: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/),
    expected: 'letters, digits, dots, dashes or underscores (up to 40), such as mq or clinic-north',
  },
  TRANSACTION_TIMEOUT_SECONDS: {
    // Below half a second a busy but healthy database would refuse real work; above ten minutes nothing is bounded.
    schema: z.coerce.number().min(0.5).max(600),
    expected: 'seconds one database transaction may take before it is abandoned, from 0.5 to 600 (fractions allowed)',
  },
  WEBHOOK_POLL_SECONDS: {
    // Fractions so tests need not wait; a clinic's default is a few seconds.
    schema: z.coerce.number().min(0.05).max(300),
    expected: 'seconds between looks for due webhook deliveries, from 0.05 to 300',
  },
  WEBHOOK_RETRY_BASE_SECONDS: {
    schema: z.coerce.number().min(0.05).max(3600),
    expected: 'seconds before the first retry of a failed webhook delivery, from 0.05 to 3600 (each retry doubles it)',
  },
  SMS_GATEWAY_URL: {
    schema: z.string().regex(/^(https?:\/\/[^\s]+)?$/),
    expected: 'empty (no SMS) or the gateway\'s address, such as https://sms.example.com/send',
  },
  SMS_GATEWAY_TOKEN: { schema: z.string().max(500), expected: 'the gateway\'s bearer token (up to 500 characters)' },
  VAPID_SUBJECT: {
    schema: z.string().regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/[^\s]+)$/),
    expected: 'a contact for push services: mailto:someone@example-clinic.org or an https:// address',
  },
  SMTP_URL: {
    schema: z.string().regex(/^(smtps?:\/\/[^\s]+)?$/),
    expected: 'empty (codes printed to the log) or an SMTP server such as smtp://user:password@mail.example.com:587',
  },
  SMTP_FROM: {
    schema: z.string().regex(/^([^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)?$/),
    expected: 'the sender\'s address, such as no-reply@example-clinic.org or "Clinic <no-reply@example-clinic.org>"',
  },
} as const;

function parse<K extends keyof typeof VARIABLES>(
  name: K,
  raw: string | undefined,
): z.output<(typeof VARIABLES)[K]['schema']> {
  const spec = VARIABLES[name];
  const result = spec.schema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(name, `Invalid setting ${name}=${JSON.stringify(raw)}: expected ${spec.expected}.`);
  }
  return result.data as z.output<(typeof VARIABLES)[K]['schema']>;
}

/**
 * Reads the configuration from environment variables (a `.env` file in the project root fills in unset ones).
 * Throws ConfigError naming the first bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: { dotenv?: boolean } = {}): Readonly<Config> {
  if (options.dotenv !== false && env === process.env) {
    const file = path.join(ROOT_DIR, '.env');
    // process.loadEnvFile never overrides variables that are already set.
    if (existsSync(file)) process.loadEnvFile(file);
  }
  const get = (name: keyof typeof VARIABLES, fallback: string) => {
    const value = env[name];
    return value === undefined || value === '' ? fallback : value;
  };
  const nodeEnv = parse('NODE_ENV', get('NODE_ENV', 'development'));
  const port = parse('PORT', get('PORT', '3000'));
  const config: Config = {
    env: nodeEnv,
    host: parse('HOST', get('HOST', '0.0.0.0')),
    port,
    databaseUrl: parse('DATABASE_URL', get('DATABASE_URL', `sqlite:${path.join('data', 'mediqueue.sqlite')}`)),
    clinicName: parse('CLINIC_NAME', get('CLINIC_NAME', 'MediQueue Demo Clinic')),
    clinicTimeZone: parse('CLINIC_TIMEZONE', get('CLINIC_TIMEZONE', defaultTimeZone())),
    clinicCountry: parse('CLINIC_COUNTRY', get('CLINIC_COUNTRY', '')) || null,
    publicBaseUrl: parse('PUBLIC_BASE_URL', get('PUBLIC_BASE_URL', `http://localhost:${port}`)),
    sessionLifetimeMinutes: parse('SESSION_LIFETIME_MINUTES', get('SESSION_LIFETIME_MINUTES', '30')),
    logLevel: parse('LOG_LEVEL', get('LOG_LEVEL', nodeEnv === 'test' ? 'silent' : 'info')),
    seedDemo: parse('SEED_DEMO', get('SEED_DEMO', nodeEnv === 'production' ? 'false' : 'true')),
    demoHistoryDays: parse('DEMO_HISTORY_DAYS', get('DEMO_HISTORY_DAYS', '30')),
    trustProxy: parse('TRUST_PROXY', get('TRUST_PROXY', 'false')),
    passwordHashCost: parse('PASSWORD_HASH_COST', get('PASSWORD_HASH_COST', String(DEFAULT_PASSWORD_COST))),
    allowedOrigins: parse('ALLOWED_ORIGINS', get('ALLOWED_ORIGINS', '')),
    displayFrameAncestors: parse('DISPLAY_FRAME_ANCESTORS', get('DISPLAY_FRAME_ANCESTORS', '')),
    redisUrl: parse('REDIS_URL', get('REDIS_URL', '')) || null,
    redisPrefix: parse('REDIS_PREFIX', get('REDIS_PREFIX', 'mq')),
    transactionTimeoutMs: parse('TRANSACTION_TIMEOUT_SECONDS', get('TRANSACTION_TIMEOUT_SECONDS', '10')) * 1000,
    webhookPollSeconds: parse('WEBHOOK_POLL_SECONDS', get('WEBHOOK_POLL_SECONDS', '2')),
    webhookRetryBaseSeconds: parse('WEBHOOK_RETRY_BASE_SECONDS', get('WEBHOOK_RETRY_BASE_SECONDS', '30')),
    smsGatewayUrl: parse('SMS_GATEWAY_URL', get('SMS_GATEWAY_URL', '')) || null,
    smsGatewayToken: parse('SMS_GATEWAY_TOKEN', get('SMS_GATEWAY_TOKEN', '')) || null,
    vapidSubject: '',
    smtpUrl: parse('SMTP_URL', get('SMTP_URL', '')) || null,
    smtpFrom: parse('SMTP_FROM', get('SMTP_FROM', '')) || null,
  };
  config.vapidSubject = parse('VAPID_SUBJECT', get('VAPID_SUBJECT', defaultVapidSubject(config.publicBaseUrl)));
  if (config.smtpUrl && !config.smtpFrom) {
    throw new ConfigError('SMTP_FROM', `SMTP_URL is set but SMTP_FROM is not: expected ${VARIABLES.SMTP_FROM.expected}.`);
  }
  // A cheap hash is only for tests, where every sign-in would otherwise cost 0.7 s; real accounts never get one.
  if (config.passwordHashCost < DEFAULT_PASSWORD_COST && nodeEnv !== 'test') {
    throw new ConfigError(
      'PASSWORD_HASH_COST',
      `Invalid setting PASSWORD_HASH_COST=${JSON.stringify(env.PASSWORD_HASH_COST)}: expected ${VARIABLES.PASSWORD_HASH_COST.expected}.`,
    );
  }
  return Object.freeze(config);
}
