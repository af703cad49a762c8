import Router from '@koa/router';
import type { DoctorProfileView } from '../../../common/admin';
import { notFound } from '../../errors';
import { auth } from '../../middleware/auth';
import { validate, type InputOf } from '../../middleware/validate';
import { presentDoctor } from '../../presenters/admin';
import { loadDoctor, type DoctorService } from '../../services/doctors';
import type { AppRouter } from '../../state';
import { actorOf } from '../actor';
import { CreateDoctorSchema, DoctorIdSchema, ListDoctorsSchema, UpdateDoctorSchema } from './schema';

/** Doctors' profiles: staff may read them (reception books with them); admins create and edit them. */
export function doctorRoutes(doctors: DoctorService): AppRouter {
  const router: AppRouter = new Router({ prefix: '/api/doctors' });

  router.get('/', auth(), validate(ListDoctorsSchema), async (ctx) => {
    const { query } = ctx.state.input as InputOf<typeof ListDoctorsSchema>;
    const found = await doctors.list(query.departmentId);
    const body: { doctors: DoctorProfileView[] } = { doctors: found.map(presentDoctor) };
    ctx.body = body;
  });

  router.get('/:id', auth(), validate(DoctorIdSchema), async (ctx) => {
    const { params } = ctx.state.input as InputOf<typeof DoctorIdSchema>;
    const doctor = await loadDoctor(params.id);
    if (!doctor) throw notFound('That doctor');
    ctx.body = { doctor: presentDoctor(doctor) };
  });

  router.post('/', auth('admin'), validate(CreateDoctorSchema), async (ctx) => {
    const { body } = ctx.state.input as InputOf<typeof CreateDoctorSchema>;
    ctx.status = 201;
    ctx.body = { doctor: presentDoctor(await doctors.create(body, actorOf(ctx))) };
  });

  router.patch('/:id', auth('admin'), validate(UpdateDoctorSchema), async (ctx) => {
    const { params, body } = ctx.state.input as InputOf<typeof UpdateDoctorSchema>;
    ctx.body = { doctor: presentDoctor(await doctors.update(params.id, body, actorOf(ctx))) };
  });

  return router;
}
