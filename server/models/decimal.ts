import { DataTypes, type Model, type ModelAttributeColumnOptions } from 'sequelize';

/**
 * A nullable DECIMAL attribute that reads back as a number on every dialect: mysql2 hands DECIMAL values over as
 * strings (to keep their precision), SQLite as numbers, and the API must not depend on which database it runs on.
 * Raw queries bypass the getter and still see the driver's value.
 */
export function decimalAttribute<M extends Model>(
  attribute: string,
  precision: number,
  scale: number,
  validate?: ModelAttributeColumnOptions<M>['validate'],
): ModelAttributeColumnOptions<M> {
  return {
    type: DataTypes.DECIMAL(precision, scale),
    allowNull: true,
    validate,
    get(this: M) {
      const raw = this.getDataValue(attribute as never) as unknown;
      return raw === null || raw === undefined ? null : Number(raw);
    },
  };
}
