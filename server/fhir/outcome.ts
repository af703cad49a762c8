import type { OperationOutcome } from 'fhir/r4';
import type { ApiErrorBody } from '../../common/errors';

type IssueCode = OperationOutcome['issue'][number]['code'];

/** The OperationOutcome issue code for an HTTP status. */
function issueCode(status: number): IssueCode {
  if (status === 401) return 'login';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 400 || status === 422) return 'invalid';
  if (status === 405) return 'not-supported';
  return 'exception';
}

/** The OperationOutcome for an API error: the message as diagnostics, our error id as a coding. */
export function outcomeOf(status: number, error: ApiErrorBody['error']): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: 'error',
        code: issueCode(status),
        diagnostics: error.message,
        details: { coding: [{ system: 'urn:mediqueue:error', code: error.id }], text: error.message },
      },
    ],
  };
}

/**
 * The error body for a request: under /fhir/ an OperationOutcome (what FHIR clients read), elsewhere the API's
 * `{ error }`. The status is the same either way.
 */
export function errorBodyFor(path: string, status: number, body: ApiErrorBody): unknown {
  return path.startsWith('/fhir/') ? outcomeOf(status, body.error) : body;
}
