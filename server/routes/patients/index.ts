import Router from '@koa/router';
import type { PatientSearchResponse, PatientView, PossibleDuplicateBody } from '../../../common/admin';
import { auth } from '../../middleware/auth';
import { auditRead, queryDetails, type ReadRequest } from '../../middleware/audit-read';
import { validate, type InputOf } from '../../middleware/validate';
import { presentPatient } from '../../presenters/admin';
import type { PatientService } from '../../services/patient-service';
import type { AppRouter } from '../../state';
import { actorOf } from '../actor';
import { CreatePatientSchema, PatientIdSchema, SearchPatientsSchema, UpdatePatientSchema } from './schema';

/** A patient's profile read (phone, date of birth): audited with the patient's id. */
const patientRead = ({ params }: ReadRequest) => {
  const id = Number(params.id);
  return { entityType: 'patient', entityId: id, patientId: id };
};

/**
 * Patients, for admins and reception: search, read, register (with a duplicate warning) and edit; doctors may search
 * and register (to name an anonymous walk-in they are seeing). Phone numbers are stored in E.164, read with the
 * clinic's `country` when typed without a country code. Every write is audited with the patient's id.
 */
export function patientRoutes(patients: PatientService): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/patients' });

  // Doctors find and register the patient behind an anonymous walk-in from their console (issue 19).
  router.get('/', auth('admin', 'reception', 'doctor'), auditRead('patient.search', queryDetails), validate(SearchPatientsSchema), async (ctx) => {
    const { query } = ctx.state.input as InputOf<typeof SearchPatientsSchema>;
    const found = await patients.search(query.q, query.page, query.pageSize);
    const body: PatientSearchResponse = { patients: found.patients.map(presentPatient), page: query.page, pageSize: query.pageSize, total: found.total };
    ctx.body = body;
  });

  router.get('/:id', auth('admin', 'reception'), auditRead('patient.read', patientRead), validate(PatientIdSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof PatientIdSchema>;
    const patient = await patients.get(params.id);
    const body: { patient: PatientView } = { patient: presentPatient(patient) };
    ctx.body = body;
  });

  router.post('/', auth('admin', 'reception', 'doctor'), validate(CreatePatientSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof CreatePatientSchema>;
    const result = await patients.create(body, actorOf(ctx));
    if ('duplicates' in result) {
      // The usual error shape plus the patients it may be, so the screen can offer them or "create anyway".
      const warning: PossibleDuplicateBody = {
        error: {
          id: 'possible_duplicate',
          message: 'This patient may already be registered. Check the patients listed, or confirm to register a new one.',
        },
        duplicates: result.duplicates.map((d) => ({ patient: presentPatient(d.patient), reasons: d.reasons })),
      };
      ctx.status = 409;
      ctx.body = warning;
      return;
    }
    ctx.status = 201;
    ctx.body = { patient: presentPatient(result.patient) };
  });

  router.patch('/:id', auth('admin', 'reception'), validate(UpdatePatientSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof UpdatePatientSchema>;
    ctx.body = { patient: presentPatient(await patients.update(params.id, body, actorOf(ctx))) };
  });

  return router;
}
