import { expect } from 'chai';
import type { QueuePriority } from '../../common/api';
import { waitRange } from '../../common/wait-range';
import { forecast, type ExpectedBooking, type ForecastDoctor } from '../../server/queue/rules/forecast';
import { cycleMinutes } from '../../server/queue/rules/eta';
import { expectedBookings, LATE_BOOKING_MINUTES } from '../../server/queue/read-model/state';
import { at } from '../support/queue';

const ms = (time: string) => at(time).getTime();

/** A doctor with a 10-minute cycle working `hours` ('HH:MM-HH:MM'), free unless `busySince` is given. */
function doctor(id: number, hours: string[], extra: Partial<ForecastDoctor> = {}): ForecastDoctor {
  return {
    id,
    own: true,
    cycle: 10,
    shifts: hours.map((h) => ({ start: ms(h.slice(0, 5)), end: ms(h.slice(6)) })),
    busySince: null,
    ...extra,
  };
}

let sequence = 0;
/** A waiting entry checked in at `time`, for `doctorId` (null: any doctor). */
function entry(time: string, doctorId: number | null = null, options: { priority?: QueuePriority; slot?: string } = {}) {
  return {
    doctorId,
    key: {
      priority: options.priority ?? 'normal',
      checkedInAt: at(time),
      sequence: ++sequence,
      appointmentStartsAt: options.slot ? at(options.slot) : null,
    },
  };
}

function run(now: string, doctors: ForecastDoctor[], line: ReturnType<typeof entry>[], bookings: ExpectedBooking[] = []) {
  return forecast({ now: ms(now), doctors, line, bookings, showRate: 1 });
}

