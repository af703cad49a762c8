import { Sequelize } from 'sequelize';

/**
 * Drops and creates the MySQL/MariaDB database `url` names, empty. Refuses any name that is not plainly a test
 * database (letters, digits and _, containing "test"): a mistyped variable must not drop real data.
 */
export async function recreateMysqlDatabase(url: string): Promise<void> {
  const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
  const name = decodeURIComponent(parsed.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name) || !/test/i.test(name)) {
    throw new Error(`TEST_DATABASE_URL must name a test database (letters, digits, _ and containing "test"), got "${name}"`);
  }
  parsed.pathname = '/';
  const admin = new Sequelize(parsed.toString(), { dialect: 'mysql', logging: false });
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.close();
  }
}
