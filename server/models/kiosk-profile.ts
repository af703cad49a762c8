import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import { KIOSK_LANGUAGES, type KioskProfileLanguage } from '../../common/kiosk-profile';
import type { Department } from './department';

/** How one check-in kiosk is set up: the departments it offers, whether it prints tickets, its language. */
export class KioskProfile extends Model<InferAttributes<KioskProfile>, InferCreationAttributes<KioskProfile>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare printing: CreationOptional<boolean>;
  declare language: CreationOptional<KioskProfileLanguage>;
  /** Whether check-in codes linked to this kiosk (displays, posters) may be used from patients' phones. */
  declare phoneCheckIn: CreationOptional<boolean>;
  /** Forbid zooming on the kiosk (its own hardware, where a stray pinch would stay zoomed). */
  declare lockZoom: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  /** Loaded through kiosk_profile_departments; empty means every active department. */
  declare departments?: NonAttribute<Department[]>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    KioskProfile.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        name: { type: DataTypes.STRING(100), allowNull: false, unique: true, validate: { len: [1, 100] } },
        printing: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        language: { type: DataTypes.STRING(8), allowNull: false, defaultValue: 'en', validate: { isIn: [KIOSK_LANGUAGES] } },
        phoneCheckIn: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        lockZoom: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'kiosk_profiles' },
    );
  }
}
