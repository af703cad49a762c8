import { expect } from 'chai';
import { AvailabilityException, DoctorAvailability, type Department, type DoctorProfile, type QueueEntry } from '../../server/models';
import { anyDoctorEta, namedDoctorEta, paceMinutes, ROLLING_WINDOW } from '../../server/queue/rules/eta';
import { departmentState } from '../../server/queue/read-model/load';
import type { DepartmentState, RankedEntry } from '../../server/queue/types';
import { resetDatabase, testDatabase } from '../support/db';
import { makeDoctor, makeQueueEntry } from '../support/clinic-factories';
import { createDepartment } from '../support/factories';
import { at, DAY, ZONE } from '../support/queue';

const WEDNESDAY = 3;

describe('queue figures', () => {
  describe('the estimate rule', () => {
    it("takes a doctor's pace over their latest consultations, else their configured minutes", () => {
      expect(paceMinutes([], 12)).to.equal(12);
      expect(paceMinutes([10, 20], 12)).to.equal(15);
      const older = [100, 100];
      const latest = Array.from({ length: ROLLING_WINDOW }, () => 5);
      expect(paceMinutes([...older, ...latest], 12)).to.equal(5);
    });

    it('multiplies the patients ahead by the pace, and shares "any doctor" entries among the serving doctors', () => {
      expect(namedDoctorEta(3, 12.4)).to.equal(37);
      expect(anyDoctorEta(3, [10])).to.equal(30);
      expect(anyDoctorEta(3, [10, 20])).to.equal(23); // 3 x 15 / 2 = 22.5
      expect(anyDoctorEta(0, [10, 20])).to.equal(0);
    });
  });

  describe('departmentState', () => {
    let department: Department;
    let a: DoctorProfile;
    let b: DoctorProfile;
    const e: Record<string, QueueEntry> = {};

    before(async () => {
      await testDatabase();
    });

    beforeEach(async () => {
      await resetDatabase();
      department = await createDepartment({ prefix: 'F' });
      a = await makeDoctor({ departmentId: department.id, consultationMinutes: 10 });
      b = await makeDoctor({ departmentId: department.id, consultationMinutes: 20 });
      await DoctorAvailability.bulkCreate([
        { doctorId: a.id, weekday: WEDNESDAY, startTime: '09:00', endTime: '13:00' },
        { doctorId: b.id, weekday: WEDNESDAY, startTime: '14:00', endTime: '18:00' },
      ]);

      let sequence = 0;
      const entry = (name: string, values: Partial<Parameters<typeof makeQueueEntry>[0]>) =>
        makeQueueEntry({ departmentId: department.id, clinicDay: DAY, sequence: ++sequence, ...values }).then((made) => {
          e[name] = made;
        });
      // Doctor A's day so far: two completed visits (12 and 8 minutes; waits 10 and 25), one in the room (wait 80).
      await entry('e1', { doctorId: a.id, status: 'completed', checkedInAt: at('09:00'), firstCalledAt: at('09:10'), calledAt: at('09:10'), consultationStartedAt: at('09:12'), completedAt: at('09:24') });
      await entry('e2', { doctorId: a.id, status: 'completed', checkedInAt: at('09:05'), firstCalledAt: at('09:30'), calledAt: at('09:30'), completedAt: at('09:38') });
      await entry('e3', { doctorId: a.id, status: 'in_consultation', checkedInAt: at('09:20'), firstCalledAt: at('10:40'), calledAt: at('10:40'), consultationStartedAt: at('10:42') });
      // Came by transfer with the original check-in time: left out of the average wait. B's current patient.
      const elsewhere = await makeQueueEntry({ clinicDay: DAY, status: 'transferred' });
      await entry('t1', { doctorId: b.id, status: 'called', checkedInAt: at('08:00'), firstCalledAt: at('10:55'), calledAt: at('10:55'), transferredFromId: elsewhere.id });
      // Waiting.
      await entry('w1', { checkedInAt: at('10:00') });
      await entry('w2', { doctorId: a.id, checkedInAt: at('10:10') });
      await entry('w3', { priority: 'priority', checkedInAt: at('10:30') });
      await entry('w4', { doctorId: b.id, checkedInAt: at('10:20') });
      await entry('w5', { checkedInAt: at('10:50') });
      // Not part of today's figures.
      await entry('gone', { status: 'cancelled', checkedInAt: at('09:45'), cancelledAt: at('09:50') });
      await makeQueueEntry({ departmentId: department.id, clinicDay: '2026-12-01', sequence: 1, status: 'completed', doctorId: a.id, checkedInAt: at('09:00', '2026-12-01'), calledAt: at('09:01', '2026-12-01'), completedAt: at('09:11', '2026-12-01') });
      await makeQueueEntry({ clinicDay: DAY, checkedInAt: at('09:00') });
    });

    const name = (entry: QueueEntry) => Object.keys(e).find((k) => e[k].id === entry.id);
    const lines = (ranked: RankedEntry[]) => ranked.map((r) => [name(r.entry), r.position, r.etaMinutes]);
    const stateAt = (time: string): Promise<DepartmentState> => departmentState(department.id, { timeZone: ZONE, now: at(time) });

    it('orders the waiting entries, places each for whoever would call it, and estimates (doctor A serving)', async () => {
      const state = await stateAt('11:00');
      expect(state.clinicDay).to.equal(DAY);
      // A's cycle is 10 minutes (today's 12 and 8 blended with yesterday's 10, nothing around them); A's patient in
      // the room (since 10:42) is overdue, so A is expected free at 11:02 and takes the line in calling order. B has
      // no history and nobody done today (configured 20 minutes) and starts at 14:00, so w4 waits for that.
      expect(lines(state.waiting)).to.deep.equal([
        ['w3', 1, 2],
        ['w1', 2, 12],
        ['w2', 3, 22], // third in A's line (w3, w1, w2)
        ['w4', 3, 180], // third in B's line (w3, w1, w4), but B starts at 14:00
        ['w5', 5, 32], // A's fourth: B is not in
      ]);
      expect(state.stats).to.deep.equal({
        waiting_count: 5,
        completed_today: 2,
        average_wait_minutes: 38.3, // (10 + 25 + 80) / 3
        average_consultation_minutes: 10, // (12 + 8) / 2
      });
    });

    it('gives each doctor their line, current patient and figures', async () => {
      const state = await stateAt('11:00');
      expect([...state.doctors.keys()].sort()).to.deep.equal([a.id, b.id].sort());
      const stateA = state.doctors.get(a.id)!;
      expect(stateA.doctor.user!.fullName).to.be.a('string');
      expect(name(stateA.current!)).to.equal('e3');
      expect(lines(stateA.waiting)).to.deep.equal([
        ['w3', 1, 2],
        ['w1', 2, 12],
        ['w2', 3, 22],
        ['w5', 4, 32],
      ]);
      expect(stateA.stats).to.deep.equal({
        waiting_count: 4,
        completed_today: 2,
        average_wait_minutes: 38.3,
        average_consultation_minutes: 10,
      });
      const stateB = state.doctors.get(b.id)!;
      expect(name(stateB.current!)).to.equal('t1');
      expect(lines(stateB.waiting).map(([n]) => n)).to.deep.equal(['w3', 'w1', 'w4', 'w5']);
      expect(stateB.stats).to.deep.equal({
        waiting_count: 4,
        completed_today: 0,
        average_wait_minutes: null,
        average_consultation_minutes: null,
      });
      expect(state.recentCalls.map(name)).to.deep.equal(['t1', 'e3', 'e2', 'e1']);
    });

    it('shares "any doctor" entries among whoever serves now (doctor B in the afternoon)', async () => {
      const state = await stateAt('15:00');
      // B's patient (called 10:55) is long overdue: B is expected free in 4 minutes (a fifth of 20), then 20 each.
      expect(lines(state.waiting)).to.deep.equal([
        ['w3', 1, 4],
        ['w1', 2, 24],
        ['w2', 3, 20], // A has gone home: the forecast has nobody for A's own line, the older rule answers (2 x 10)
        ['w4', 3, 44],
        ['w5', 5, 64],
      ]);
    });

    it('counts from the first start when nobody serves now (A on leave, B not in until 14:00)', async () => {
      await AvailabilityException.create({ doctorId: a.id, startDate: '2026-11-30', endDate: DAY, reason: 'Leave' });
      const state = await stateAt('11:00');
      // Nobody is "No wait": B takes the shared line from 14:00 (180 minutes away), 20 minutes each.
      expect(lines(state.waiting)).to.deep.equal([
        ['w3', 1, 180],
        ['w1', 2, 200],
        ['w2', 3, 20], // A's own patient: nobody will see them today, so the older rule answers (2 x A's 10)
        ['w4', 3, 220],
        ['w5', 5, 240],
      ]);
    });

    it('has nothing to say about an empty day', async () => {
      const state = await departmentState(department.id, { timeZone: ZONE, now: at('09:00', '2026-12-09') });
      expect(state.waiting).to.deep.equal([]);
      expect(state.stats).to.deep.equal({
        waiting_count: 0,
        completed_today: 0,
        average_wait_minutes: null,
        average_consultation_minutes: null,
      });
      expect(state.doctors.get(a.id)!.current).to.equal(null);
    });
  });
});
