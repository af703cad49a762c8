import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

/**
 * Takes the next `count` token numbers of a department for a clinic day, inside the caller's transaction, and
 * returns the last of them (one check-in: its number; a batch of walk-ins: they take last - count + 1 .. last).
 *
 * One counter row per (department, clinic day) is incremented in place, so the row lock serialises concurrent
 * check-ins of one department until they commit, and a rolled-back check-in gives its number back: numbers are
 * unique and without gaps (the unique index on queue_entries (department_id, clinic_day, sequence) backs this up).
 * COUNT+1 or MAX+1 would hand out duplicates under load.
 *
 * On MySQL one statement and no read-back:
 * - MySQL/MariaDB: an upsert that sets the new value through LAST_INSERT_ID(expr), which the server sends back as the
 *   statement's insert id (the first row of the day is inserted as LAST_INSERT_ID(count): without that, the id would be
 *   whatever an earlier statement on this pooled connection left there).
 * - SQLite: the upsert, then the row read back (Sequelize's SQLite driver returns no rows for an INSERT, so RETURNING
 *   would be lost; both statements are in-process). Write transactions are IMMEDIATE: nobody writes in between.
 */
export async function nextSequence(
  sequelize: Sequelize,
  departmentId: number,
  clinicDay: string,
  transaction: Transaction,
  count = 1,
): Promise<number> {
  const replacements = { departmentId, clinicDay, count };
  if (sequelize.getDialect() === 'mysql') {
    const [insertId] = (await sequelize.query(
      `INSERT INTO queue_counters (department_id, clinic_day, last_sequence)
       VALUES (:departmentId, :clinicDay, LAST_INSERT_ID(:count))
       ON DUPLICATE KEY UPDATE last_sequence = LAST_INSERT_ID(last_sequence + :count)`,
      { replacements, transaction, type: QueryTypes.INSERT },
    )) as unknown as [number, number];
    return Number(insertId);
  }
  await sequelize.query(
    `INSERT INTO queue_counters (department_id, clinic_day, last_sequence)
     VALUES (:departmentId, :clinicDay, :count)
     ON CONFLICT (department_id, clinic_day) DO UPDATE SET last_sequence = last_sequence + :count`,
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
