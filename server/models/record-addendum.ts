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
import type { User } from './user';

/** A note added to a medical record after it was signed. Written once, never edited (no updated_at). */
export class RecordAddendum extends Model<InferAttributes<RecordAddendum>, InferCreationAttributes<RecordAddendum>> {
  declare id: CreationOptional<number>;
  declare medicalRecordId: number;
  declare authorId: number;
  declare text: string;
  declare createdAt: CreationOptional<Date>;
  declare medicalRecord?: NonAttribute<MedicalRecord>;
  declare author?: NonAttribute<User>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    RecordAddendum.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        medicalRecordId: { type: DataTypes.INTEGER, allowNull: false },
        authorId: { type: DataTypes.INTEGER, allowNull: false },
        text: { type: DataTypes.TEXT, allowNull: false, validate: { len: [1, 20_000] } },
        createdAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'record_addenda', updatedAt: false },
    );
  }
}
