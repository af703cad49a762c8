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

/** 'HH:MM', 24-hour clock. */
export const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * One working interval in a doctor's week, in the clinic's local time ('09:00' to '13:00' on weekday 1 = Monday).
 * A day may have several; the gaps between them are breaks. Slots are generated from these (services/slots.ts).
 */
export class DoctorAvailability extends Model<
  InferAttributes<DoctorAvailability>,
  InferCreationAttributes<DoctorAvailability>
> {
  declare id: CreationOptional<number>;
  declare doctorId: number;
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  declare weekday: number;
  declare startTime: string;
  declare endTime: string;
  declare slotMinutes: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare doctor?: NonAttribute<DoctorProfile>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    DoctorAvailability.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        doctorId: { type: DataTypes.INTEGER, allowNull: false },
        weekday: { type: DataTypes.TINYINT, allowNull: false, validate: { isInt: true, min: 1, max: 7 } },
        startTime: { type: DataTypes.STRING(5), allowNull: false, validate: { is: LOCAL_TIME } },
        endTime: { type: DataTypes.STRING(5), allowNull: false, validate: { is: LOCAL_TIME } },
        slotMinutes: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 15, validate: { min: 5, max: 240 } },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      {
        sequelize,
        tableName: 'doctor_availabilities',
        validate: {
          // 'HH:MM' strings compare in time order. A bulk update may carry only one of the two: nothing to compare.
          endsAfterStart(this: DoctorAvailability) {
            if (this.startTime && this.endTime && this.endTime <= this.startTime) {
              throw new Error('endTime must be later than startTime');
            }
          },
        },
      },
    );
  }
}
