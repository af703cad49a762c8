import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import type { Appointment } from './appointment';
import type { DoctorProfile } from './doctor-profile';

/**
 * A bookable stretch of one doctor's time, as UTC instants. Whether it is taken is not stored here: a slot is booked
 * while it has an active appointment, which the unique index on appointments (slot_id, active) keeps to one.
 */
export class TimeSlot extends Model<InferAttributes<TimeSlot>, InferCreationAttributes<TimeSlot>> {
  declare id: CreationOptional<number>;
  declare doctorId: number;
  declare startsAt: Date;
  declare endsAt: Date;
  /** Taken out of booking by staff without deleting it. */
  declare blocked: CreationOptional<boolean>;
  /**
   * Set when slot generation took the slot out of the schedule but could not delete it, because cancelled or
   * no-show appointments refer to it. A withdrawn slot is never bookable or shown (services/slots.ts).
   */
  declare withdrawnAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare doctor?: NonAttribute<DoctorProfile>;
  declare appointments?: NonAttribute<Appointment[]>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    TimeSlot.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        doctorId: { type: DataTypes.INTEGER, allowNull: false },
        startsAt: { type: DataTypes.DATE(3), allowNull: false },
        endsAt: { type: DataTypes.DATE(3), allowNull: false },
        blocked: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        withdrawnAt: { type: DataTypes.DATE(3), allowNull: true, defaultValue: null },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      {
        sequelize,
        tableName: 'time_slots',
        validate: {
          // A bulk update (blocking slots, say) carries neither instant: nothing to compare.
          endsAfterStart(this: TimeSlot) {
            if (this.startsAt && this.endsAt && new Date(this.endsAt) <= new Date(this.startsAt)) {
              throw new Error('endsAt must be later than startsAt');
            }
          },
        },
      },
    );
  }
}
