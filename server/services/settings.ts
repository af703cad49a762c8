import type { Sequelize } from 'sequelize';
import type { ClinicSettings, ClinicSettingsRequest, PublicSettings } from '../../common/admin';
import type { Config } from '../config';
import { clinicCountry, type PhoneCountry } from './phone';
import { inTransaction } from '../db/transaction';
import { ClinicSetting } from '../models';
import { audit } from './audit';

/** Days of slots generated from today when nobody has said otherwise (the "four weeks"). */
export const DEFAULT_HORIZON_DAYS = 28;

const SETTINGS_ID = 1;

/** Reads the clinic's current name (the saved one, else CLINIC_NAME), for pages and headers that show it. */
export type ClinicNameSource = () => Promise<string>;

/**
 * The clinic's settings: the saved row when an admin has saved one, otherwise the environment's values (CLINIC_NAME,
 * CLINIC_TIMEZONE) and defaults. Read on every use (one primary-key read), so the public-booking switch, the
 * horizon and the clinic's name take effect at once: /api/clinic, ticket pages, prescriptions and confirmations read
 * the name through {@link SettingsService.clinicName}, and every server process sees the same row.
 *
 * The time zone is different: the queue engine, token numbering and every clinic-day calculation run on the zone the
 * server started with (`activeTimeZone`). A saved zone is applied at the next start (see applySavedSettings), and
 * until then `restartRequired` says so. Switching zones under a running queue would move "today" mid-day.
 */
export class SettingsService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly config: Readonly<Config>,
  ) {}

  /** The zone this server runs on. */
  get activeTimeZone(): string {
    return this.config.clinicTimeZone;
  }

  /** Everything, for admins. */
  async get(): Promise<ClinicSettings> {
    const row = await ClinicSetting.findByPk(SETTINGS_ID);
    const base = row ? fromRow(row) : this.defaults();
    return {
      ...base,
      country: base.country ?? null,
      phoneCountry: clinicCountry({ country: base.country ?? this.config.clinicCountry, timeZone: this.activeTimeZone }),
      activeTimeZone: this.activeTimeZone,
      restartRequired: base.timeZone !== this.activeTimeZone,
      savedAt: row ? row.updatedAt.toISOString() : null,
    };
  }

  /** The clinic's name as saved (or CLINIC_NAME until an admin saves). */
  async clinicName(): Promise<string> {
    const row = await ClinicSetting.findByPk(SETTINGS_ID, { attributes: ['name'] });
    return row ? row.name : this.config.clinicName;
  }

  /**
   * The country phone numbers typed without a country code are read as: the saved setting, else CLINIC_COUNTRY, else
   * the running zone's country. Read on every use, so a change applies at once on every server process.
   */
  async phoneCountry(): Promise<PhoneCountry | null> {
    const row = await ClinicSetting.findByPk(SETTINGS_ID, { attributes: ['id', 'country'] });
    return clinicCountry({ country: row?.country ?? this.config.clinicCountry, timeZone: this.activeTimeZone });
  }

  /** What any screen may read. */
  async getPublic(): Promise<PublicSettings> {
    const { name, timeZone, openingHours, kioskLanguages, displayLanguages, publicBooking } = await this.get();
    return { name, timeZone, openingHours, kioskLanguages, displayLanguages, publicBooking };
  }

  /** Saves the whole settings object (admin), audited with the names of the fields that changed. */
  async save(input: ClinicSettingsRequest, userId: number, ip: string): Promise<ClinicSettings> {
    await inTransaction(this.sequelize, async (transaction) => {
      const row = await ClinicSetting.findByPk(SETTINGS_ID, { transaction, lock: transaction.LOCK.UPDATE });
      const before = row ? fromRow(row) : this.defaults();
      const changed = (Object.keys(input) as Array<keyof ClinicSettingsRequest>).filter(
        (key) => JSON.stringify(before[key]) !== JSON.stringify(input[key]),
      );
      // A client that does not send the country (written before it existed) leaves it as it is.
      const values = { ...input, country: input.country === undefined ? before.country ?? null : input.country, updatedBy: userId };
      if (row) await row.update(values, { transaction });
      else await ClinicSetting.create({ id: SETTINGS_ID, ...values }, { transaction });
      await audit({ userId, action: 'settings.update', entityType: 'clinic_settings', entityId: SETTINGS_ID, ip, details: { changed } }, transaction);
    });
    return this.get();
  }

  /** The environment's values, until an admin saves settings. */
  private defaults(): ClinicSettingsRequest {
    return {
      name: this.config.clinicName,
      timeZone: this.config.clinicTimeZone,
      openingHours: { text: null, weekly: [] },
      kioskLanguages: ['en'],
      displayLanguages: ['en'],
      publicBooking: true,
      slotHorizonDays: DEFAULT_HORIZON_DAYS,
      country: null,
    };
  }
}

function fromRow(row: ClinicSetting): ClinicSettingsRequest {
  return {
    name: row.name,
    timeZone: row.timeZone,
    openingHours: row.openingHours,
    kioskLanguages: row.kioskLanguages,
    displayLanguages: row.displayLanguages,
    publicBooking: Boolean(row.publicBooking),
    slotHorizonDays: row.slotHorizonDays,
    country: row.country ?? null,
  };
}

/**
 * The configuration the server starts with: the environment, with the clinic name and time zone an admin saved
 * taking their place. Called once at start-up (server/index.ts), which is how a changed zone takes effect.
 */
export async function applySavedSettings(config: Readonly<Config>): Promise<Readonly<Config>> {
  const row = await ClinicSetting.findByPk(SETTINGS_ID);
  if (!row) return config;
  return Object.freeze({ ...config, clinicName: row.name, clinicTimeZone: row.timeZone });
}
