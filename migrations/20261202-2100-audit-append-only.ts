import type { Migration } from '../server/db/migrator';

/**
 * The audit trail is append-only (issue 11): on MySQL/MariaDB, triggers refuse every UPDATE and DELETE of
 * audit_logs, whoever asks, so not even a bug or a stolen application password can rewrite history. The
 * application has no update or delete path either (models/audit-log.ts). SQLite keeps only the application's rule:
 * it is the single-machine default, where whoever can run SQL can also replace the file.
 * TRUNCATE (a maintenance act needing the DROP privilege, used by the test suite's reset) is not a DML trigger event.
 */
export const up: Migration = async ({ context: { sequelize } }) => {
  if (sequelize.getDialect() !== 'mysql') return;
  for (const event of ['UPDATE', 'DELETE']) {
    await sequelize.query(
      `CREATE TRIGGER audit_logs_no_${event.toLowerCase()} BEFORE ${event} ON audit_logs FOR EACH ROW ` +
        `SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_logs is append-only: rows cannot be changed or deleted'`,
    );
  }
};

export const down: Migration = async ({ context: { sequelize } }) => {
  if (sequelize.getDialect() !== 'mysql') return;
  await sequelize.query('DROP TRIGGER IF EXISTS audit_logs_no_update');
  await sequelize.query('DROP TRIGGER IF EXISTS audit_logs_no_delete');
};
