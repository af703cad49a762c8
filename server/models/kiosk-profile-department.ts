import { DataTypes, Model, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** One department offered by one kiosk profile (the join row behind `KioskProfile.departments`). */
export class KioskProfileDepartment extends Model<InferAttributes<KioskProfileDepartment>, InferCreationAttributes<KioskProfileDepartment>> {
  declare kioskProfileId: number;
  declare departmentId: number;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    KioskProfileDepartment.init(
      {
        kioskProfileId: { type: DataTypes.INTEGER, primaryKey: true },
        departmentId: { type: DataTypes.INTEGER, primaryKey: true },
      },
      { sequelize, tableName: 'kiosk_profile_departments', timestamps: false },
    );
  }
}
