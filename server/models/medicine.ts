import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** A medicine of the clinic's formulary: name, strength and form (issue 19). Withdrawn, never deleted. */
export class Medicine extends Model<InferAttributes<Medicine>, InferCreationAttributes<Medicine>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare strength: CreationOptional<string>;
  declare form: CreationOptional<string>;
  declare active: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    Medicine.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        name: { type: DataTypes.STRING(150), allowNull: false },
        strength: { type: DataTypes.STRING(80), allowNull: false, defaultValue: '' },
        form: { type: DataTypes.STRING(60), allowNull: false, defaultValue: '' },
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'medicines' },
    );
  }
}

/** A doctor's favourite medicine: shown first in their search. */
export class MedicineFavourite extends Model<InferAttributes<MedicineFavourite>, InferCreationAttributes<MedicineFavourite>> {
  declare userId: number;
  declare medicineId: number;
  declare createdAt: CreationOptional<Date>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    MedicineFavourite.init(
      {
        userId: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true },
        medicineId: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true },
        createdAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'medicine_favourites', updatedAt: false },
    );
  }
}
