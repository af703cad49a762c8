import { expect } from 'chai';
import type { TicketView } from '../../common/api';
import { QueueEntry } from '../../server/models';
import { addDays } from '../../server/services/clinic-time';
import { resetDatabase } from '../support/db';
import { Agent } from '../support/http';
import { awayFromMidnight, kioskKey, openDepartment, today, tomorrowNine, workingDoctor } from '../support/kiosk';
import { startTestServer, type TestServer } from '../support/server';

/** The server reads one clock (server/clock.ts): moving it moves opening hours, the queue's day and the server time. */
describe('the server clock', () => {
  let server: TestServer;

  before(async () => {
    await resetDatabase();
    await awayFromMidnight();
    server = await startTestServer();
  });
  after(() => server.close());

  it('moves the kiosk, the queue engine and the clinic info together', async () => {
    const { department } = await openDepartment('General Practice', 'G');
    await workingDoctor(department, { works: 'tomorrow' });
    const walkIn = () => new Agent(server).post<TicketView>('/api/kiosk/check-in', { departmentId: department.id, idempotencyKey: kioskKey() });

    const first = await walkIn();
    expect(first.status, JSON.stringify(first.body)).to.equal(201);
    expect(first.body.token).to.equal('G-001');

    // Tomorrow at ten: only the doctor who works tomorrow is on duty, and the queue starts a new day at 001.
    const tomorrowTen = new Date(tomorrowNine().getTime() + 60 * 60_000);
    server.clock.set(tomorrowTen);
    const info = await new Agent(server).get<{ serverTime: string }>('/api/clinic');
    expect(info.body.serverTime).to.equal(tomorrowTen.toISOString());
    const next = await walkIn();
    expect(next.status, JSON.stringify(next.body)).to.equal(201);
    expect(next.body.token).to.equal('G-001');
    const rows = await QueueEntry.findAll({ order: [['id', 'ASC']] });
    expect(rows.map((row) => row.clinicDay)).to.deep.equal([today(), addDays(today(), 1)]);
    expect(rows[1].checkedInAt.toISOString()).to.equal(tomorrowTen.toISOString());

    // Back to the real time: today's queue goes on where it was.
    server.clock.set(null);
    expect((await walkIn()).body.token).to.equal('G-002');
  });
});
