import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** A named random secret the server made once and keeps (services/server-secrets.ts), e.g. the check-in codes' key. */
export class ServerSecret extends Model<InferAttributes<ServerSecret>, InferCreationAttributes<ServerSecret>> {
  declare name: string;
  /** base64url of the random bytes. */
  declare value: string;
  declare createdAt: CreationOptional<Date>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    ServerSecret.init(
      {
        name: { type: DataTypes.STRING(64), primaryKey: true },
        value: { type: DataTypes.STRING(128), allowNull: false },
        createdAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'server_secrets', updatedAt: false },
    );
  }
}
