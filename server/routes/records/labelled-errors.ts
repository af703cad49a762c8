import type { Middleware } from 'koa';
import { fieldLabel } from '../../../common/record-fields';
import { AppError } from '../../errors';

/** "SpO2 must be between 50 and 100 %." stays as it is; "Expected a number." on `vitals.pulseBpm` becomes "Pulse: Expected a number." */
function labelled(path: string, message: string): string {
  const label = fieldLabel(path);
  return message.startsWith(label) ? message : `${label}: ${message}`;
}

/**
 * Record routes answer 422 in the doctor's words: each field error names the field as the form labels it
 * ("Chief complaint is too long: ..."), never by its request key ("chiefComplaint: ..."). The `path` stays for
 * the client to find the input.
 */
export const labelledFieldErrors: Middleware = async (_ctx, next) => {
  try {
    await next();
  } catch (error) {
    if (!(error instanceof AppError) || error.id !== 'validation_failed' || !error.fields?.length) throw error;
    const fields = error.fields.map((f) => ({ path: f.path, message: labelled(f.path, f.message) }));
    const message = fields.length === 1 ? fields[0].message : `Please correct ${fields.length} fields: ${fields.map((f) => fieldLabel(f.path)).join(', ')}.`;
    throw new AppError(error.status, error.id, message, fields, error.headers);
  }
};
