import { z } from 'zod';
import { intervalProblem, overlapMessage, overlapping } from '../../services/schedules';
import { day, id, localTime, notEmpty, optionalText } from '../schema-parts';

const weekday = z.number({ error: 'Give the weekday as 1 (Monday) to 7 (Sunday).' }).int().min(1, 'Weekdays go from 1 (Monday) to 7 (Sunday).').max(7, 'Weekdays go from 1 (Monday) to 7 (Sunday).');
const slotMinutes = z.number({ error: 'Give the slot length in minutes.' }).int('Whole minutes.').min(5, 'At least 5 minutes.').max(240, 'At most 240 minutes.');

/** One interval, checked on its own: ends after it starts and holds at least one slot. */
const interval = z
  .object({ weekday, startTime: localTime, endTime: localTime, slotMinutes })
  .superRefine((i, ctx) => {
    const problem = intervalProblem(i);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  });

const doctorParams = z.object({ doctorId: id });

/** GET /api/doctors/:doctorId/availability */
export const WeekSchema = { params: doctorParams };

/** PUT /api/doctors/:doctorId/availability: the whole week; intervals of one weekday may not overlap. */
export const ReplaceWeekSchema = {
  params: doctorParams,
  body: z.object({
    intervals: z.array(interval).max(70, 'At most 70 intervals a week.').superRefine((list, ctx) => {
      list.forEach((item, index) => {
        const clash = overlapping(item, list.slice(0, index));
        if (clash) ctx.addIssue({ code: 'custom', path: [index, 'startTime'], message: overlapMessage(clash) });
      });
    }),
  }),
};

/** POST /api/doctors/:doctorId/availability */
export const AddIntervalSchema = { params: doctorParams, body: interval };

/** PATCH /api/doctors/:doctorId/availability/:intervalId (the merged interval is checked by the service). */
export const UpdateIntervalSchema = {
  params: z.object({ doctorId: id, intervalId: id }),
  body: z
    .object({ weekday: weekday.optional(), startTime: localTime.optional(), endTime: localTime.optional(), slotMinutes: slotMinutes.optional() })
    .refine(notEmpty, 'Send at least one field to change.'),
};

/** DELETE /api/doctors/:doctorId/availability/:intervalId */
export const IntervalIdSchema = { params: z.object({ doctorId: id, intervalId: id }) };

/** GET /api/doctors/:doctorId/exceptions?from= */
export const ListExceptionsSchema = { params: doctorParams, query: z.object({ from: day.optional() }) };

const lastNotBeforeFirst = (e: { startDate?: string; endDate?: string }) => !e.startDate || !e.endDate || e.endDate >= e.startDate;

/** POST /api/doctors/:doctorId/exceptions */
export const AddExceptionSchema = {
  params: doctorParams,
  body: z
    .object({ startDate: day, endDate: day, reason: optionalText(200) })
    .refine(lastNotBeforeFirst, { path: ['endDate'], message: 'The last day cannot be before the first.' })
    .refine((e) => DAYS(e.startDate, e.endDate) <= 366, { path: ['endDate'], message: 'At most 366 days at a time.' }),
};

/** PATCH /api/doctors/:doctorId/exceptions/:exceptionId */
export const UpdateExceptionSchema = {
  params: z.object({ doctorId: id, exceptionId: id }),
  body: z
    .object({ startDate: day.optional(), endDate: day.optional(), reason: optionalText(200) })
    .refine(notEmpty, 'Send at least one field to change.')
    .refine(lastNotBeforeFirst, { path: ['endDate'], message: 'The last day cannot be before the first.' }),
};

/** DELETE /api/doctors/:doctorId/exceptions/:exceptionId */
export const ExceptionIdSchema = { params: z.object({ doctorId: id, exceptionId: id }) };

function DAYS(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
}
