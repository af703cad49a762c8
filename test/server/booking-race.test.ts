import { expect } from 'chai';
import { Appointment, AuditLog, type Patient } from '../../server/models';
import { agentsByRole, dayFromToday, slotAt } from '../support/admin';
import { makeDoctor, makePatient } from '../support/clinic-factories';
import { resetDatabase, TEST_DATABASE_URL } from '../support/db';
import type { Agent, JsonResponse } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

const DATABASE = TEST_DATABASE_URL.startsWith('sqlite:') ? 'SQLite' : 'MySQL/MariaDB';

/** Tallies answers as "201" and "409 slot_taken" and so on. */
function tally(responses: JsonResponse[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of responses) {
    const key = r.status < 300 ? String(r.status) : `${r.status} ${r.body?.error?.id}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe(`double booking is impossible (${DATABASE})`, () => {
  let server: TestServer;
  let desks: Agent[];
  let patients: Patient[];

  before(async () => {
    await resetDatabase();
    server = await startTestServer();
    // Two desks signed in separately, so the requests do not share one session row either.
    const agents = await agentsByRole(server);
    desks = [agents.reception.agent, agents.admin.agent];
    patients = [];
    for (let i = 0; i < 20; i++) patients.push(await makePatient({ fullName: `Racer ${i}` }));
  });
  after(() => server.close());

  it('20 simultaneous bookings of one slot: exactly one succeeds, 19 are told slot_taken', async () => {
    const slot = await slotAt(await makeDoctor(), dayFromToday(3), '10:00');
    const responses = await Promise.all(
      patients.map((p, i) => desks[i % 2].post('/api/appointments', { slotId: slot.id, patientId: p.id })),
    );
    expect(tally(responses)).to.deep.equal({ '201': 1, '409 slot_taken': 19 });
    for (const refused of responses.filter((r) => r.status === 409)) {
      expect(refused.body.error.message).to.equal('That time has just been taken. Please choose another.');
    }
    const winner = responses.find((r) => r.status === 201)!.body.appointment;
    const rows = await Appointment.findAll({ where: { slotId: slot.id } });
    expect(rows.map((a) => [a.id, a.status, a.active])).to.deep.equal([[winner.id, 'booked', true]]);
    // Nothing of the 19 refused attempts was left behind, not even an audit line.
    expect(await AuditLog.count({ where: { action: 'appointment.book', entityId: String(winner.id) } })).to.equal(1);
    expect(await AuditLog.count({ where: { action: 'appointment.book' } })).to.equal(1);
  });

  it('10 simultaneous reschedules onto one free slot: exactly one moves, the others stay where they were', async () => {
    const doctor = await makeDoctor();
    const target = await slotAt(doctor, dayFromToday(4), '08:00');
    const booked = [];
    for (let i = 0; i < 10; i++) {
      const slot = await slotAt(doctor, dayFromToday(4), `${String(9 + i).padStart(2, '0')}:00`);
      booked.push((await desks[0].post('/api/appointments', { slotId: slot.id, patientId: patients[i].id })).body.appointment);
    }
    const responses = await Promise.all(
      booked.map((a, i) => desks[i % 2].post(`/api/appointments/${a.id}/reschedule`, { slotId: target.id })),
    );
    expect(tally(responses)).to.deep.equal({ '200': 1, '409 slot_taken': 9 });
    expect(await Appointment.count({ where: { slotId: target.id, active: true } })).to.equal(1);
    for (const [i, a] of booked.entries()) {
      if (responses[i].status === 409) expect((await Appointment.findByPk(a.id))!.slotId).to.equal(a.slotId);
    }
  });

  it('cancel then rebook under contention: the freed slot goes to exactly one of 10', async () => {
    const slot = await slotAt(await makeDoctor(), dayFromToday(5), '10:00');
    const first = (await desks[0].post('/api/appointments', { slotId: slot.id, patientId: patients[0].id })).body.appointment;
    await desks[0].post(`/api/appointments/${first.id}/cancel`, { reason: 'Moved away' });
    const responses = await Promise.all(
      patients.slice(1, 11).map((p, i) => desks[i % 2].post('/api/appointments', { slotId: slot.id, patientId: p.id })),
    );
    expect(tally(responses)).to.deep.equal({ '201': 1, '409 slot_taken': 9 });
    expect(await Appointment.count({ where: { slotId: slot.id } })).to.equal(2);
  });
});
