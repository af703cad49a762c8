/**
 * Runs before `npm test`: builds the front ends (the browser tests drive the real build) and, when
 * TEST_DATABASE_URL points at MySQL/MariaDB, recreates that database empty so every run starts from scratch.
 */
import { Sequelize } from 'sequelize';
import { buildFrontEnds } from '../../server/build';
import { dialectOf } from '../../server/db/sequelize';

async function recreateMysqlDatabase(url: string): Promise<void> {
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

const url = process.env.TEST_DATABASE_URL;
if (url && dialectOf(url) === 'mysql') {
  await recreateMysqlDatabase(url);
  console.log(`Test database recreated: ${url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`);
}
await buildFrontEnds();
