import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/** One day's opening hours: ISO weekday (1 = Monday) and local 'HH:MM' times. */
export interface OpeningInterval {
  weekday: number;
  opens: string;
  closes: string;
}

/** Opening hours as an admin enters them: free text ("Mon-Fri 8-18"), per weekday, or both. */
export interface OpeningHoursValue {
  text: string | null;
  weekly: OpeningInterval[];
}

/** A JSON-in-TEXT attribute that reads back as the value it was given, on both engines. */
function json<T>(attribute: string) {
  return {
    get(this: Model) {
      const raw = this.getDataValue(attribute as never) as unknown as string | null;
      return (raw ? JSON.parse(raw) : null) as T;
    },
    set(this: Model, value: T) {
      this.setDataValue(attribute as never, JSON.stringify(value) as never);
    },
  };
}

/** The clinic's saved settings: a single row (id 1), written by an admin (services/settings.ts). */
export class ClinicSetting extends Model<InferAttributes<ClinicSetting>, InferCreationAttributes<ClinicSetting>> {
  declare id: number;
  declare name: string;
  declare timeZone: string;
  declare openingHours: OpeningHoursValue;
  declare kioskLanguages: string[];
  declare displayLanguages: string[];
  declare publicBooking: boolean;
  declare slotHorizonDays: number;
  /** ISO 3166 code for phone numbers typed without a country code; null: CLINIC_COUNTRY, else the zone's country. */
  declare country: CreationOptional<string | null>;
  declare updatedBy: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    ClinicSetting.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true },
        name: { type: DataTypes.STRING(100), allowNull: false, validate: { len: [1, 100] } },
        timeZone: { type: DataTypes.STRING(64), allowNull: false },
        openingHours: { type: DataTypes.TEXT, allowNull: false, ...json<OpeningHoursValue>('openingHours') },
        kioskLanguages: { type: DataTypes.STRING(200), allowNull: false, ...json<string[]>('kioskLanguages') },
        displayLanguages: { type: DataTypes.STRING(200), allowNull: false, ...json<string[]>('displayLanguages') },
        publicBooking: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        slotHorizonDays: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 28, validate: { min: 1, max: 366 } },
        country: { type: DataTypes.STRING(2), allowNull: true },
        updatedBy: { type: DataTypes.INTEGER, allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'clinic_settings' },
    );
  }
}
