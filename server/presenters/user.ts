import type { StaffUser } from '../../common/api';
import type { User } from '../models';

/** A staff user as the API shows it: never the password hash. */
export function presentUser(user: User): StaffUser {
  return { id: user.id, email: user.email, fullName: user.fullName, role: user.role, active: user.active };
}
