import { DataTypes, Model, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** One department shown by one display profile (the join row behind `DisplayProfile.departments`). */
export class DisplayProfileDepartment extends Model<
  InferAttributes<DisplayProfileDepartment>,
  InferCreationAttributes<DisplayProfileDepartment>
> {
  declare displayProfileId: number;
  declare departmentId: number;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    DisplayProfileDepartment.init(
      {
        displayProfileId: { type: DataTypes.INTEGER, primaryKey: true },
        departmentId: { type: DataTypes.INTEGER, primaryKey: true },
      },
      { sequelize, tableName: 'display_profile_departments', timestamps: false },
    );
  }
}
