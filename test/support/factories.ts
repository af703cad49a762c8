import type { Role } from '../../common/api';
import { Department, User } from '../../server/models';
import { hashPassword } from '../../server/services/passwords';
import { TEST_PASSWORD_COST } from './server';

let counter = 0;
const next = () => ++counter;

// scrypt is deliberately slow even at the test cost; tests reuse one hash per distinct password.
const hashes = new Map<string, Promise<string>>();
function hashOnce(password: string): Promise<string> {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password, TEST_PASSWORD_COST));
  return hashes.get(password)!;
}

/** Creates a staff account; returns it with the plain password for signing in. */
export async function createStaff(
  overrides: Partial<{ role: Role; email: string; password: string; fullName: string; active: boolean }> = {},
): Promise<{ user: User; email: string; password: string }> {
  const n = next();
  const role = overrides.role ?? 'reception';
  const email = overrides.email ?? `${role}${n}@test.clinic`;
  const password = overrides.password ?? 'correct horse battery';
  const user = await User.create({
    email,
    fullName: overrides.fullName ?? `Test ${role} ${n}`,
    role,
    passwordHash: await hashOnce(password),
    active: overrides.active ?? true,
    lastSignInAt: null,
  });
  return { user, email, password };
}

/** Creates a department with a unique name and prefix unless given. */
export async function createDepartment(overrides: Partial<{ name: string; prefix: string; active: boolean }> = {}) {
  const n = next();
  return Department.create({
    name: overrides.name ?? `Department ${n}`,
    prefix: overrides.prefix ?? String.fromCharCode(65 + (n % 26)) + String.fromCharCode(65 + (Math.floor(n / 26) % 26)),
    active: overrides.active ?? true,
  });
}
