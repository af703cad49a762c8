/**
 * Runs before `npm test`: builds the front ends (the browser tests drive the real build) and, when
 * TEST_DATABASE_URL points at MySQL/MariaDB, recreates that database empty so every run starts from scratch.
 */
import { buildFrontEnds } from '../../server/build';
import { dialectOf } from '../../server/db/sequelize';
import { recreateMysqlDatabase } from './mysql-admin';

const url = process.env.TEST_DATABASE_URL;
if (url && dialectOf(url) === 'mysql') {
  await recreateMysqlDatabase(url);
  console.log(`Test database recreated: ${url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`);
}
await buildFrontEnds();
