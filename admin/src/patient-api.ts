import type { PatientRequest, PatientView, PossibleDuplicate, PossibleDuplicateBody } from '../../common/admin';
import type { ApiErrorBody } from '../../common/errors';
import { ApiError, NETWORK_ERROR_MESSAGE, UNEXPECTED_RESPONSE_MESSAGE, apiFetch } from '../../common/web/api';

/** What registering a patient came to: the new patient, or the registered ones it may be. */
export type RegisterResult = { patient: PatientView } | { duplicates: PossibleDuplicate[]; message: string };

/**
 * POST /api/patients. A 409 `possible_duplicate` is an answer, not a failure: its body lists the patients the new one
 * may be, which `apiFetch` would drop, so this one call reads the body itself. Every other failure is thrown as an
 * {@link ApiError}, like `apiFetch` does.
 */
export async function registerPatient(request: PatientRequest): Promise<RegisterResult> {
  let response: Response;
  try {
    response = await fetch('/api/patients', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') {
      throw new ApiError('timeout', 'The clinic server is taking too long to answer. Please try again.', 0);
    }
    throw new ApiError('network_error', NETWORK_ERROR_MESSAGE, 0);
  }
  let body: Partial<PossibleDuplicateBody & ApiErrorBody> & { patient?: PatientView };
  try {
    body = await response.json();
  } catch {
    throw new ApiError('unexpected_response', UNEXPECTED_RESPONSE_MESSAGE, response.status);
  }
  if (response.ok && body.patient) return { patient: body.patient };
  const error = body.error;
  if (error?.id === 'possible_duplicate' && Array.isArray(body.duplicates)) return { duplicates: body.duplicates, message: error.message };
  if (error && typeof error.id === 'string') {
    throw new ApiError(error.id, error.message, response.status, (error as ApiErrorBody['error']).fields ?? []);
  }
  throw new ApiError('unexpected_response', UNEXPECTED_RESPONSE_MESSAGE, response.status);
}

/** PATCH /api/patients/:id with the fields that changed. */
export async function updatePatient(id: number, changes: Partial<PatientRequest>): Promise<PatientView> {
  return (await apiFetch<{ patient: PatientView }>(`/api/patients/${id}`, { method: 'PATCH', body: changes })).patient;
}
