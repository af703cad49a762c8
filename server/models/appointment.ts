import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import { bookingCode } from '../services/codes';
import type { DoctorProfile } from './doctor-profile';
import type { Patient } from './patient';
import type { QueueEntry } from './queue-entry';
import type { TimeSlot } from './time-slot';

/** Where an appointment stands. */
export const APPOINTMENT_STATUSES = ['booked', 'checked_in', 'in_consultation', 'completed', 'cancelled', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

const RELEASES_SLOT: ReadonlySet<AppointmentStatus> = new Set(['cancelled', 'no_show']);

/**
 * The `active` value for a status: TRUE while the appointment holds its slot, NULL once it has let it go.
 * NULL rather than FALSE because the unique index (slot_id, active) must allow any number of released appointments.
 */
export function activeFor(status: AppointmentStatus): true | null {
  return RELEASES_SLOT.has(status) ? null : true;
}

/**
 * A patient's booking of one doctor's time slot, found at the kiosk by its booking code.
 * `active` follows `status` (a setter for instance updates, hooks for saves with explicit fields and bulk updates,
 * and a CHECK constraint for everything else); it is what lets the database refuse a double booking.
 */
export class Appointment extends Model<InferAttributes<Appointment>, InferCreationAttributes<Appointment>> {
  declare id: CreationOptional<number>;
  declare patientId: number;
  declare doctorId: number;
  declare slotId: number;
  declare status: CreationOptional<AppointmentStatus>;
  /** Derived from `status`; never set it yourself. */
  declare active: CreationOptional<true | null>;
  /** Generated on creation (see services/codes.ts) unless given, and unique. */
  declare bookingCode: CreationOptional<string>;
  declare reason: CreationOptional<string | null>;
  declare cancellationReason: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare patient?: NonAttribute<Patient>;
  declare doctor?: NonAttribute<DoctorProfile>;
  declare slot?: NonAttribute<TimeSlot>;
  declare queueEntries?: NonAttribute<QueueEntry[]>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    Appointment.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        patientId: { type: DataTypes.INTEGER, allowNull: false },
        doctorId: { type: DataTypes.INTEGER, allowNull: false },
        slotId: { type: DataTypes.INTEGER, allowNull: false },
        status: {
          type: DataTypes.ENUM(...APPOINTMENT_STATUSES),
          allowNull: false,
          defaultValue: 'booked',
          set(this: Appointment, value: AppointmentStatus) {
            this.setDataValue('status', value);
            // Marks `active` changed too, so instance.update({ status }) writes both columns.
            this.setDataValue('active', activeFor(value));
          },
        },
        active: { type: DataTypes.BOOLEAN, allowNull: true, defaultValue: true },
        bookingCode: {
          type: DataTypes.STRING(12),
          allowNull: false,
          unique: true,
          defaultValue: () => bookingCode(),
        },
        reason: { type: DataTypes.STRING(255), allowNull: true, defaultValue: null },
        cancellationReason: { type: DataTypes.STRING(255), allowNull: true, defaultValue: null },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      {
        sequelize,
        tableName: 'appointments',
        hooks: {
          beforeSave(appointment, options) {
            appointment.setDataValue('active', activeFor(appointment.status));
            // save({ fields: ['status'] }) would otherwise write the status and leave `active` behind.
            if (options.fields?.includes('status') && !options.fields.includes('active')) options.fields.push('active');
          },
          beforeBulkUpdate(options) {
            const values = (options as { attributes?: Partial<InferAttributes<Appointment>> }).attributes;
            if (!values || values.status === undefined) return;
            values.active = activeFor(values.status);
            if (options.fields && !options.fields.includes('active')) options.fields.push('active');
          },
        },
      },
    );
  }
}
