import { expect } from 'chai';
import { compareForCalling, orderingKey, type Orderable } from '../../server/queue/rules/ordering';

const NOW = new Date('2026-12-02T15:00:00Z');
const minutes = (m: number) => new Date(NOW.getTime() + m * 60_000);

let sequence = 0;
/** A waiting entry that checked in `checkedIn` minutes from NOW (negative: earlier). */
function entry(name: string, checkedIn: number, overrides: Partial<Orderable> = {}): Orderable & { name: string } {
  return { name, priority: 'normal', checkedInAt: minutes(checkedIn), sequence: ++sequence, appointmentStartsAt: null, ...overrides };
}

function order(...entries: Array<Orderable & { name: string }>): string[] {
  return [...entries].sort((a, b) => compareForCalling(a, b, NOW)).map((e) => e.name);
}

describe('queue ordering rule', () => {
  it('puts emergency before priority before normal, whatever the arrival times', () => {
    expect(
      order(
        entry('normal', -60),
        entry('priority', -30, { priority: 'priority' }),
        entry('emergency', -1, { priority: 'emergency' }),
      ),
    ).to.deep.equal(['emergency', 'priority', 'normal']);
  });

  it('puts an appointment whose slot has started before walk-ins who came earlier', () => {
    expect(
      order(entry('walk-in', -50), entry('due appointment', -5, { appointmentStartsAt: minutes(-10) })),
    ).to.deep.equal(['due appointment', 'walk-in']);
  });

  it('counts a slot starting exactly now as due', () => {
    expect(
      order(entry('walk-in', -50), entry('due now', -5, { appointmentStartsAt: NOW })),
    ).to.deep.equal(['due now', 'walk-in']);
  });

  it('treats an appointment holder who is early like a walk-in: by check-in time', () => {
    expect(
      order(
        entry('early appointment', -20, { appointmentStartsAt: minutes(30) }),
        entry('walk-in before', -40),
        entry('walk-in after', -10),
      ),
    ).to.deep.equal(['walk-in before', 'early appointment', 'walk-in after']);
  });

  it('does not let a due appointment pass a higher priority class', () => {
    expect(
      order(entry('due appointment', -30, { appointmentStartsAt: minutes(-30) }), entry('priority walk-in', -1, { priority: 'priority' })),
    ).to.deep.equal(['priority walk-in', 'due appointment']);
  });

  it('orders due appointments among themselves by check-in time, not by slot time', () => {
    expect(
      order(
        entry('later slot, came first', -30, { appointmentStartsAt: minutes(-5) }),
        entry('earlier slot, came later', -10, { appointmentStartsAt: minutes(-20) }),
      ),
    ).to.deep.equal(['later slot, came first', 'earlier slot, came later']);
  });

  it('breaks equal check-in times by sequence, then id', () => {
    const a = entry('a', -10, { sequence: 7, id: 1 });
    const b = entry('b', -10, { sequence: 3, id: 2 });
    expect(order(a, b)).to.deep.equal(['b', 'a']);
    const c = entry('c', -10, { sequence: 3, id: 9 });
    const d = entry('d', -10, { sequence: 3, id: 4 });
    expect(order(c, d)).to.deep.equal(['d', 'c']);
  });

  it('is a total order: the result does not depend on the input order', () => {
    const all = [
      entry('n1', -40),
      entry('n2', -35),
      entry('p1', -20, { priority: 'priority' }),
      entry('e1', -2, { priority: 'emergency' }),
      entry('a-due', -15, { appointmentStartsAt: minutes(-1) }),
      entry('a-early', -45, { appointmentStartsAt: minutes(40) }),
      entry('p-due', -5, { priority: 'priority', appointmentStartsAt: minutes(-3) }),
    ];
    const expected = ['e1', 'p-due', 'p1', 'a-due', 'a-early', 'n1', 'n2'];
    expect(order(...all)).to.deep.equal(expected);
    expect(order(...[...all].reverse())).to.deep.equal(expected);
  });

  it('exposes the sort key: class, due, check-in, sequence, id', () => {
    const key = orderingKey(entry('x', -10, { priority: 'priority', appointmentStartsAt: minutes(-1), sequence: 4, id: 12 }), NOW);
    expect(key).to.deep.equal([1, 0, minutes(-10).getTime(), 4, 12]);
  });
});
