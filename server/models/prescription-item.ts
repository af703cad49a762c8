import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import type { MedicalRecord } from './medical-record';

/** One line of a visit's prescription; `position` keeps the doctor's order. Deleted with its record. */
export class PrescriptionItem extends Model<
  InferAttributes<PrescriptionItem>,
  InferCreationAttributes<PrescriptionItem>
> {
  declare id: CreationOptional<number>;
  declare medicalRecordId: number;
  declare position: number;
  declare medicine: string;
  declare dose: CreationOptional<string | null>;
  declare route: CreationOptional<string | null>;
  declare frequency: CreationOptional<string | null>;
  declare duration: CreationOptional<string | null>;
  declare instructions: CreationOptional<string | null>;
  /** The doctor prescribed it despite a matching recorded allergy (the confirmation is in the audit log). */
  declare allergyConfirmed: CreationOptional<boolean>;
  declare medicalRecord?: NonAttribute<MedicalRecord>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    const text = (length: number) => ({ type: DataTypes.STRING(length), allowNull: true, defaultValue: null });
    PrescriptionItem.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        medicalRecordId: { type: DataTypes.INTEGER, allowNull: false },
        position: { type: DataTypes.INTEGER, allowNull: false, validate: { min: 0 } },
        medicine: { type: DataTypes.STRING(200), allowNull: false, validate: { len: [1, 200] } },
        dose: text(100),
        route: text(50),
        frequency: text(100),
        duration: text(100),
        instructions: { type: DataTypes.TEXT, allowNull: true, defaultValue: null },
        allergyConfirmed: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      },
      { sequelize, tableName: 'prescription_items', timestamps: false },
    );
  }
}
