import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { StaffQueueEntry, TicketView } from '../../common/api';
import { ROOT_DIR } from '../../server/config';
import type { Department, DoctorProfile } from '../../server/models';
import { makeDoctor, makePatient } from '../support/clinic-factories';
import { sharedBrowser } from '../support/browser';
import { resetDatabase } from '../support/db';
import {
  configureSpeech,
  eventually,
  footprint,
  installPageHooks,
  soundLog,
  visibleText,
} from '../support/display-page';
import { createDepartment, createStaff } from '../support/factories';
import { Agent } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';
import { agentFor } from '../support/session';

// Drives the built display (run `MQ_BUILD_DIR=... npx vite build` first when running this file alone).

const OUTPUT_DIR = path.join(ROOT_DIR, 'test-output');

describe('TV display (/display) in Chromium', function () {
  this.timeout(60_000);

  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let desk: Agent;
  let cardiology: Department;
  let dermatology: Department;
  /** Rooms 3 and 4 in Cardiology (C), Room 7 in Dermatology (D). */
  let room3: DoctorProfile;
  let room4: DoctorProfile;
  let room7: DoctorProfile;
  let keys = 0;

  const checkIn = async (department: Department, extra: Record<string, unknown> = {}) => {
    const res = await desk.post<TicketView>('/api/queue/check-in', { departmentId: department.id, idempotencyKey: `display-${++keys}-key`, ...extra });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body;
  };
  const callNext = async (doctor: DoctorProfile, via = desk) => {
    const res = await via.post<StaffQueueEntry>(`/api/queue/doctors/${doctor.id}/call-next`);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return res.body;
  };
  const recall = async (entry: StaffQueueEntry) => {
    const res = await desk.post<StaffQueueEntry>(`/api/queue/entries/${entry.id}/recall`, { expectedVersion: entry.version });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return res.body;
  };

  /** Opens the display and waits until it is live and has drawn its first snapshot. */
  const openDisplay = async (query = '', target: TestServer = server, on: Page = page) => {
    await on.goto(`${target.baseUrl}/display${query}`);
    await on.waitForSelector('mq-display-app[connection="open"]');
    await on.locator('mq-room-board li').first().waitFor();
  };
  const nowCalling = (on: Page = page) => on.locator('mq-now-calling .call');
  const roomRow = (room: string, on: Page = page) => on.locator('mq-room-board li', { hasText: room });
  const spoken = async (on: Page = page) => (await soundLog(on)).spoken.map((u) => u.text);

  before(async () => {
    server = await startTestServer();
    browser = await sharedBrowser();
    mkdirSync(OUTPUT_DIR, { recursive: true });
  });

  beforeEach(async () => {
    await resetDatabase();
    cardiology = await createDepartment({ name: 'Cardiology', prefix: 'C' });
    dermatology = await createDepartment({ name: 'Dermatology', prefix: 'D' });
    room3 = await makeDoctor({ departmentId: cardiology.id, room: 'Room 3' });
    room4 = await makeDoctor({ departmentId: cardiology.id, room: 'Room 4' });
    room7 = await makeDoctor({ departmentId: dermatology.id, room: 'Room 7' });
    const staff = await createStaff({ role: 'reception' });
    desk = await agentFor(server, staff.user);
    context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await installPageHooks(context);
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  after(async () => {
    await server?.close();
  });

  it('shows a call made through the staff API in "Now calling", on the rooms board and in the next tokens, chimed then spoken', async () => {
    for (let i = 0; i < 3; i++) await checkIn(cardiology);
    await openDisplay();
    const app = page.locator('mq-display-app');
    await app.getByText('No one is being called right now.').waitFor();
    expect(await page.locator('mq-next-tokens .token').allTextContents()).to.deep.equal(['C-001', 'C-002', 'C-003']);
    expect(await roomRow('Room 3').locator('.token').count()).to.equal(0);
    expect(await page.locator('mq-display-app').getAttribute('sound')).to.equal('on');

    await callNext(room3);
    await nowCalling().getByText('C-001').waitFor();
    expect(await nowCalling().locator('.room').textContent()).to.equal('Room 3');
    await roomRow('Room 3').locator('.token', { hasText: 'C-001' }).waitFor();
    expect(await roomRow('Room 3').getAttribute('class')).to.contain('called');
    await eventually('next tokens move up', async () =>
      JSON.stringify(await page.locator('mq-next-tokens .token').allTextContents()) === JSON.stringify(['C-002', 'C-003']));
    expect(await page.locator('mq-next-tokens').getByText('2 waiting').count()).to.equal(1);

    await eventually('the call is spoken', async () => (await spoken()).length === 1);
    const log = await soundLog(page);
    expect(log.spoken[0]).to.include({ text: 'Token C 0 0 1, please go to Room 3', lang: 'en' });
    expect(log.chimes.length, 'a two-note chime').to.equal(2);
    expect(log.chimes[1], 'the chime rings before the speech').to.be.at.most(log.spoken[0].start);
  });

  it('announces a recall again and flashes "Now calling" again', async () => {
    await checkIn(cardiology);
    await openDisplay();
    const called = await callNext(room3);
    await eventually('the call is spoken', async () => (await spoken()).length === 1);
    expect(await page.locator('mq-now-calling').getAttribute('flash')).to.equal('1');
    expect(await nowCalling().getAttribute('class')).to.contain('flash');

    await recall(called);
    await eventually('the recall is spoken', async () => (await spoken()).length === 2);
    expect(await spoken()).to.deep.equal(['Token C 0 0 1, please go to Room 3', 'Token C 0 0 1, please go to Room 3']);
    expect(await page.locator('mq-now-calling').getAttribute('flash')).to.equal('2');
  });

  it('queues announcements: a burst of calls is spoken in order, none cut off by the next', async () => {
    await checkIn(cardiology);
    await checkIn(cardiology);
    await checkIn(dermatology);
    await openDisplay();
    await configureSpeech(page, { ms: 700 });
    await callNext(room3);
    await callNext(room4);
    await callNext(room7);
    await eventually('three announcements', async () => (await soundLog(page)).spoken.filter((u) => u.end !== null).length === 3, 15_000);
    const log = await soundLog(page);
    expect(log.spoken.map((u) => u.text)).to.deep.equal([
      'Token C 0 0 1, please go to Room 3',
      'Token C 0 0 2, please go to Room 4',
      'Token D 0 0 1, please go to Room 7',
    ]);
    expect(log.cancels, 'no announcement was cancelled').to.equal(0);
    for (let i = 1; i < 3; i++) {
      expect(log.spoken[i].start, `announcement ${i + 1} started before ${i} ended`).to.be.at.least(log.spoken[i - 1].end!);
      expect(log.spoken[i - 1].end! - log.spoken[i - 1].start, `announcement ${i} was spoken in full`).to.be.at.least(690);
    }
    // The newest call is the one on the screen, whatever is still being announced.
    expect(await nowCalling().locator('.token').textContent()).to.equal('D-001');
  });

  it('recovers when speech synthesis stalls: the stuck utterance is cancelled and the next one is spoken', async () => {
    await checkIn(cardiology);
    await checkIn(cardiology);
    await openDisplay();
    await configureSpeech(page, { stall: 1 });
    await callNext(room3);
    await callNext(room4);
    await eventually('the second call is spoken after the first one stalled', async () => (await spoken()).length === 2, 20_000);
    const log = await soundLog(page);
    expect(log.spoken.map((u) => u.text)).to.deep.equal(['Token C 0 0 1, please go to Room 3', 'Token C 0 0 2, please go to Room 4']);
    expect(log.cancels, 'the stalled utterance was cancelled').to.be.at.least(1);
  });

  it('never shows or speaks a patient name, even when the server sends one', async () => {
    const names = ['Zephyrine Quillfeather', 'Bartholomew Xanthopoulos'];
    for (const [i, fullName] of names.entries()) {
      const patient = await makePatient({ fullName });
      await checkIn(i ? dermatology : cardiology, { patientId: patient.id });
    }
    await openDisplay();
    const assertNoNames = async (when: string) => {
      const text = await visibleText(page);
      for (const name of [...names, 'Zephyrine', 'Xanthopoulos']) expect(text, `${when}: the page shows "${name}"`).not.to.contain(name);
    };
    await assertNoNames('waiting');
    const first = await callNext(room3);
    await callNext(room7);
    await nowCalling().getByText('D-001').waitFor();
    await assertNoNames('called');
    await recall(first);
    await eventually('three announcements', async () => (await spoken()).length === 3, 15_000);
    await assertNoNames('recalled');

    // A server that went wrong: names in extra fields and in place of a token. The display reads tokens and rooms
    // only, and shows nothing that does not look like a token.
    server.hub.publish({
      type: 'token_called',
      channel: 'display:all',
      token: 'C-777',
      room: 'Room 3',
      doctor_name: 'Dr Test',
      department_id: cardiology.id,
      department_name: 'Cardiology',
      called_at: new Date().toISOString(),
      recall_count: 0,
      patient_name: names[0],
      patient: { fullName: names[1] },
    } as never);
    server.hub.publish({
      type: 'token_called',
      channel: 'display:all',
      token: names[1],
      room: 'Room 4',
      doctor_name: 'Dr Test',
      department_id: cardiology.id,
      department_name: 'Cardiology',
      called_at: new Date().toISOString(),
      recall_count: 0,
    });
    server.hub.publish({
      type: 'board_update',
      channel: 'display:all',
      departments: [{ id: cardiology.id, name: 'Cardiology', prefix: 'C' }],
      rooms: [{ room: 'Room 3', doctor_name: 'Dr Test', department_id: cardiology.id, token: 'C-777', status: 'called', patient_name: names[0] } as never],
      next: [{ department_id: cardiology.id, tokens: ['C-778', names[1]], waiting_count: 2 }],
      recent: [{ token: 'C-777', room: 'Room 3', called_at: new Date().toISOString(), patient_name: names[0] } as never],
    });
    await nowCalling().getByText('C-777').waitFor();
    await page.locator('mq-next-tokens .token', { hasText: 'C-778' }).waitFor();
    expect(await page.locator('mq-next-tokens .token').allTextContents()).to.deep.equal(['C-778']);
    await eventually('the forged call is announced', async () => (await spoken()).includes('Token C 7 7 7, please go to Room 3'), 8000);
    await assertNoNames('after messages carrying names');
    for (const text of await spoken()) for (const name of names) expect(text).not.to.contain(name.split(' ')[0]);
  });

  it('stays flat over 5,000 calls: DOM nodes, JS heap, listeners and timers', async function () {
    this.timeout(180_000);
    await openDisplay();
    const cdp = await context.newCDPSession(page);
    const rooms = ['Room 1', 'Room 2', 'Room 3', 'Room 4', 'Room 5'];
    const recent: Array<{ token: string; room: string; called_at: string }> = [];
    let sequence = 0;
    /** One call as the broadcaster sends it: `token_called`, then the board it leads to. */
    const publishCall = () => {
      const n = ++sequence;
      const token = `C-${String(n).padStart(3, '0')}`;
      const room = rooms[n % rooms.length];
      const calledAt = new Date(Date.UTC(2026, 11, 2, 9) + n * 1000).toISOString();
      server.hub.publish({
        type: 'token_called',
        channel: 'display:all',
        token,
        room,
        doctor_name: 'Dr Test',
        department_id: cardiology.id,
        department_name: 'Cardiology',
        called_at: calledAt,
        recall_count: 0,
      });
      recent.unshift({ token, room, called_at: calledAt });
      recent.length = Math.min(recent.length, 8);
      server.hub.publish({
        type: 'board_update',
        channel: 'display:all',
        departments: [{ id: cardiology.id, name: 'Cardiology', prefix: 'C' }],
        rooms: rooms.map((r, i) => ({
          room: r,
          doctor_name: 'Dr Test',
          department_id: cardiology.id,
          token: `C-${String(Math.max(1, n - i)).padStart(3, '0')}`,
          status: i === 0 ? 'called' : 'in_consultation',
        })),
        next: [{ department_id: cardiology.id, tokens: [1, 2, 3, 4, 5].map((k) => `C-${String(n + k).padStart(3, '0')}`), waiting_count: 12 }],
        recent: [...recent],
      });
      return token;
    };
    /** Publishes `count` calls in batches, each batch only once the page has drawn the previous one. */
    const drive = async (count: number) => {
      for (let done = 0; done < count; ) {
        let last = '';
        for (let i = 0; i < 50 && done < count; i++, done++) last = publishCall();
        await nowCalling().locator('.token', { hasText: new RegExp(`^${last}$`) }).waitFor({ timeout: 10_000 });
      }
    };

    // Warm-up: templates, style sheets and formatters are built once, and V8 optimises the hot paths.
    await drive(1000);
    const before = await footprint(page, cdp);
    const started = Date.now();
    await drive(5000);
    const after = await footprint(page, cdp);
    const log = await soundLog(page);
    console.log(`      5,000 calls in ${((Date.now() - started) / 1000).toFixed(1)} s; ${JSON.stringify({ before, after })}`);

    expect(sequence).to.equal(6000);
    expect(await page.locator('mq-recent-calls li').count(), 'the last 8 calls but the one in "Now calling"').to.equal(7);
    expect(after.domNodes - before.domNodes, 'DOM nodes').to.be.at.most(0);
    expect(after.chromiumNodes - before.chromiumNodes, "Chromium's node count").to.be.at.most(50);
    expect(after.jsEventListeners - before.jsEventListeners, 'event listeners').to.be.at.most(5);
    expect(after.windowAndDocumentListeners, 'window and document listeners').to.equal(before.windowAndDocumentListeners);
    expect(after.pendingTimers - before.pendingTimers, 'pending timers').to.be.at.most(1);
    // A leak of even 50 bytes per call would exceed this; what remains is V8's own code and feedback settling.
    expect(after.jsHeapUsedBytes - before.jsHeapUsedBytes, 'JS heap growth (bytes)').to.be.at.most(256 * 1024);
    // Announcements could not keep up with a call every few milliseconds: the queue stayed bounded, in order.
    expect(log.spoken.length).to.be.greaterThan(0);
  });
});
