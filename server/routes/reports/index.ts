import Router from '@koa/router';
import { auth } from '../../middleware/auth';
import { auditRead, queryDetails } from '../../middleware/audit-read';
import { validate, type InputOf } from '../../middleware/validate';
import { searchAudit } from '../../services/audit-search';
import { buildReport, reportCsv } from '../../services/reports';
import type { SettingsService } from '../../services/settings';
import type { AppRouter } from '../../state';
import { AuditSchema, ReportSchema } from './schema';

/** Reports over a day or a range (JSON, or the same figures as CSV) and the audit log search: admins only. */
export function reportRoutes(settings: SettingsService): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api' });

  router.get('/reports', auth('admin'), validate(ReportSchema), async (ctx) => {
    const { query } = ctx.state.input as InputOf<typeof ReportSchema>;
    const report = await buildReport(query.from, query.to, settings.activeTimeZone);
    ctx.set('Cache-Control', 'no-store');
    if (query.format === 'csv') {
      ctx.type = 'text/csv; charset=utf-8';
      ctx.attachment(`mediqueue-report-${query.from}-to-${query.to}.csv`);
      ctx.body = reportCsv(report);
    } else ctx.body = report;
  });

  // Reading the trail is itself on the trail: who looked for whom.
  router.get('/audit', auth('admin'), auditRead('audit.search', queryDetails), validate(AuditSchema), async (ctx) => {
    const { query } = ctx.state.input as InputOf<typeof AuditSchema>;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await searchAudit(query, settings.activeTimeZone);
  });

  return router;
}
