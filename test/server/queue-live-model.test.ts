import { expect } from 'chai';
import type { Sequelize } from 'sequelize';
import { AppError } from '../../server/errors';
import { createLogger } from '../../server/logger';
import { AvailabilityException, DoctorAvailability, Patient, QueueEntry, type DoctorProfile, type User } from '../../server/models';
import { QueueService } from '../../server/queue/commands/steps';
import { departmentState } from '../../server/queue/read-model/load';
import { LiveQueue } from '../../server/queue/read-model/live-queue';
import type { DepartmentState } from '../../server/queue/types';
import { makeAppointment, makePatient, makeSlot } from '../support/clinic-factories';
import { resetDatabase, testDatabase } from '../support/db';
import { at, clinicWithDoctors, DAY, frontDesk, key, TestClock, ZONE } from '../support/queue';

/** A small seeded generator (mulberry32), so a failing sequence can be run again exactly. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the screens can see of a department's state, as plain data (ids, versions, places, estimates, figures). */
function seen(state: DepartmentState) {
  const line = (ranked: DepartmentState['waiting']) => ranked.map((r) => [r.entry.id, r.entry.version, r.position, r.etaMinutes]);
  return {
    day: state.clinicDay,
    waiting: line(state.waiting),
    stats: state.stats,
    doctors: [...state.doctors.values()].map((d) => ({
      id: d.doctor.id,
      current: d.current ? [d.current.id, d.current.version, d.current.patientId] : null,
      waiting: line(d.waiting),
      missed: d.missed.map((e) => [e.id, e.version]),
      stats: d.stats,
    })),
    recent: state.recentCalls.map((e) => [e.id, e.version, e.status]),
    names: state.waiting.map((r) => r.entry.patient?.fullName ?? null),
  };
}

const STEPS = ['recall', 'skip', 'returnToQueue', 'startConsultation', 'complete', 'cancel'] as const;

