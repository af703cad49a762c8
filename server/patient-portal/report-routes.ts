import Router from '@koa/router';
import { z } from 'zod';
import type { PatientReportsResponse, PatientReportView } from '../../common/patient-reports';
import { auditRead, type ReadRequest } from '../middleware/audit-read';
import { auth } from '../middleware/auth';
import { validate, type InputOf } from '../middleware/validate';
import { readReason } from '../routes/records/schema';
import { id } from '../routes/schema-parts';
import { patientHistoryScope, resolveStaff } from '../services/records/access';
import type { AppRouter } from '../state';
import type { PatientReportReview } from './report-review';

const value = z.string().trim().max(2000, 'Use at most 2000 characters.').nullable().optional();
const ListSchema = { params: z.object({ id }), query: z.object({ reason: readReason }) };
const ReportParams = { params: z.object({ id, reportId: id }) };
const ConfirmSchema = {
  ...ReportParams,
  body: z.object({
    // What the screen showed as the record's value: confirming is refused (409 stale) when the record says otherwise now.
    expected: z.object({ allergies: value, insuranceProvider: value, insuranceNumber: value }, { error: "Send the record's value the screen showed, as `expected`." }),
  }),
};

/** A read of a patient's reports, audited on the patient. */
const reportsRead = ({ params }: ReadRequest) => ({ entityType: 'patient', entityId: Number(params.id), patientId: Number(params.id) });

/**
 * Patient-reported changes, for staff: everyone reads them (doctors, under the summary's access rule, see what a
 * patient says before it is confirmed);
 * admins and reception confirm (the value goes on the record) or dismiss them.
 */
export function patientReportRoutes(review: PatientReportReview): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/patients/:id/reports' });
  const staff = (ctx: { state: { user?: { id: number } }; ip: string }) => ({ userId: ctx.state.user!.id, ip: ctx.ip });

  router.get('/', auth('admin', 'reception', 'doctor'), auditRead('patient.reports_read', reportsRead), validate(ListSchema), async (ctx) => {
    const { params, query } = ctx.state.input as InputOf<typeof ListSchema>;
    // Reported allergies are clinical: a doctor reads them under the summary's rule (a clinical relationship with the
    // patient, or a reason), or gets the same 404 as for an unknown patient, audited as a refused read.
    if (ctx.state.user!.role === 'doctor') await patientHistoryScope(await resolveStaff({ user: ctx.state.user!, ip: ctx.ip }), params.id, query.reason);
    ctx.set('Cache-Control', 'no-store');
    const body: PatientReportsResponse = { reports: await review.list(params.id) };
    ctx.body = body;
  });

  router.post('/:reportId/confirm', auth('admin', 'reception'), validate(ConfirmSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof ConfirmSchema>;
    const report: PatientReportView = await review.confirm(params.id, params.reportId, body.expected, staff(ctx));
    ctx.body = { report };
  });

  router.post('/:reportId/dismiss', auth('admin', 'reception'), validate(ReportParams), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof ReportParams>;
    ctx.body = { report: await review.dismiss(params.id, params.reportId, staff(ctx)) };
  });

  return router;
}
