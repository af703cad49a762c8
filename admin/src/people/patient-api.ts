import type { PatientRequest, PatientView, PossibleDuplicate, PossibleDuplicateBody } from '../../../common/admin';
import { ApiError, apiFetch, apiPost } from '../../../common/web/api';

/** What registering a patient came to: the new patient, or the registered ones it may be. */
export type RegisterResult = { patient: PatientView } | { duplicates: PossibleDuplicate[]; message: string };

/**
 * POST /api/patients. A 409 `possible_duplicate` is an answer, not a failure: it lists the registered patients the
 * new one may be, to open one of them or to register anyway (`confirmDuplicate: true`). Every other failure is thrown
 * as the {@link ApiError} it is.
 */
export async function registerPatient(request: PatientRequest): Promise<RegisterResult> {
  try {
    return await apiPost<{ patient: PatientView }>('/api/patients', request);
  } catch (error) {
    const duplicates = (error instanceof ApiError && error.id === 'possible_duplicate' ? (error.body as Partial<PossibleDuplicateBody>) : null)?.duplicates;
    if (Array.isArray(duplicates)) return { duplicates, message: (error as ApiError).message };
    throw error;
  }
}

/** PATCH /api/patients/:id with the fields that changed. */
export async function updatePatient(id: number, changes: Partial<PatientRequest>): Promise<PatientView> {
  return (await apiFetch<{ patient: PatientView }>(`/api/patients/${id}`, { method: 'PATCH', body: changes })).patient;
}
