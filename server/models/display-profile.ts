import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import { DISPLAY_LANGUAGES, DISPLAY_THEMES, type DisplayLanguage, type DisplayTheme } from '../../common/display';
import type { Department } from './department';

/** What one waiting-room screen shows and how: its departments, language, voice and theme (admins set these up). */
export class DisplayProfile extends Model<InferAttributes<DisplayProfile>, InferCreationAttributes<DisplayProfile>> {
  declare id: CreationOptional<number>;
  declare name: string;
  /** The profile's name in the display's address (`/display?profile=main-hall`). */
  declare slug: string;
  declare language: CreationOptional<DisplayLanguage>;
  declare voice: CreationOptional<boolean>;
  declare theme: CreationOptional<DisplayTheme>;
  /** The kiosk profile whose phone check-in the screen's QR code opens; null for the clinic-wide check-in. */
  declare checkInKioskId: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  /** Loaded through display_profile_departments; empty means every active department. */
  declare departments?: NonAttribute<Department[]>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    DisplayProfile.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        name: { type: DataTypes.STRING(100), allowNull: false, unique: true, validate: { len: [1, 100] } },
        slug: {
          type: DataTypes.STRING(64),
          allowNull: false,
          unique: true,
          validate: { is: /^[a-z0-9]+(?:-[a-z0-9]+)*$/, len: [1, 64] },
        },
        language: { type: DataTypes.STRING(8), allowNull: false, defaultValue: 'en', validate: { isIn: [DISPLAY_LANGUAGES] } },
        voice: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        theme: { type: DataTypes.STRING(8), allowNull: false, defaultValue: 'dark', validate: { isIn: [DISPLAY_THEMES] } },
        checkInKioskId: { type: DataTypes.INTEGER, allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'display_profiles' },
    );
  }
}
