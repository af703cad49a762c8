import { expect } from 'chai';
import type { StaffQueueEntry } from '../../common/api';
import type { RecordView, SignOffResponse } from '../../common/records';
import type { PatientVisitsResponse, VisitTimeline } from '../../common/visits';
import { resetDatabase } from '../support/db';
import { Agent } from '../support/http';
import { allergicPatient, checkIn, fullDraft, openDraft, recordsClinic, signedInDoctor, type RecordsClinic } from '../support/records';
import { startTestServer, type TestServer } from '../support/server';

/** The visit timeline (issue 19): every stage with its time and who, from the audit log. */
describe('visit timeline API', () => {
  let server: TestServer;
  let clinic: RecordsClinic;

  before(async () => {
    server = await startTestServer();
    await resetDatabase();
    clinic = await recordsClinic(server);
  });
  after(() => server.close());

  it('lists every stage of a visit in order, with who did it, on the visit and on the patient', async () => {
    const doctor = await signedInDoctor(server, clinic.department);
    const patient = await allergicPatient({ fullName: 'Elena Petrova' });
    const entryId = await checkIn(clinic.reception.agent, doctor, patient.id);
    const called = await doctor.agent.post<StaffQueueEntry>(`/api/queue/doctors/${doctor.doctor.id}/call-next`);
    const recalled = await doctor.agent.post<StaffQueueEntry>(`/api/queue/entries/${entryId}/recall`, { expectedVersion: called.body.version });
    const started = await doctor.agent.post<StaffQueueEntry>(`/api/queue/entries/${entryId}/start-consultation`, { expectedVersion: recalled.body.version });
    expect(started.status, JSON.stringify(started.body)).to.equal(200);
    const draft = await openDraft(doctor, entryId);
    const saved = await doctor.agent.request<RecordView>('PUT', `/api/records/${draft.id}`, fullDraft(0));
    const signed = await doctor.agent.post<SignOffResponse>(`/api/records/${draft.id}/sign`, { revision: saved.body.revision, expectedVersion: started.body.version });
    expect(signed.status, JSON.stringify(signed.body)).to.equal(200);

    const res = await clinic.reception.agent.get<VisitTimeline>(`/api/visits/${entryId}/timeline`);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.patientId).to.equal(patient.id);
    const stages = res.body.events.map((e) => [e.label, e.by?.fullName ?? e.byDevice]);
    expect(stages).to.deep.equal([
      ['Checked in', clinic.reception.user.fullName],
      ['Called', doctor.user.fullName],
      ['Called again', doctor.user.fullName],
      ['Consultation started', doctor.user.fullName],
      ['Record started', doctor.user.fullName],
      ['Completed', doctor.user.fullName],
      ['Record signed', doctor.user.fullName],
    ]);
    const times = res.body.events.map((e) => Date.parse(e.at));
    expect(times).to.deep.equal([...times].sort((a, b) => a - b));
    // Reads and autosaves are not stages; clinical content is never in a timeline.
    expect(JSON.stringify(res.body)).to.not.contain('pharyngitis');

    const visits = await clinic.admin.agent.get<PatientVisitsResponse>(`/api/visits?patientId=${patient.id}`);
    expect(visits.status).to.equal(200);
    expect(visits.body.visits.map((v) => [v.entryId, v.status, v.timeline.length])).to.deep.equal([[entryId, 'completed', 7]]);
  });

  it('answers 401 without a session, 422 for a bad id and 404 for an unknown visit or patient', async () => {
    expect((await new Agent(server).get('/api/visits/1/timeline')).status).to.equal(401);
    const bad = await clinic.reception.agent.get('/api/visits/abc/timeline');
    expect([bad.status, bad.body.error.id]).to.deep.equal([422, 'validation_failed']);
    expect((await clinic.reception.agent.get('/api/visits/999999/timeline')).status).to.equal(404);
    expect((await clinic.reception.agent.get('/api/visits?patientId=999999')).status).to.equal(404);
  });
});
