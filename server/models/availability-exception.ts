import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import type { DoctorProfile } from './doctor-profile';

/** Days a doctor does not work despite the weekly schedule (leave, public holidays); both dates included. */
export class AvailabilityException extends Model<
  InferAttributes<AvailabilityException>,
  InferCreationAttributes<AvailabilityException>
> {
  declare id: CreationOptional<number>;
  declare doctorId: number;
  /** 'YYYY-MM-DD', a clinic day. */
  declare startDate: string;
  /** 'YYYY-MM-DD', a clinic day, inclusive. */
  declare endDate: string;
  declare reason: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare doctor?: NonAttribute<DoctorProfile>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    AvailabilityException.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        doctorId: { type: DataTypes.INTEGER, allowNull: false },
        startDate: { type: DataTypes.DATEONLY, allowNull: false, validate: { isDate: true } },
        endDate: { type: DataTypes.DATEONLY, allowNull: false, validate: { isDate: true } },
        reason: { type: DataTypes.STRING(200), allowNull: true, defaultValue: null },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      {
        sequelize,
        tableName: 'availability_exceptions',
        validate: {
          // 'YYYY-MM-DD' strings compare in date order. A bulk update may carry only one of the two.
          endsOnOrAfterStart(this: AvailabilityException) {
            if (this.startDate && this.endDate && this.endDate < this.startDate) {
              throw new Error('endDate must not be before startDate');
            }
          },
        },
      },
    );
  }
}
