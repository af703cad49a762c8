import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/** One line of the audit trail: who did what to which row, and when. Written, never changed. */
export class AuditLog extends Model<InferAttributes<AuditLog>, InferCreationAttributes<AuditLog>> {
  declare id: CreationOptional<number>;
  declare userId: number | null;
  declare action: string;
  declare entityType: string | null;
  declare entityId: string | null;
  declare patientId: number | null;
  declare ip: string | null;
  declare details: Record<string, unknown> | null;
  declare createdAt: CreationOptional<Date>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    AuditLog.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        userId: { type: DataTypes.INTEGER, allowNull: true },
        action: { type: DataTypes.STRING(64), allowNull: false },
        entityType: { type: DataTypes.STRING(40), allowNull: true },
        entityId: { type: DataTypes.STRING(64), allowNull: true },
        patientId: { type: DataTypes.INTEGER, allowNull: true },
        ip: { type: DataTypes.STRING(64), allowNull: true },
        // Stored as JSON text: both databases read it back the same way.
        details: {
          type: DataTypes.TEXT,
          allowNull: true,
          get() {
            const raw = this.getDataValue('details') as unknown as string | null;
            return raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
          },
          set(value: Record<string, unknown> | null) {
            this.setDataValue('details', (value ? JSON.stringify(value) : null) as unknown as Record<string, unknown>);
          },
        },
        createdAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'audit_logs', updatedAt: false },
    );
    // Append-only (issue 11): the application has no path that changes or deletes a line of the trail. On MySQL a
    // trigger refuses it too (migrations/20261202-2100-audit-append-only.ts).
    const refuse = () => {
      throw new Error('The audit log is append-only: its rows cannot be changed or deleted.');
    };
    for (const hook of ['beforeUpdate', 'beforeBulkUpdate', 'beforeDestroy', 'beforeBulkDestroy', 'beforeUpsert', 'beforeSave'] as const) {
      AuditLog.addHook(hook as 'beforeUpdate', (instance: AuditLog) => {
        if (hook === 'beforeSave' && instance.isNewRecord) return;
        refuse();
      });
    }
  }
}
