import type { AuditEntry } from '../services/audit';

/**
 * The signed-in patient as the dashboard's services see them: whose data they may touch and how their audit rows
 * read. A patient has no staff user id, so their rows carry `userId: null` and say in `details` who acted.
 */
export interface PatientActor {
  patientId: number;
  /** Patients whose appointments this account manages too (family links confirmed at the desk); never their records. */
  family: number[];
  accountId: number;
  ip: string;
  details: Record<string, unknown>;
  /** An audit entry for `action` on this patient, by this patient. */
  audit(action: string): AuditEntry & { details: Record<string, unknown> };
}

/** The actor for one request of a signed-in patient. */
export function patientActor(patientId: number, accountId: number, ip: string, family: number[] = []): PatientActor {
  const details = { actor: 'patient', patientAccountId: accountId };
  return {
    patientId,
    family,
    accountId,
    ip,
    details,
    audit: (action) => ({ userId: null, action, patientId, ip, details }),
  };
}
