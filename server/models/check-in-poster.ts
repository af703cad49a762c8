import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/**
 * A printed poster's check-in code: a poster cannot rotate like the display's code, so each has its own row, good
 * until `validUntil` unless revoked earlier; its QR code carries the row's id signed by the server.
 */
export class CheckInPoster extends Model<InferAttributes<CheckInPoster>, InferCreationAttributes<CheckInPoster>> {
  declare id: CreationOptional<number>;
  /** What the admin called it ("Front door, December"). */
  declare label: string;
  /** The kiosk profile whose check-in it opens; null for the clinic-wide check-in. */
  declare kioskProfileId: number | null;
  declare validUntil: Date;
  declare revokedAt: CreationOptional<Date | null>;
  declare createdBy: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    CheckInPoster.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        label: { type: DataTypes.STRING(100), allowNull: false, validate: { len: [1, 100] } },
        kioskProfileId: { type: DataTypes.INTEGER, allowNull: true },
        validUntil: { type: DataTypes.DATE(3), allowNull: false },
        revokedAt: { type: DataTypes.DATE(3), allowNull: true },
        createdBy: { type: DataTypes.INTEGER, allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'check_in_posters' },
    );
  }
}
