import Router from '@koa/router';
import type { ParameterizedContext } from 'koa';
import type { SignOffResponse } from '../../../common/records';
import { VITAL_FIELDS, type Vitals } from '../../../common/vitals';
import type { Config } from '../../config';
import { auth } from '../../middleware/auth';
import { validate, type InputOf } from '../../middleware/validate';
import { presentRecord } from '../../presenters/records';
import type { Queue } from '../../queue';
import type { RecordsService, RecordRequester } from '../../services/records';
import type { ClinicNameSource } from '../../services/settings';
import type { AppRouter, AppState } from '../../state';
import { renderView } from '../../views/render';
import { labelledFieldErrors } from './labelled-errors';
import { assertServing } from '../../services/staff-access';
import { AddendumSchema, AttachWalkInSchema, OpenRecordSchema, PatchDraftSchema, PutDraftSchema, ReadRecordSchema, RecordIdSchema, SignSchema } from './schema';

/** The signed-in requester and their address (after auth()). */
const requester = (ctx: ParameterizedContext<AppState>): RecordRequester => ({ user: ctx.state.user!, ip: ctx.ip });

/**
 * Consultation records over REST (issue 6). Doctors write the records of the visits they serve; doctors of the visit's
 * department and admins read them; reception gets 403 throughout. Every read and write is audited (services/records).
 */
export function recordRoutes(
  config: Readonly<Config>,
  records: RecordsService,
  queue: Queue,
  clinicName: ClinicNameSource,
): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/records' });
  router.use(labelledFieldErrors);

  router.post('/', auth('doctor'), validate(OpenRecordSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof OpenRecordSchema>;
    const { record, created } = await records.open(body.queueEntryId, requester(ctx));
    ctx.status = created ? 201 : 200;
    ctx.body = presentRecord(record);
  });

  // Reception is let through to the service, so its refusal is audited like every other (issue 19).
  router.get('/:id', auth('doctor', 'admin', 'reception'), validate(ReadRecordSchema), async (ctx) => {
    const { params, query } = ctx.state.input as InputOf<typeof ReadRecordSchema>;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = presentRecord(await records.read(params.id, requester(ctx), query.reason));
  });

  router.put('/:id', auth('doctor'), validate(PutDraftSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof PutDraftSchema>;
    const { revision, confirmAllergy, vitals, ...rest } = body;
    // The whole draft: a vital left out was not measured.
    const allVitals = Object.fromEntries(VITAL_FIELDS.map((f) => [f, vitals[f] ?? null])) as Vitals;
    ctx.body = presentRecord(await records.save(params.id, revision, { ...rest, vitals: allVitals }, confirmAllergy, requester(ctx)));
  });

  router.patch('/:id', auth('doctor'), validate(PatchDraftSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof PatchDraftSchema>;
    const { revision, confirmAllergy, ...changes } = body;
    ctx.body = presentRecord(await records.save(params.id, revision, changes, confirmAllergy, requester(ctx)));
  });

  router.post('/:id/sign', auth('doctor'), validate(SignSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof SignSchema>;
    const result = await records.sign(params.id, body.revision, body.expectedVersion, requester(ctx));
    const response: SignOffResponse = {
      record: presentRecord(result.record),
      completed: await queue.reads.staffEntry(result.completed),
      called: result.called ? await queue.reads.staffEntry(result.called) : null,
    };
    ctx.body = response;
  });

  router.post('/:id/addenda', auth('doctor'), validate(AddendumSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof AddendumSchema>;
    ctx.status = 201;
    ctx.body = presentRecord(await records.addAddendum(params.id, body.text, requester(ctx)));
  });

  // The doctor names the patient behind an anonymous walk-in they are seeing (issue 19), through the same queue
  // step as the desk (locked entry, 409 patient_already_set, audited, broadcast after commit).
  router.post('/walk-ins/:entryId/patient', auth('doctor'), validate(AttachWalkInSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof AttachWalkInSchema>;
    await assertServing(params.entryId, ctx.state.user!);
    const entry = await queue.service.attachPatient(params.entryId, body.patientId, ctx.state.user!);
    ctx.body = await queue.reads.staffEntry(entry);
  });

  router.get('/:id/prescription', auth('doctor', 'admin'), validate(RecordIdSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof RecordIdSchema>;
    const page = await records.prescription(params.id, await clinicName(), requester(ctx));
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    // Patient data on a page that needs no script, frame or outside resource: allow none.
    ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'");
    ctx.body = renderView('prescription', page);
  });

  return router;
}
