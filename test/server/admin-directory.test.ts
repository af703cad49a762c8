import { expect } from 'chai';
import { Department, DoctorProfile } from '../../server/models';
import { signedIn } from '../support/admin';
import { makeDoctor } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createDepartment, createStaff } from '../support/factories';
import type { Agent } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

describe('departments and doctors (admin)', () => {
  let server: TestServer;
  let admin: Agent;
  let reception: Agent;

  before(async () => {
    await resetDatabase();
    server = await startTestServer();
    admin = (await signedIn(server, 'admin')).agent;
    reception = (await signedIn(server, 'reception')).agent;
  });
  after(() => server.close());

  describe('departments', () => {
    it('creates one with its prefix in capitals, lists it for staff, edits it', async () => {
      const res = await admin.post('/api/departments', { name: 'Cardiology', prefix: 'car' });
      expect(res.status).to.equal(201);
      expect(res.body.department).to.include({ name: 'Cardiology', prefix: 'CAR', active: true });
      const list = await reception.get('/api/departments');
      expect(list.body.departments.map((d: { name: string }) => d.name)).to.include('Cardiology');
      const edit = await admin.request('PATCH', `/api/departments/${res.body.department.id}`, { name: 'Heart Clinic', prefix: 'H' });
      expect(edit.status).to.equal(200);
      expect(edit.body.department).to.include({ name: 'Heart Clinic', prefix: 'H' });
    });

    it('answers 422 for a bad prefix and 409 for a name or prefix in use', async () => {
      const bad = await admin.post('/api/departments', { name: '', prefix: 'C-1' });
      expect(bad.status).to.equal(422);
      expect(bad.body.error.fields.map((f: { path: string }) => f.path)).to.have.members(['name', 'prefix']);
      const taken = await createDepartment({ name: 'Dermatology', prefix: 'DRM' });
      for (const body of [{ name: 'Dermatology', prefix: 'QQ' }, { name: 'Other', prefix: 'DRM' }]) {
        const res = await admin.post('/api/departments', body);
        expect(res.status).to.equal(409);
        expect(res.body.error.id).to.equal('already_exists');
      }
      expect(await Department.count({ where: { name: 'Other' } })).to.equal(0);
      expect(taken.id).to.be.a('number');
    });

    it('deactivates and reactivates, never deleting', async () => {
      const department = await createDepartment();
      const off = await admin.post(`/api/departments/${department.id}/deactivate`);
      expect(off.body.department.active).to.equal(false);
      expect(await Department.findByPk(department.id)).not.to.equal(null);
      const checkIn = await reception.post('/api/queue/check-in', { departmentId: department.id, idempotencyKey: 'closed-dept-1' });
      expect(checkIn.status).to.equal(409);
      const on = await admin.post(`/api/departments/${department.id}/activate`);
      expect(on.body.department.active).to.equal(true);
    });
  });

  describe("doctors' profiles", () => {
    it('creates the profile of a doctor account and shows it to staff', async () => {
      const department = await createDepartment({ name: 'Paediatrics' });
      const { user } = await createStaff({ role: 'doctor', fullName: 'Dr Pia Patel' });
      const res = await admin.post('/api/doctors', {
        userId: user.id,
        licenseNumber: 'GMC-7788',
        specialization: 'Paediatrics',
        rating: 4.5,
        departmentId: department.id,
        room: 'Room 7',
        consultationMinutes: 20,
      });
      expect(res.status).to.equal(201);
      expect(res.body.doctor).to.deep.include({
        userId: user.id,
        fullName: 'Dr Pia Patel',
        licenseNumber: 'GMC-7788',
        rating: 4.5,
        room: 'Room 7',
        consultationMinutes: 20,
        department: { id: department.id, name: 'Paediatrics', prefix: department.prefix },
      });
      const list = await reception.get(`/api/doctors?departmentId=${department.id}`);
      expect(list.body.doctors.map((d: { id: number }) => d.id)).to.deep.equal([res.body.doctor.id]);
      const one = await reception.get(`/api/doctors/${res.body.doctor.id}`);
      expect(one.body.doctor.licenseNumber).to.equal('GMC-7788');
    });

    it('edits every field, and clears the rating', async () => {
      const doctor = await makeDoctor({ rating: 3.5 });
      const department = await createDepartment();
      const res = await admin.request('PATCH', `/api/doctors/${doctor.id}`, {
        licenseNumber: 'NEW-1',
        specialization: 'Cardiology',
        rating: null,
        departmentId: department.id,
        room: 'Room 12',
        consultationMinutes: 12,
      });
      expect(res.status).to.equal(200);
      expect(res.body.doctor).to.deep.include({ licenseNumber: 'NEW-1', specialization: 'Cardiology', rating: null, room: 'Room 12', consultationMinutes: 12 });
      expect(res.body.doctor.department.id).to.equal(department.id);
    });

    it('refuses a non-doctor account, a second profile, an unknown department and bad values', async () => {
      const nurse = await createStaff({ role: 'reception' });
      const department = await createDepartment();
      const base = { licenseNumber: 'X-1', specialization: 'GP', departmentId: department.id, room: 'Room 1' };
      const notDoctor = await admin.post('/api/doctors', { ...base, userId: nurse.user.id });
      expect(notDoctor.status).to.equal(422);
      expect(notDoctor.body.error.id).to.equal('not_a_doctor');

      const existing = await makeDoctor();
      const second = await admin.post('/api/doctors', { ...base, userId: existing.userId });
      expect(second.status).to.equal(409);

      const doctorUser = await createStaff({ role: 'doctor' });
      const noDepartment = await admin.post('/api/doctors', { ...base, userId: doctorUser.user.id, departmentId: 999999 });
      expect(noDepartment.status).to.equal(422);
      expect(noDepartment.body.error.fields[0].path).to.equal('departmentId');

      const bad = await admin.post('/api/doctors', { ...base, userId: doctorUser.user.id, rating: 7, room: '', consultationMinutes: 0 });
      expect(bad.status).to.equal(422);
      expect(bad.body.error.fields.map((f: { path: string }) => f.path)).to.have.members(['rating', 'room', 'consultationMinutes']);
      expect(await DoctorProfile.count({ where: { userId: doctorUser.user.id } })).to.equal(0);
    });
  });
});
