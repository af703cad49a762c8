import { z } from 'zod';
import { day, id, paging } from '../schema-parts';

const range = <T extends { from?: string; to?: string }>(q: T) => !q.from || !q.to || q.from <= q.to;
const RANGE_MESSAGE = { path: ['to'], message: 'The last day cannot be before the first.' };

/** GET /api/reports?from=&to=&format=json|csv (at most 366 days) */
export const ReportSchema = {
  query: z
    .object({ from: day, to: day, format: z.enum(['json', 'csv'], { error: 'Choose json or csv.' }).default('json') })
    .refine(range, RANGE_MESSAGE)
    .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 365 * 86_400_000, { path: ['to'], message: 'At most 366 days at a time.' }),
};

/** GET /api/audit?userId=&patientId=&action=&from=&to=&page=&pageSize= */
export const AuditSchema = {
  query: z
    .object({
      userId: id.optional(),
      patientId: id.optional(),
      action: z.string().regex(/^[a-z_.]{1,64}$/, 'Use an action name such as patient.update, or its start.').optional(),
      from: day.optional(),
      to: day.optional(),
      ...paging,
    })
    .refine(range, RANGE_MESSAGE),
};
