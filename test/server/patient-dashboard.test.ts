import { expect } from 'chai';
import type { RecordView } from '../../common/records';
import type { MyAppointmentsResponse, MyProfile, MyVisitsResponse } from '../../common/me';
import { AuditLog, Patient, PatientReport, QueueEntry } from '../../server/models';
import { dayFromToday, slotAt } from '../support/admin';
import { makeAppointment, makePatient } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import type { Agent } from '../support/http';
import { patientAgent, signInPatient, signedVisit } from '../support/patient';
import { allergicPatient, checkIn, recordsClinic, signedInDoctor, visitWithDraft, type RecordsClinic, type SignedInDoctor } from '../support/records';
import { startTestServer, type TestServer } from '../support/server';

describe('patient dashboard API (issue 17): own appointments, signed visits, reports and access history only', () => {
  let server: TestServer;
  let clinic: RecordsClinic;
  let doctor: SignedInDoctor;
  let other: SignedInDoctor;
  let me: Patient;
  let stranger: Patient;
  let agent: Agent;
  let signedRecord: RecordView;
  let strangerRecord: RecordView;
  let draftRecord: RecordView;


  before(async () => {
    server = await startTestServer();
    await resetDatabase();
    clinic = await recordsClinic(server);
    doctor = await signedInDoctor(server, clinic.department);
    other = await signedInDoctor(server, clinic.department);
    me = await allergicPatient({ fullName: 'Mia Patel', phone: '+447700900111' });
    stranger = await makePatient({ fullName: 'Sam Stranger', phone: '+447700900222' });
    signedRecord = await signedVisit(clinic.reception.agent, doctor, me);
    strangerRecord = await signedVisit(clinic.reception.agent, doctor, stranger);
    draftRecord = (await visitWithDraft(clinic.reception.agent, other, me)).record;
    const desk = clinic.reception.agent;
    for (const patient of [me, stranger]) await desk.post(`/api/patients/${patient.id}/sign-in-link`);
    agent = await signInPatient(server, '07700 900111');
  });
  after(async () => {
    await server?.close();
  });

  it('lists upcoming appointments, moves one to a free time of the same doctor, refuses another doctor and another patient', async () => {
    const first = await slotAt(doctor.doctor, dayFromToday(3), '09:00');
    const later = await slotAt(doctor.doctor, dayFromToday(3), '09:30');
    const elsewhere = await slotAt(other.doctor, dayFromToday(3), '10:00');
    const mine = await makeAppointment(first, { patientId: me.id });
    const theirs = await makeAppointment(await slotAt(doctor.doctor, dayFromToday(4), '09:00'), { patientId: stranger.id });

    const list = await agent.get<MyAppointmentsResponse>('/api/me/appointments');
    expect(list.status).to.equal(200);
    expect(list.body.upcoming.map((a) => a.id)).to.deep.equal([mine.id]);
    expect(list.body.upcoming[0]).to.include({ start: '09:00', changeable: true });

    const times = await agent.get(`/api/me/appointments/${mine.id}/slots`);
    expect(times.body.slots.map((s: { id: number }) => s.id)).to.include(later.id).and.not.include(elsewhere.id).and.not.include(first.id);
    const moved = await agent.post(`/api/me/appointments/${mine.id}/reschedule`, { slotId: later.id });
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200);
    expect(moved.body.appointment.start).to.equal('09:30');
    expect((await agent.post(`/api/me/appointments/${mine.id}/reschedule`, { slotId: elsewhere.id })).status).to.equal(422);
    // Somebody else's appointment: the same 404 as none at all, for reading its times, moving and cancelling.
    expect((await agent.get(`/api/me/appointments/${theirs.id}/slots`)).status).to.equal(404);
    expect((await agent.post(`/api/me/appointments/${theirs.id}/reschedule`, { slotId: first.id })).status).to.equal(404);
    expect((await agent.post(`/api/me/appointments/${theirs.id}/cancel`)).status).to.equal(404);
    expect(await AuditLog.count({ where: { action: 'patient.appointment_refused', patientId: me.id } })).to.equal(3);

    const cancelled = await agent.post(`/api/me/appointments/${mine.id}/cancel`);
    expect(cancelled.body.appointment.status).to.equal('cancelled');
    // The desk's rule, not a copy: a cancelled appointment cannot be cancelled again.
    expect((await agent.post(`/api/me/appointments/${mine.id}/cancel`)).body.error.id).to.equal('invalid_transition');
  });

  it('shows today\'s ticket once the patient is checked in: its public code, the phone ticket page\'s channel', async () => {
    // The visit whose draft is open (in consultation) is today's ticket until a newer check-in.
    const open = (await QueueEntry.findOne({ where: { patientId: me.id, status: 'in_consultation' } }))!;
    expect((await agent.get<MyAppointmentsResponse>('/api/me/appointments')).body.ticket).to.deep.equal({ token: open.token, publicCode: open.publicCode });
    const entryId = await checkIn(clinic.reception.agent, other, me.id);
    const entry = (await QueueEntry.findByPk(entryId))!;
    const list = await agent.get<MyAppointmentsResponse>('/api/me/appointments');
    expect(list.body.ticket).to.deep.equal({ token: entry.token, publicCode: entry.publicCode });
  });

  it('reads signed visits only, in words, without the doctor\'s notes; another patient\'s or a draft answers 404', async () => {
    const res = await agent.get<MyVisitsResponse>('/api/me/visits');
    expect(res.body.visits.map((v) => v.id)).to.deep.equal([signedRecord.id]);
    const [visit] = res.body.visits;
    expect(visit.diagnosis).to.equal('Acute pharyngitis');
    expect(visit.icd10?.code).to.equal('J02.9');
    expect(visit.vitals).to.deep.include({ field: 'pulseBpm', value: 72 });
    expect(visit.prescription[0].medicine).to.equal('Paracetamol 500 mg tablets');
    expect(JSON.stringify(res.body)).to.not.include('No exudate');

    expect((await agent.get(`/api/me/visits/${signedRecord.id}`)).status).to.equal(200);
    for (const id of [strangerRecord.id, draftRecord.id, 999_999]) {
      const refused = await agent.get(`/api/me/visits/${id}`);
      expect(refused.status, `visit ${id}`).to.equal(404);
      expect(refused.body.error.id).to.equal('not_found');
      expect((await agent.get(`/api/me/visits/${id}/prescription`)).status).to.equal(404);
    }
    const page = await agent.get(visit.prescriptionUrl!);
    expect(page.status).to.equal(200);
    expect(String(page.body)).to.include('Paracetamol').and.include('Mia Patel');
    // Signed out: nothing.
    expect((await patientAgent(server).get('/api/me/visits')).status).to.equal(401);
    expect(await AuditLog.count({ where: { action: 'patient.record_refused', patientId: me.id } })).to.equal(6);
    expect(await AuditLog.count({ where: { action: 'patient.prescription_print', patientId: me.id } })).to.equal(1);
  });

  it('keeps what the patient reports apart from the record, pending for staff', async () => {
    const res = await agent.post<MyProfile>('/api/me/profile/reports', { allergies: 'Penicillin; latex' });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body.allergies).to.equal('Penicillin (rash); peanuts');
    expect(res.body.reported.allergies?.value).to.equal('Penicillin; latex');
    await agent.post('/api/me/profile/reports', { insuranceProvider: 'Acme Health', insuranceNumber: 'AH-1' });
    expect((await Patient.findByPk(me.id))!.allergies).to.equal('Penicillin (rash); peanuts');
    expect(await PatientReport.count({ where: { patientId: me.id, status: 'pending' } })).to.equal(2);
    expect((await agent.post('/api/me/profile/reports', { allergies: 'x', insuranceProvider: 'y' })).status).to.equal(422);
  });

  it('shows the patient who read their record: the doctor, and themselves', async () => {
    const res = await agent.get('/api/me/access');
    expect(res.status).to.equal(200);
    const entries = res.body.entries as { who: string; action: string }[];
    expect(entries.some((e) => e.who === 'you' && e.action === 'patient.visits_read')).to.equal(true);
    expect(entries.some((e) => e.who.startsWith(doctor.user.fullName) && e.action.startsWith('record.'))).to.equal(true);
    // Another patient's history never shows here.
    expect(await AuditLog.count({ where: { patientId: stranger.id, action: 'patient.visits_read' } })).to.equal(0);
  });
});
