/**
 * Request and response shapes of the REST API, shared by the server's presenters and the front ends.
 */

/** Staff roles. Patients never sign in. */
export const ROLES = ['admin', 'doctor', 'reception'] as const;
export type Role = (typeof ROLES)[number];

/** A signed-in staff member as the API presents them. */
export interface StaffUser {
  id: number;
  email: string;
  fullName: string;
  role: Role;
  active: boolean;
}

/** POST /api/auth/sign-in */
export interface SignInRequest {
  email: string;
  password: string;
}

/** POST /api/auth/sign-in and GET /api/auth/me */
export interface SessionResponse {
  user: StaffUser;
  /** When the session ends if the user does nothing more (ISO 8601, UTC). */
  expiresAt: string;
}

/** GET /healthz */
export interface HealthResponse {
  status: 'ok' | 'degraded';
  database: 'ok' | 'unavailable';
  time: string;
}

/** A department as every screen may see it (public: no patient data). */
export interface DepartmentSummary {
  id: number;
  name: string;
  prefix: string;
  active: boolean;
}

/** GET /api/clinic: what every screen shows in its header (public). */
export interface ClinicInfo {
  name: string;
  timeZone: string;
  /** The server's clock, so screens with a wrong clock still show the right time (ISO 8601, UTC). */
  serverTime: string;
}
