import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import { publicCode } from '../services/codes';
import type { Appointment } from './appointment';
import type { Department } from './department';
import type { DoctorProfile } from './doctor-profile';
import type { Patient } from './patient';
import type { WaitEstimate } from './wait-estimate';

/** Priority classes, most urgent first. */
export const QUEUE_PRIORITIES = ['emergency', 'priority', 'normal'] as const;
export type QueuePriority = (typeof QUEUE_PRIORITIES)[number];

/** Why an entry has the `priority` class. */
export const PRIORITY_REASONS = ['elderly', 'pregnant', 'disability'] as const;
export type PriorityReason = (typeof PRIORITY_REASONS)[number];

/** The steps of a visit through the queue. */
export const QUEUE_STATUSES = [
  'waiting',
  'called',
  'in_consultation',
  'completed',
  'skipped',
  'cancelled',
  'transferred',
] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/**
 * One token in a department's queue for one clinic day (`C-014`), from check-in to the end of the visit.
 * Optimistic locking is on (`version`): saving an instance someone else changed meanwhile throws
 * OptimisticLockError, so two clicks on stale screens cannot both move the same entry.
 */
export class QueueEntry extends Model<InferAttributes<QueueEntry>, InferCreationAttributes<QueueEntry>> {
  declare id: CreationOptional<number>;
  declare departmentId: number;
  /** Null while any doctor of the department may call it. */
  declare doctorId: CreationOptional<number | null>;
  /** Null for an anonymous walk-in. */
  declare patientId: CreationOptional<number | null>;
  declare appointmentId: CreationOptional<number | null>;
  /** 'YYYY-MM-DD' in the clinic's time zone. */
  declare clinicDay: string;
  /** From the department's queue counter; unique per (department, clinic day). */
  declare sequence: number;
  declare token: string;
  declare priority: CreationOptional<QueuePriority>;
  declare priorityReason: CreationOptional<PriorityReason | null>;
  declare status: CreationOptional<QueueStatus>;
  declare checkedInAt: Date;
  /** The latest announcement: set by every call and recall, so displays show when the token was last called. */
  declare calledAt: CreationOptional<Date | null>;
  /** The first call, kept through recalls and returns to the queue; the average wait is measured to it. */
  declare firstCalledAt: CreationOptional<Date | null>;
  declare consultationStartedAt: CreationOptional<Date | null>;
  declare completedAt: CreationOptional<Date | null>;
  declare skippedAt: CreationOptional<Date | null>;
  declare cancelledAt: CreationOptional<Date | null>;
  declare transferredAt: CreationOptional<Date | null>;
  declare recallCount: CreationOptional<number>;
  /** The secret in the patient's ticket link; generated on creation. */
  declare publicCode: CreationOptional<string>;
  /** The entry this one continues after a transfer (it keeps the original check-in time). */
  declare transferredFromId: CreationOptional<number | null>;
  /** The check-in request's key (from the kiosk): a retry with the same key gets this entry back. Unique. */
  declare idempotencyKey: CreationOptional<string | null>;
  /** Optional first name an anonymous walk-in gave at the kiosk; staff screens only, never public ones. */
  declare firstName: CreationOptional<string | null>;
  /** Optional phone number an anonymous walk-in gave at the kiosk; staff screens only, never public ones. */
  declare contactPhone: CreationOptional<string | null>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare department?: NonAttribute<Department>;
  declare doctor?: NonAttribute<DoctorProfile | null>;
  declare patient?: NonAttribute<Patient | null>;
  declare appointment?: NonAttribute<Appointment | null>;
  declare transferredFrom?: NonAttribute<QueueEntry | null>;
  /** The wait estimate shown at check-in, when loaded. */
  declare estimate?: NonAttribute<WaitEstimate | null>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    // A function, not a shared object: Sequelize writes each attribute's column name (`field`) into its options
    // object, so one object shared by several attributes maps them all to the first one's column.
    const instant = () => ({ type: DataTypes.DATE(3), allowNull: true, defaultValue: null });
    QueueEntry.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        departmentId: { type: DataTypes.INTEGER, allowNull: false },
        doctorId: { type: DataTypes.INTEGER, allowNull: true, defaultValue: null },
        patientId: { type: DataTypes.INTEGER, allowNull: true, defaultValue: null },
        appointmentId: { type: DataTypes.INTEGER, allowNull: true, defaultValue: null },
        clinicDay: { type: DataTypes.DATEONLY, allowNull: false },
        sequence: { type: DataTypes.INTEGER, allowNull: false, validate: { min: 1 } },
        token: { type: DataTypes.STRING(12), allowNull: false },
        priority: { type: DataTypes.ENUM(...QUEUE_PRIORITIES), allowNull: false, defaultValue: 'normal' },
        priorityReason: { type: DataTypes.ENUM(...PRIORITY_REASONS), allowNull: true, defaultValue: null },
        status: { type: DataTypes.ENUM(...QUEUE_STATUSES), allowNull: false, defaultValue: 'waiting' },
        checkedInAt: { type: DataTypes.DATE(3), allowNull: false },
        calledAt: instant(),
        firstCalledAt: instant(),
        consultationStartedAt: instant(),
        completedAt: instant(),
        skippedAt: instant(),
        cancelledAt: instant(),
        transferredAt: instant(),
        recallCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        publicCode: { type: DataTypes.STRING(64), allowNull: false, unique: true, defaultValue: () => publicCode() },
        transferredFromId: { type: DataTypes.INTEGER, allowNull: true, defaultValue: null },
        idempotencyKey: { type: DataTypes.STRING(64), allowNull: true, defaultValue: null, unique: true },
        firstName: { type: DataTypes.STRING(40), allowNull: true, defaultValue: null },
        contactPhone: { type: DataTypes.STRING(32), allowNull: true, defaultValue: null },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'queue_entries', version: true },
    );
  }
}
