import Router from '@koa/router';
import type { Sequelize } from 'sequelize';
import { z } from 'zod';
import { inTransaction } from '../db/transaction';
import { conflict, notFound, validationFailed } from '../errors';
import { auth } from '../middleware/auth';
import { validate, type InputOf } from '../middleware/validate';
import { Patient, PatientAccountLink } from '../models';
import { id } from '../routes/schema-parts';
import { audit } from '../services/audit';
import { uniqueClashOn } from '../services/unique';
import type { AppRouter } from '../state';
import { ensureAccount } from './sign-in';

/** POST /api/patients/:id/family-links: `:id` is the family member (a child), `guardianPatientId` who manages. */
const FamilyLinkSchema = { params: z.object({ id }), body: z.object({ guardianPatientId: id }) };

/**
 * Family accounts: reception confirms at the desk, with both people's papers in front of them, that one patient (a
 * parent) manages another's (a child's) appointments on their dashboard. The guardian's account is made if they have
 * none. The link opens appointments only, never the family member's visits or records.
 */
export function familyRoutes(sequelize: Sequelize): AppRouter {
  const router: AppRouter = new Router();

  router.post('/api/patients/:id/family-links', auth('admin', 'reception'), validate(FamilyLinkSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof FamilyLinkSchema>;
    if (params.id === body.guardianPatientId) throw validationFailed([{ path: 'guardianPatientId', message: 'Choose another person than the patient.' }]);
    try {
      await inTransaction(sequelize, async (transaction) => {
        if (!(await Patient.findByPk(params.id, { transaction }))) throw notFound('That patient');
        const account = await ensureAccount(body.guardianPatientId, transaction);
        const link = await PatientAccountLink.create({ accountId: account.id, patientId: params.id, confirmedBy: ctx.state.user!.id }, { transaction });
        await audit(
          { userId: ctx.state.user!.id, action: 'patient.family_link', entityType: 'patient_account_link', entityId: link.id, patientId: params.id, ip: ctx.ip, details: { guardianPatientId: body.guardianPatientId } },
          transaction,
        );
      });
    } catch (error) {
      if (uniqueClashOn(error, 'patient_account_links')) throw conflict('already_exists', 'These two are already linked.');
      throw error;
    }
    ctx.status = 201;
    ctx.body = { linked: true };
  });

  return router;
}
