import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/** A clinic department; its prefix starts every token it issues (`C` in `C-014`). */
export class Department extends Model<InferAttributes<Department>, InferCreationAttributes<Department>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare prefix: string;
  declare active: CreationOptional<boolean>;
  /** The name in other languages, by language code (`{ es: 'Cardiología' }`); patients' screens show them. */
  declare labels: CreationOptional<Record<string, string> | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    Department.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        name: { type: DataTypes.STRING(100), allowNull: false, unique: true, validate: { len: [1, 100] } },
        prefix: {
          type: DataTypes.STRING(3),
          allowNull: false,
          unique: true,
          validate: { is: /^[A-Z]{1,3}$/ },
        },
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        labels: {
          // JSON in TEXT: the same on SQLite and MySQL/MariaDB.
          type: DataTypes.TEXT,
          allowNull: true,
          defaultValue: null,
          get(this: Department) {
            const raw = this.getDataValue('labels') as unknown as string | null;
            return raw ? (JSON.parse(raw) as Record<string, string>) : null;
          },
          set(this: Department, value: Record<string, string> | null) {
            this.setDataValue('labels', (value && Object.keys(value).length ? JSON.stringify(value) : null) as never);
          },
        },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'departments' },
    );
  }
}