describe('queue live read model', function () {
  // Hundreds of real transactions per sequence, on MariaDB too.
  this.timeout(240_000);
  let sequelize: Sequelize;

  before(async () => {
    sequelize = (await testDatabase()).sequelize;
  });

  // Seeds 1 and 2 take one step at a time; seed 3 also sends rushes of walk-ins at once (written together).
  for (const [seed, rushes] of [[1, false], [2, false], [3, true]] as const) {
    it(`equals a fresh rebuild from the database after every step of a random day (seed ${seed}${rushes ? ', with rushes' : ''})`, async () => {
      await resetDatabase();
      const rand = random(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
      const clock = new TestClock(at('07:40'));
      const live = new LiveQueue(ZONE, clock.now, createLogger('silent'));
      const queue = new QueueService(sequelize, { timeZone: ZONE, live }, live, clock.now);
      try {
        const main = await clinicWithDoctors(3, { prefix: 'G' });
        const other = await clinicWithDoctors(1, { prefix: 'R' });
        const [a, b, c] = main.doctors.map((d) => d.doctor);
        await DoctorAvailability.bulkCreate([
          { doctorId: a.id, weekday: 3, startTime: '08:00', endTime: '12:00' },
          { doctorId: a.id, weekday: 3, startTime: '13:00', endTime: '17:00' },
          { doctorId: b.id, weekday: 3, startTime: '09:00', endTime: '17:00' },
          { doctorId: c.id, weekday: 3, startTime: '08:00', endTime: '17:00' },
          { doctorId: other.doctors[0].doctor.id, weekday: 3, startTime: '08:00', endTime: '17:00' },
        ]);
        await AvailabilityException.create({ doctorId: c.id, startDate: DAY, endDate: DAY, reason: 'Leave' });
        const doctors: DoctorProfile[] = [a, b, c, other.doctors[0].doctor];
        const patients = await Promise.all(Array.from({ length: 6 }, () => makePatient()));
        const bookings = [];
        for (let i = 0; i < 8; i++) {
          const slot = await makeSlot(pick([a, b]).id, { startsAt: at(`${String(8 + i).padStart(2, '0')}:15`) });
          bookings.push((await makeAppointment(slot)).bookingCode);
        }
        const { reception } = await frontDesk();
        const departments = [main.department.id, other.department.id];
        let refused = 0;

        for (let step = 0; step < 200; step++) {
          clock.advance(Math.floor(rand() * 5));
          const entries = await QueueEntry.findAll({ where: { clinicDay: DAY } });
          const entry = entries.length ? pick(entries) : null;
          const roll = rand();
          try {
            if (rushes && roll < 0.05) {
              // A rush: anonymous walk-ins at once, written together (one of them sent twice), as kiosks do.
              const departmentId = pick(departments);
              const keys = Array.from({ length: 2 + Math.floor(rand() * 4) }, () => key());
              await Promise.all(
                [...keys, keys[0]].map((k) =>
                  queue.checkInWalkIn({ departmentId, priority: pick(['normal', 'normal', 'priority'] as const), idempotencyKey: k }, null),
                ),
              );
            } else if (roll < 0.3) {
              await queue.checkInWalkIn(
                {
                  departmentId: pick(departments),
                  priority: pick(['normal', 'normal', 'normal', 'priority', 'emergency'] as const),
                  idempotencyKey: key(),
                  ...(rand() < 0.3 ? { patientId: pick(patients).id } : {}),
                },
                rand() < 0.5 ? reception : null,
              );
            } else if (roll < 0.38) {
              await queue.checkInAppointment({ bookingCode: pick(bookings), idempotencyKey: key() }, null);
            } else if (roll < 0.55) {
              await queue.callNext(pick(doctors).id, reception);
            } else if (roll < 0.6 && entry) {
              await queue.callToken(entry.id, entry.version, pick(doctors).id, reception);
            } else if (roll < 0.85 && entry) {
              await queue[pick(STEPS)](entry.id, entry.version, reception as User);
            } else if (roll < 0.9 && entry) {
              await queue.completeAndCallNext(entry.id, entry.version, reception);
            } else if (roll < 0.95 && entry) {
              await queue.transfer(entry.id, entry.version, { toDepartmentId: pick(departments), reason: 'Needs another look' }, reception);
            } else if (roll < 0.97 && entry) {
              await queue.attachPatient(entry.id, pick(patients).id, reception);
            } else {
              // A write that did not come from the queue: the model must notice and read the day again.
              await Patient.update({ fullName: `Renamed ${step}` }, { where: { id: pick(patients).id } });
            }
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            refused++;
          }
          for (const departmentId of departments) {
            const kept = seen(await live.state(departmentId, clock.now()));
            const rebuilt = seen(await departmentState(departmentId, { timeZone: ZONE, now: clock.now() }));
            expect(kept, `seed ${seed}, step ${step}, department ${departmentId}`).to.deep.equal(rebuilt);
            // The line lengths kept as counts are the lines' lengths; a display's "next" is the head of the line.
            const state = await live.state(departmentId, clock.now());
            for (const d of state.doctors.values()) expect(d.stats.waiting_count, `step ${step}, doctor ${d.doctor.id}`).to.equal(d.waiting.length);
            expect(state.stats.waiting_count).to.equal(state.waiting.length);
            expect(state.next(3)).to.deep.equal(state.waiting.slice(0, 3).map((r) => r.entry));
            // A check-in's answer takes its entry's rank from the live view: the same as the rebuild's.
            const alone = await Promise.all(
              rebuilt.waiting.map(async ([id]) => {
                const rank = await live.rank(departmentId, id as number, clock.now());
                return rank && [rank.entry.id, rank.entry.version, rank.position, rank.etaMinutes];
              }),
            );
            expect(alone, `seed ${seed}, step ${step}, department ${departmentId}, ranked alone`).to.deep.equal(rebuilt.waiting);
            // The same asked of a fresh state before anything ranks its whole line (a check-in's answer): each entry's
            // rank found on its own, from the end of the line, for the last eight (short scans: no full ranking yet).
            if (step % 5 === 0) {
              const fresh = await departmentState(departmentId, { timeZone: ZONE, now: clock.now() });
              const tail = rebuilt.waiting.slice(-8).reverse();
              const found = tail.map(([id]) => {
                const rank = fresh.rankOf.get(id as number);
                return rank && [rank.entry.id, rank.entry.version, rank.position, rank.etaMinutes];
              });
              expect(found, `seed ${seed}, step ${step}, department ${departmentId}, ranked from the end`).to.deep.equal(tail);
            }
          }
        }
        // The sequence did reach the interesting states, not only refusals.
        const reached = new Set((await QueueEntry.findAll()).map((e) => e.status));
        expect([...reached]).to.include.members(['waiting', 'completed', 'transferred', 'skipped']);
        expect(refused).to.be.lessThan(200);
      } finally {
        live.close();
      }
    });
  }
});