describe('wait forecast (rules/forecast.ts)', () => {
  it('counts from the first doctor\'s start before opening, instead of "No wait"', () => {
    const line = [entry('07:00'), entry('07:05'), entry('07:10')];
    const doctors = [doctor(1, ['09:00-12:00'])];
    expect(run('07:20', doctors, line).waits).to.deep.equal([100, 110, 120]);
    expect(forecast({ now: ms('07:20'), doctors, line, bookings: [], showRate: 1 }, { doctorId: null }).next).to.equal(130);
  });

  it('gives no estimate past what the doctors can see today, and still sees a booked patient far down the line', () => {
    // One doctor, 16:00-17:00 on a 10-minute cycle, and a line of 2,000 walk-ins (a rush): the forecast leaves out
    // those nobody can reach today, so it costs what a short line does and says the same.
    const line = Array.from({ length: 2000 }, (_, i) => entry(`${String(8 + Math.floor(i / 600)).padStart(2, '0')}:${String(Math.floor((i % 600) / 10)).padStart(2, '0')}`));
    // Came early for a 16:30 slot, last in the line in check-in order: called when the slot starts all the same.
    line.push(entry('15:59', 1, { slot: '16:30' }));
    const doctors = [doctor(1, ['16:00-17:00'])];
    const { waits } = run('16:00', doctors, line);
    expect(waits.slice(0, 5)).to.deep.equal([0, 10, 20, 40, 50]);
    expect(waits.slice(5, 2000).every((w) => w === null)).to.equal(true);
    expect(waits[2000]).to.equal(30);
    expect(forecast({ now: ms('16:00'), doctors, line, bookings: [], showRate: 1 }, { doctorId: null }).next).to.equal(null);
  });

  it('takes the next patient when the doctor is back from a break, not during it', () => {
    const line = [entry('11:00'), entry('11:05'), entry('11:10'), entry('11:15')];
    // Free now (11:35): 11:35, 11:45, 11:55; the next cycle would start at 12:05, in the lunch break: 13:00.
    const waits = run('11:35', [doctor(1, ['09:00-12:00', '13:00-17:00'])], line).waits;
    expect(waits).to.deep.equal([0, 10, 20, 85]);
  });

  it('waits for the patient in the room, and expects an overrunning one to leave soon', () => {
    const line = [entry('10:00')];
    expect(run('10:04', [doctor(1, ['09:00-17:00'], { busySince: ms('10:00') })], line).waits).to.deep.equal([6]);
    // Started 25 minutes ago on a 10-minute cycle: a fifth of a cycle more.
    expect(run('10:25', [doctor(1, ['09:00-17:00'], { busySince: ms('10:00') })], line).waits).to.deep.equal([2]);
  });

  it('shares "any doctor" patients with whoever is free first, and keeps named ones for their doctor', () => {
    const line = [entry('10:00'), entry('10:01', 2), entry('10:02'), entry('10:03')];
    const doctors = [doctor(1, ['09:00-17:00']), doctor(2, ['09:00-17:00'], { busySince: ms('10:05') })];
    // Doctor 1 is free now (10:10, 10:20); doctor 2 is busy until 10:15, takes their own, and is then free first
    // again (10:25) for the last shared one.
    expect(run('10:10', doctors, line).waits).to.deep.equal([0, 5, 10, 15]);
  });

  it('leaves nobody to see a patient of a doctor on leave (the older rule answers instead)', () => {
    const line = [entry('10:00', 1), entry('10:01')];
    expect(run('10:10', [doctor(1, []), doctor(2, ['09:00-17:00'])], line).waits).to.deep.equal([null, 0]);
  });

  it('puts priority patients first, and booked patients ahead of walk-ins from their slot start', () => {
    // The line in calling order at 10:10: the booked patient came early, so is behind the walk-in for now.
    const line = [entry('10:05', null, { priority: 'priority' }), entry('10:00'), entry('10:02', 1, { slot: '10:20' })];
    // 10:10: the priority patient; 10:20: the booked patient, whose slot has started; 10:30: the walk-in.
    expect(run('10:10', [doctor(1, ['09:00-17:00'])], line).waits).to.deep.equal([0, 20, 10]);
    // A booked patient who has not come yet is expected at 10:15 and goes ahead of the walk-in too.
    const expected = [{ doctorId: 1, startsAt: ms('10:15'), likelihood: 1 }];
    expect(run('10:10', [doctor(1, ['09:00-17:00'])], [entry('10:00'), entry('10:05')], expected).waits).to.deep.equal([0, 20]);
  });

  it('expects a booked patient who has not come as late as booked patients usually come, so a walk-in goes first', () => {
    const toCome = [{ doctorId: 1, startsAt: ms('10:15') }];
    // Booked patients who came checked in 6 minutes after their slot start on average (early ones count as 0).
    const expected = expectedBookings(toCome, ms('10:06'), 6);
    expect(expected).to.deep.equal([{ doctorId: 1, startsAt: ms('10:21'), likelihood: 1 }]);
    // The doctor is free at 10:16 (busy since 10:06): due at 10:21, the booked patient is not there yet, so the
    // walk-in is called first; at the slot start itself they would have gone ahead.
    const doctors = [doctor(1, ['09:00-17:00'], { busySince: ms('10:06') })];
    expect(run('10:06', doctors, [entry('10:00')], expected).waits).to.deep.equal([10]);
    expect(run('10:06', doctors, [entry('10:00')], expectedBookings(toCome, ms('10:06'), 0)).waits).to.deep.equal([20]);
  });

  it('expects a booked patient whose slot has started as a few minutes away, less likely the later it gets', () => {
    const late = expectedBookings([{ doctorId: 1, startsAt: ms('10:00') }], ms('10:10'), 6);
    expect(late).to.have.length(1);
    expect(late[0].startsAt).to.equal(ms('10:15'));
    expect(late[0].likelihood).to.be.closeTo(1 - 10 / LATE_BOOKING_MINUTES, 1e-9);
  });

  it('calls a booked patient who came early before their slot when nobody else waits, as calling next does', () => {
    // Checked in at 10:02 for a 10:40 slot, the line otherwise empty: the free doctor calls them now.
    expect(run('10:05', [doctor(1, ['09:00-17:00'])], [entry('10:02', 1, { slot: '10:40' })]).waits).to.deep.equal([0]);
    // Behind a walk-in who came first, they are next (10:15), still before the slot; once called they are not
    // called again when their slot starts (the walk-in after them is then at 10:25).
    const line = [entry('10:00'), entry('10:02', 1, { slot: '10:40' }), entry('10:03')];
    expect(run('10:05', [doctor(1, ['09:00-17:00'])], line).waits).to.deep.equal([0, 10, 20]);
  });

  it('blends today\'s pace with the doctor\'s usual one and adds the usual time around each visit', () => {
    expect(cycleMinutes([], 15, undefined)).to.equal(15);
    expect(cycleMinutes([20], 15, undefined)).to.equal(20);
    // One 25-minute visit today weighs against ten usual 14-minute ones, plus 2 minutes around each.
    expect(cycleMinutes([25], 15, { consultMinutes: 14, cycleMinutes: 16 })).to.equal(17);
  });

  it('shows a range around the estimate, rounded to 5 minutes and wider for longer waits', () => {
    expect(waitRange(0)).to.deep.equal([0, 5]);
    expect(waitRange(20)).to.deep.equal([10, 35]);
    expect(waitRange(60)).to.deep.equal([35, 90]);
    for (let m = 0; m <= 240; m++) {
      const [low, high] = waitRange(m);
      expect(low % 5, `low of ${m}`).to.equal(0);
      expect(high % 5, `high of ${m}`).to.equal(0);
      expect(low <= m && m <= high, `${m} in ${low}-${high}`).to.equal(true);
    }
  });
});
