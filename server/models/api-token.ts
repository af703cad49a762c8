import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/**
 * A bearer token an admin gave to another system (an EMR, a billing system). Stored as a SHA-256 hash; the token itself
 * is shown once, when it is created. Revoked, never deleted.
 */
export class ApiToken extends Model<InferAttributes<ApiToken>, InferCreationAttributes<ApiToken>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare tokenHash: string;
  /** The token's first characters, so an admin can tell which one a system holds. */
  declare tokenPrefix: string;
  /** Space-separated scopes. */
  declare scopes: string;
  declare createdBy: number;
  declare lastUsedAt: CreationOptional<Date | null>;
  declare revokedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  /** The scopes as a list. */
  scopeList(): string[] {
    return this.scopes.split(' ').filter(Boolean);
  }

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    ApiToken.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        name: { type: DataTypes.STRING(100), allowNull: false, validate: { len: [1, 100] } },
        tokenHash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
        tokenPrefix: { type: DataTypes.STRING(16), allowNull: false },
        scopes: { type: DataTypes.STRING(200), allowNull: false },
        createdBy: { type: DataTypes.INTEGER, allowNull: false },
        lastUsedAt: { type: DataTypes.DATE(3), allowNull: true, defaultValue: null },
        revokedAt: { type: DataTypes.DATE(3), allowNull: true, defaultValue: null },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'api_tokens' },
    );
  }
}
