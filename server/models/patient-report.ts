import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** What a patient may report about themselves for staff to confirm. */
export type PatientReportField = 'allergies' | 'insurance';

/** Pending until staff confirm it (the record now says it) or dismiss it (or the patient reports again). */
export type PatientReportStatus = 'pending' | 'confirmed' | 'dismissed';

/**
 * Allergies or insurance as the patient typed them on the dashboard: "patient-reported", pending until staff
 * confirm it. Never written into `patients`, where the doctor's and the desk's record stays as it is.
 */
export class PatientReport extends Model<InferAttributes<PatientReport>, InferCreationAttributes<PatientReport>> {
  declare id: CreationOptional<number>;
  declare patientId: number;
  declare field: PatientReportField;
  declare allergies: CreationOptional<string | null>;
  declare insuranceProvider: CreationOptional<string | null>;
  declare insuranceNumber: CreationOptional<string | null>;
  declare status: CreationOptional<PatientReportStatus>;
  /** The staff member who confirmed or dismissed it; null while pending or when a newer report replaced it. */
  declare reviewedBy: CreationOptional<number | null>;
  declare reviewedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  /** Binds the model to a Sequelize instance. */
  static initModel(sequelize: Sequelize): void {
    PatientReport.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        patientId: { type: DataTypes.INTEGER, allowNull: false },
        field: { type: DataTypes.STRING(12), allowNull: false },
        allergies: { type: DataTypes.TEXT, allowNull: true, defaultValue: null },
        insuranceProvider: { type: DataTypes.STRING(100), allowNull: true, defaultValue: null },
        insuranceNumber: { type: DataTypes.STRING(64), allowNull: true, defaultValue: null },
        status: { type: DataTypes.STRING(12), allowNull: false, defaultValue: 'pending' },
        reviewedBy: { type: DataTypes.INTEGER, allowNull: true, defaultValue: null },
        reviewedAt: { type: DataTypes.DATE(3), allowNull: true, defaultValue: null },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'patient_reports' },
    );
  }
}
