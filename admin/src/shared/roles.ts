import type { Role } from '../../../common/api';

/** How each role is named on screen. */
const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  doctor: 'Doctor',
  reception: 'Reception',
};

/** The on-screen name of a role ("Doctor"); an unknown role from a newer server is shown as it is. */
export function roleLabel(role: Role | string): string {
  return ROLE_LABELS[role as Role] ?? role;
}
