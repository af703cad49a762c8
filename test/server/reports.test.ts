import { expect } from 'chai';
import type { TicketView } from '../../common/api';
import type { ReportFigures } from '../../common/reports';
import { QueueEntry, WaitEstimate } from '../../server/models';
import { localToUtc } from '../../server/services/clinic-time';
import { reportCsv } from '../../server/services/reports';
import { signedIn } from '../support/admin';
import { makeAppointment, makeDoctor, makePatient, makeQueueEntry, makeSlot } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createDepartment } from '../support/factories';
import { Agent } from '../support/http';
import { kioskKey, openDepartment } from '../support/kiosk';
import { startTestServer, type TestServer } from '../support/server';

/** The fixture day: a Wednesday in British Summer Time (UTC+1), so hours of the day are not UTC hours. */
const DAY = '2026-07-15';
const NEXT = '2026-07-16';
const at = (time: string, day = DAY) => localToUtc(day, time, 'Europe/London');

type EntryValues = NonNullable<Parameters<typeof makeQueueEntry>[0]>;

const hours = (counts: Record<number, number>) => Array.from({ length: 24 }, (_, h) => counts[h] ?? 0);

describe('reports and the audit log', () => {
  let server: TestServer;
  let admin: Agent;
  let ids: { cardiology: number; skin: number; d1: number; d2: number; d3: number };

  before(async () => {
    await resetDatabase();
    server = await startTestServer();
    admin = (await signedIn(server, 'admin')).agent;

    const cardiology = await createDepartment({ name: 'Cardiology', prefix: 'C' });
    const skin = await createDepartment({ name: 'Skin, Hair & Nails', prefix: 'S' });
    const d1 = await makeDoctor({ departmentId: cardiology.id });
    const d2 = await makeDoctor({ departmentId: cardiology.id });
    const d3 = await makeDoctor({ departmentId: skin.id });
    ids = { cardiology: cardiology.id, skin: skin.id, d1: d1.id, d2: d2.id, d3: d3.id };

    let sequence = 0;
    const entry = (values: EntryValues) => makeQueueEntry({ clinicDay: DAY, sequence: ++sequence, ...values });
    const visit = (called: string, started: string | null, completed: string, day = DAY) => ({
      status: 'completed' as const,
      firstCalledAt: at(called, day),
      calledAt: at(called, day),
      consultationStartedAt: started ? at(started, day) : null,
      completedAt: at(completed, day),
    });

    // Cardiology. Waits 10, 30, 5, 60 and 20 minutes; consultations 15, 20 and 12 (the last from the call).
    await entry({ departmentId: cardiology.id, doctorId: d1.id, checkedInAt: at('08:00'), ...visit('08:10', '08:12', '08:27') });
    await entry({ departmentId: cardiology.id, doctorId: d1.id, checkedInAt: at('08:20'), ...visit('08:50', '08:50', '09:10') });
    await entry({ departmentId: cardiology.id, doctorId: d2.id, checkedInAt: at('09:05'), ...visit('09:10', null, '09:22') });
    await entry({ departmentId: cardiology.id, doctorId: d2.id, checkedInAt: at('09:40'), status: 'skipped', firstCalledAt: at('10:40'), calledAt: at('10:40'), skippedAt: at('10:45') });
    await entry({ departmentId: cardiology.id, doctorId: null, checkedInAt: at('10:15') });
    await entry({ departmentId: cardiology.id, doctorId: d1.id, checkedInAt: at('10:30'), status: 'cancelled', cancelledAt: at('10:35') });
    const original = await entry({
      departmentId: cardiology.id, doctorId: d2.id, checkedInAt: at('11:00'), status: 'transferred',
      firstCalledAt: at('11:20'), calledAt: at('11:20'), consultationStartedAt: at('11:25'), transferredAt: at('11:30'),
    });
    // Skin: wait 15, consultation 30; and the transferred patient, who keeps the 11:00 check-in: no wait counted,
    // not a new arrival, consultation 20.
    await entry({ departmentId: skin.id, doctorId: d3.id, checkedInAt: at('08:45'), ...visit('09:00', '09:01', '09:31') });
    await entry({ departmentId: skin.id, doctorId: d3.id, checkedInAt: at('11:00'), transferredFromId: original.id, ...visit('11:45', '11:50', '12:10') });
    // A booked appointment on the day nobody came to.
    await makeAppointment(await makeSlot(d3.id, { startsAt: at('14:00') }), { status: 'no_show' });
    // The next day: one more visit (wait 8, consultation 10), outside a one-day report.
    await makeQueueEntry({ departmentId: cardiology.id, doctorId: d1.id, clinicDay: NEXT, sequence: 1, checkedInAt: at('09:00', NEXT), ...visit('09:08', '09:10', '09:20', NEXT) });
  });
  after(() => server.close());

  it('computes the day by clinic, department and doctor, as worked out by hand', async () => {
    const res = await admin.get(`/api/reports?from=${DAY}&to=${DAY}`);
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.include({ from: DAY, to: DAY, timeZone: 'Europe/London' });
    const total: ReportFigures = {
      checkIns: 8,
      patientsSeen: 5,
      noShows: 2,
      averageWaitMinutes: 23.3, // (10 + 30 + 5 + 60 + 15 + 20) / 6
      p90WaitMinutes: 60, // nearest rank: the 6th of 6
      averageConsultationMinutes: 19.4, // (15 + 20 + 12 + 30 + 20) / 5
      arrivalsByHour: hours({ 8: 3, 9: 2, 10: 2, 11: 1 }),
    };
    expect(res.body.total).to.deep.equal(total);
    expect(res.body.departments).to.deep.equal([
      { id: ids.cardiology, name: 'Cardiology', checkIns: 7, patientsSeen: 3, noShows: 1, averageWaitMinutes: 25, p90WaitMinutes: 60, averageConsultationMinutes: 15.7, arrivalsByHour: hours({ 8: 2, 9: 2, 10: 2, 11: 1 }) },
      { id: ids.skin, name: 'Skin, Hair & Nails', checkIns: 1, patientsSeen: 2, noShows: 1, averageWaitMinutes: 15, p90WaitMinutes: 15, averageConsultationMinutes: 25, arrivalsByHour: hours({ 8: 1 }) },
    ]);
    const doctors = Object.fromEntries(res.body.doctors.map((d: { id: number }) => [d.id, d]));
    expect(Object.keys(doctors)).to.have.length(3);
    expect(doctors[ids.d1]).to.deep.include({ checkIns: 3, patientsSeen: 2, noShows: 0, averageWaitMinutes: 20, p90WaitMinutes: 30, averageConsultationMinutes: 17.5, arrivalsByHour: hours({ 8: 2, 10: 1 }) });
    expect(doctors[ids.d2]).to.deep.include({ checkIns: 3, patientsSeen: 1, noShows: 1, averageWaitMinutes: 28.3, p90WaitMinutes: 60, averageConsultationMinutes: 12, arrivalsByHour: hours({ 9: 2, 11: 1 }) });
    expect(doctors[ids.d3]).to.deep.include({ checkIns: 1, patientsSeen: 2, noShows: 1, averageWaitMinutes: 15, p90WaitMinutes: 15, averageConsultationMinutes: 25, departmentId: ids.skin });
  });

  it('adds up a range of days', async () => {
    const res = await admin.get(`/api/reports?from=${DAY}&to=${NEXT}`);
    expect(res.body.total).to.deep.include({ checkIns: 9, patientsSeen: 6, noShows: 2, averageWaitMinutes: 21.1, p90WaitMinutes: 60, averageConsultationMinutes: 17.8 });
    const empty = await admin.get('/api/reports?from=2026-07-20&to=2026-07-20');
    expect(empty.body.total).to.deep.include({ checkIns: 0, averageWaitMinutes: null, p90WaitMinutes: null, averageConsultationMinutes: null });
    expect(empty.body.departments).to.deep.equal([]);
  });

  it('exports the same figures as CSV', async () => {
    const res = await admin.request('GET', `/api/reports?from=${DAY}&to=${DAY}&format=csv`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.contain('text/csv');
    expect(res.headers.get('content-disposition')).to.contain(`mediqueue-report-${DAY}-to-${DAY}.csv`);
    const lines = (res.body as string).trimEnd().split('\r\n');
    expect(lines[0].split(',').slice(0, 11)).to.deep.equal([
      'scope', 'id', 'name', 'from', 'to', 'check_ins', 'patients_seen', 'no_shows', 'average_wait_minutes', 'p90_wait_minutes', 'average_consultation_minutes',
    ]);
    expect(lines[0].split(',')).to.have.length(11 + 24 + 5);
    expect(lines[0].split(',').slice(35)).to.deep.equal([
      'estimates', 'mean_estimated_wait_minutes', 'mean_real_wait_minutes', 'estimate_mae_minutes', 'real_wait_inside_range_share',
    ]);
    expect(lines[1]).to.equal(`clinic,,All departments,${DAY},${DAY},8,5,2,23.3,60,19.4,${hours({ 8: 3, 9: 2, 10: 2, 11: 1 }).join(',')},,,,,`);
    expect(lines[3]).to.match(new RegExp(`^department,${ids.skin},"Skin, Hair & Nails",${DAY},${DAY},1,2,1,15,15,25,`));
    expect(lines).to.have.length(1 + 1 + 2 + 3);
  });

  it('sets the estimates shown at check-in against the waits that followed, by day and department', async () => {
    const checkedInAt = async (time: string) => (await QueueEntry.findOne({ where: { clinicDay: DAY, checkedInAt: at(time) } }))!.id;
    await WaitEstimate.bulkCreate([
      { queueEntryId: await checkedInAt('08:00'), estimatedMinutes: 15, lowMinutes: 10, highMinutes: 20 }, // waited 10: inside
      { queueEntryId: await checkedInAt('08:20'), estimatedMinutes: 20, lowMinutes: 15, highMinutes: 25 }, // waited 30: outside
      { queueEntryId: await checkedInAt('08:45'), estimatedMinutes: 30, lowMinutes: 25, highMinutes: 40 }, // waited 15: outside
      { queueEntryId: await checkedInAt('10:15'), estimatedMinutes: 5, lowMinutes: 0, highMinutes: 10 }, // never called: left out
    ]);
    try {
      const res = await admin.get(`/api/reports?from=${DAY}&to=${DAY}`);
      expect(res.body.estimates).to.deep.equal([
        { day: DAY, departmentId: ids.cardiology, count: 2, meanEstimatedMinutes: 17.5, meanRealMinutes: 20, maeMinutes: 7.5, insideShare: 0.5 },
        { day: DAY, departmentId: ids.skin, count: 1, meanEstimatedMinutes: 30, meanRealMinutes: 15, maeMinutes: 15, insideShare: 0 },
      ]);
      // The CSV carries the same, one `estimate` line per day and department after the others.
      const csv = (await admin.request('GET', `/api/reports?from=${DAY}&to=${DAY}&format=csv`)).body as string;
      const estimateLines = csv.trimEnd().split('\r\n').filter((l) => l.startsWith('estimate,'));
      const empty = ','.repeat(1 + 6 + 24); // the figure and hour cells stay empty
      expect(estimateLines).to.deep.equal([
        `estimate,${ids.cardiology},Cardiology,${DAY},${DAY}${empty}2,17.5,20,7.5,0.5`,
        `estimate,${ids.skin},"Skin, Hair & Nails",${DAY},${DAY}${empty}1,30,15,15,0`,
      ]);
    } finally {
      await WaitEstimate.destroy({ where: {} });
    }
  });

  it('keeps the estimate a new ticket was given, for the report', async () => {
    const { department } = await openDepartment('Records Estimates', 'R');
    const ticket = await new Agent(server).post<TicketView>('/api/kiosk/check-in', { departmentId: department.id, idempotencyKey: kioskKey() });
    expect(ticket.status, JSON.stringify(ticket.body)).to.equal(201);
    await server.services.queue.estimates.flush();
    const entry = await QueueEntry.findOne({ where: { publicCode: ticket.body.publicCode } });
    const kept = await WaitEstimate.findByPk(entry!.id);
    expect(kept).to.include({ estimatedMinutes: ticket.body.etaMinutes, lowMinutes: 0, highMinutes: 5 });
    await WaitEstimate.destroy({ where: {} });
  });

  it('never lets a spreadsheet read a name as a formula', () => {
    const figures: ReportFigures = { checkIns: 1, patientsSeen: 0, noShows: 0, averageWaitMinutes: null, p90WaitMinutes: null, averageConsultationMinutes: null, arrivalsByHour: hours({}) };
    const csv = reportCsv({ from: DAY, to: DAY, timeZone: 'UTC', total: figures, departments: [{ id: 1, name: '=HYPERLINK("x")', ...figures }], doctors: [], estimates: [] });
    expect(csv.split('\r\n')[2]).to.match(/^department,1,"'=HYPERLINK\(""x""\)",/);
  });

  it('answers 422 for bad or backwards dates and for an unknown format', async () => {
    const res = await admin.get('/api/reports?from=2026-07-15&to=2026-07-01&format=pdf');
    expect(res.status).to.equal(422);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).to.have.members(['format']);
    const backwards = await admin.get('/api/reports?from=2026-07-15&to=2026-07-01');
    expect(backwards.body.error.fields.map((f: { path: string }) => f.path)).to.deep.equal(['to']);
    expect((await admin.get('/api/reports?to=2026-07-01')).body.error.fields[0].path).to.equal('from');
  });

  it('searches the audit log by user, patient and day, newest first, a page at a time', async () => {
    const desk = await signedIn(server, 'reception');
    const patient = await makePatient();
    for (const sex of ['male', 'female', 'other'] as const) {
      expect((await desk.agent.request('PATCH', `/api/patients/${patient.id}`, { sex })).status).to.equal(200);
    }
    const byPatient = await admin.get(`/api/audit?patientId=${patient.id}&pageSize=2`);
    expect(byPatient.status).to.equal(200);
    expect(byPatient.body).to.include({ total: 3, page: 1, pageSize: 2 });
    expect(byPatient.body.entries).to.have.length(2);
    expect(byPatient.body.entries[0]).to.deep.include({ action: 'patient.update', patientId: patient.id, user: { id: desk.user.id, fullName: desk.user.fullName } });
    expect(byPatient.body.entries[0].id).to.be.greaterThan(byPatient.body.entries[1].id);

    const byUser = await admin.get(`/api/audit?userId=${desk.user.id}&action=patient.`);
    expect(byUser.body.total).to.equal(3);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect((await admin.get(`/api/audit?userId=${desk.user.id}&from=${tomorrow}`)).body.total).to.equal(0);
    expect((await admin.get(`/api/audit?userId=${desk.user.id}&to=${tomorrow}&from=2020-01-01`)).body.total).to.be.at.least(4);

    const bad = await admin.get('/api/audit?userId=me&action=%25&from=yesterday');
    expect(bad.status).to.equal(422);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).to.have.members(['userId', 'action', 'from']);
  });
});
