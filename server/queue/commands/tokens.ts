import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

/**
 * Takes the next token number of a department for a clinic day, inside the caller's transaction.
 *
 * One counter row per (department, clinic day) is incremented in place, so the row lock serialises concurrent
 * check-ins of one department until they commit, and a rolled-back check-in gives its number back: numbers are
 * unique and without gaps (the unique index on queue_entries (department_id, clinic_day, sequence) backs this up).
 * COUNT+1 or MAX+1 would hand out duplicates under load.
 *
 * MySQL/MariaDB: an upsert that leaves the new value in LAST_INSERT_ID(), read back on the same connection (the
 * transaction's). The first row of the day is inserted as LAST_INSERT_ID(1): without that, LAST_INSERT_ID() would
 * still hold whatever an earlier statement on this pooled connection left there.
 * SQLite: write transactions are IMMEDIATE, so nobody else can write between the upsert and the read.
 */
export async function nextSequence(
  sequelize: Sequelize,
  departmentId: number,
  clinicDay: string,
  transaction: Transaction,
): Promise<number> {
  const replacements = { departmentId, clinicDay };
  if (sequelize.getDialect() === 'mysql') {
    await sequelize.query(
      `INSERT INTO queue_counters (department_id, clinic_day, last_sequence)
       VALUES (:departmentId, :clinicDay, LAST_INSERT_ID(1))
       ON DUPLICATE KEY UPDATE last_sequence = LAST_INSERT_ID(last_sequence + 1)`,
      { replacements, transaction, type: QueryTypes.INSERT },
    );
    const [row] = await sequelize.query<{ n: number | string }>('SELECT LAST_INSERT_ID() AS n', {
      transaction,
      type: QueryTypes.SELECT,
    });
    return Number(row.n);
  }
  await sequelize.query(
    `INSERT INTO queue_counters (department_id, clinic_day, last_sequence)
     VALUES (:departmentId, :clinicDay, 1)
     ON CONFLICT (department_id, clinic_day) DO UPDATE SET last_sequence = last_sequence + 1`,
    { replacements, transaction, type: QueryTypes.INSERT },
  );
  const [row] = await sequelize.query<{ n: number }>(
    'SELECT last_sequence AS n FROM queue_counters WHERE department_id = :departmentId AND clinic_day = :clinicDay',
    { replacements, transaction, type: QueryTypes.SELECT },
  );
  return Number(row.n);
}

/** The token people read and hear: the department's prefix, a dash, and at least three digits (`C-001`, `C-1000`). */
export function formatToken(prefix: string, sequence: number): string {
  return `${prefix}-${String(sequence).padStart(3, '0')}`;
}
