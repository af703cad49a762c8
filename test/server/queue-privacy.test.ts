import { expect } from 'chai';
import { ENTRY_ACTIONS } from '../../common/protocol';
import { QueueEntry } from '../../server/models';
import { resetDatabase } from '../support/db';
import { createDepartment, createStaff } from '../support/factories';
import { makeDoctor, makePatient } from '../support/clinic-factories';
import { Agent } from '../support/http';
import { agentFor } from '../support/session';
import { startTestServer, type TestServer } from '../support/server';
import { TestSocket } from '../support/ws';

/** A small seeded generator, so a failing sequence can be replayed from its seed. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return { next, pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] };
}

describe('privacy of public channels (property: no random sequence of steps leaks patient data)', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server.close());

  for (const seed of [1, 2, 3]) {
    it(`never puts a name, birth date, phone or record number on a public channel (seed ${seed})`, async function () {
      this.timeout(60_000);
      await resetDatabase();
      const random = prng(seed);
      const departments = [await createDepartment({ prefix: 'A' }), await createDepartment({ prefix: 'B' })];
      const doctors = [];
      for (const [i, department] of [departments[0], departments[0], departments[1]].entries()) {
        doctors.push(await makeDoctor({ departmentId: department.id, room: `Room ${i + 1}` }));
      }
      const patients = [];
      for (let i = 0; i < 6; i++) {
        patients.push(await makePatient({ fullName: `Secretname${i} Hiddenfamily`, dateOfBirth: `19${50 + i}-0${1 + i}-1${i}`, phone: `+44 7700 90012${i}` }));
      }
      const secrets = patients.flatMap((p) => [p.fullName, 'Secretname', p.dateOfBirth, p.phone!, p.medicalRecordNumber]);
      const desk = await agentFor(server, (await createStaff({ role: 'reception' })).user);

      const publicMessages: string[] = [];
      const watch = (channel: string) => {
        const socket = new TestSocket(server.wsUrl);
        socket.ws.on('message', (data) => publicMessages.push(data.toString()));
        socket.ws.on('open', () => socket.send({ type: 'subscribe', channel: channel as `ticket:${string}` }));
        return socket;
      };
      const sockets = [watch('display:all'), ...departments.flatMap((d) => [watch(`department:${d.id}`), watch(`display:${d.id}`)])];

      let key = 0;
      for (let step = 0; step < 50; step++) {
        const kind = random.pick(['check_in', 'check_in', 'call_next', 'step', 'step', 'step', 'transfer'] as const);
        if (kind === 'check_in') {
          const department = random.pick(departments);
          const res = await desk.post('/api/queue/check-in', {
            departmentId: department.id,
            patientId: random.pick(patients).id,
            priority: random.pick(['normal', 'priority', 'emergency']),
            idempotencyKey: `seed${seed}-step${step}-${++key}`,
          });
          expect(res.status, JSON.stringify(res.body)).to.equal(201);
          publicMessages.push(JSON.stringify(res.body));
          sockets.push(watch(`ticket:${res.body.publicCode}`));
        } else if (kind === 'call_next') {
          await desk.post(`/api/queue/doctors/${random.pick(doctors).id}/call-next`);
        } else {
          const entries = await QueueEntry.findAll();
          if (!entries.length) continue;
          const entry = random.pick(entries);
          if (kind === 'transfer') {
            await desk.post(`/api/queue/entries/${entry.id}/transfer`, {
              expectedVersion: entry.version,
              toDepartmentId: random.pick(departments).id,
              reason: 'Needs another specialty',
            });
          } else {
            const action = random.pick(ENTRY_ACTIONS);
            await desk.post(`/api/queue/entries/${entry.id}/${action.replace(/_/g, '-')}`, {
              expectedVersion: entry.version,
              doctorId: random.pick(doctors).id,
            });
          }
        }
      }
      await server.services.queue.broadcaster.idle();
      for (const entry of await QueueEntry.findAll()) {
        const ticket = await new Agent(server).get(`/api/queue/tickets/${entry.publicCode}`);
        publicMessages.push(JSON.stringify(ticket.body));
      }
      for (const department of departments) {
        publicMessages.push(JSON.stringify((await new Agent(server).get(`/api/queue/departments/${department.id}`)).body));
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      sockets.forEach((s) => s.close());

      const types = new Set(publicMessages.map((m) => JSON.parse(m).type ?? 'rest'));
      expect([...types]).to.include.members(['board_update', 'queue_update', 'ticket_update', 'rest']);
      expect(publicMessages.length).to.be.greaterThan(100);
      for (const message of publicMessages) {
        for (const secret of secrets) expect(message, `public message leaks "${secret}"`).not.to.contain(secret);
        expect(message).not.to.match(/patient_name|"patient"|fullName|dateOfBirth/);
      }
    });
  }
});
