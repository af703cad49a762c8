import { z } from 'zod';
import { LOCAL_TIME } from '../models/doctor-availability';

/**
 * Pieces the administration routes' schemas share, each with the words a person reads when it fails.
 */

/** A positive whole-number id (path or body). */
export const id = z.coerce.number({ error: 'Expected a number.' }).int().positive('Expected a positive id.');

/** A clinic day, 'YYYY-MM-DD'. */
export const day = z.iso.date({ error: 'Enter the date as YYYY-MM-DD.', abort: true });

/** A local time, 'HH:MM' on the 24-hour clock. */
export const localTime = z.string().regex(LOCAL_TIME, 'Enter the time as HH:MM (24-hour clock), such as 09:30.');

/** An optional text that may be cleared: trimmed, and an empty string means null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

/** Paging of a list: `page` from 1, `pageSize` 1 to 100 (default 20). */
export const paging = {
  page: z.coerce.number().int().min(1, 'Pages start at 1.').default(1),
  pageSize: z.coerce.number().int().min(1).max(100, 'At most 100 a page.').default(20),
};

/** Routes on one row by `:id`. */
export const IdParams = { params: z.object({ id }) };

/** Rejects a PATCH body that changes nothing. */
export const notEmpty = (body: Record<string, unknown>) => Object.values(body).some((v) => v !== undefined);
