import { expect } from 'chai';
import type { QueueStatus } from '../../common/api';
import { AppError } from '../../server/errors';
import { QUEUE_STEPS, stepChanges, targetOf, type QueueStep } from '../../server/queue/rules/transitions';

const STATUSES: QueueStatus[] = ['waiting', 'called', 'in_consultation', 'completed', 'skipped', 'cancelled', 'transferred'];

/** The state machine as the issue describes it, written out again here so the table in the code is checked. */
const ALLOWED: Record<QueueStatus, Partial<Record<QueueStep, QueueStatus>>> = {
  waiting: { call: 'called', cancel: 'cancelled', transfer: 'transferred' },
  called: {
    recall: 'called',
    start_consultation: 'in_consultation',
    skip: 'skipped',
    complete: 'completed',
    transfer: 'transferred',
    cancel: 'cancelled',
  },
  in_consultation: { complete: 'completed', transfer: 'transferred' },
  skipped: { return_to_queue: 'waiting', cancel: 'cancelled' },
  completed: {},
  cancelled: {},
  transferred: {},
};

/** The column each step stamps with the time it happened. */
const STAMP: Partial<Record<QueueStep, string>> = {
  call: 'calledAt',
  recall: 'calledAt',
  skip: 'skippedAt',
  start_consultation: 'consultationStartedAt',
  complete: 'completedAt',
  transfer: 'transferredAt',
  cancel: 'cancelledAt',
};

const NOW = new Date('2026-12-02T15:00:00Z');
const EARLIER = new Date('2026-12-02T14:40:00Z');

function entry(status: QueueStatus) {
  return { status, token: 'C-014', recallCount: 2, firstCalledAt: status === 'waiting' ? null : EARLIER };
}

describe('queue state machine', () => {
  it('knows every step', () => {
    expect([...QUEUE_STEPS].sort()).to.deep.equal(
      ['call', 'recall', 'skip', 'return_to_queue', 'start_consultation', 'complete', 'transfer', 'cancel'].sort(),
    );
  });

  for (const status of STATUSES) {
    for (const step of QUEUE_STEPS) {
      const target = ALLOWED[status][step];
      if (target) {
        it(`allows ${step} from ${status} (to ${target}) and stamps the time`, () => {
          expect(targetOf(status, step)).to.equal(target);
          const changes = stepChanges(entry(status), step, NOW);
          expect(changes.status).to.equal(target);
          const stamp = STAMP[step];
          if (stamp) expect((changes as Record<string, unknown>)[stamp]).to.equal(NOW);
        });
      } else {
        it(`refuses ${step} from ${status} with 409 invalid_transition`, () => {
          expect(targetOf(status, step)).to.equal(null);
          let error: unknown;
          try {
            stepChanges(entry(status), step, NOW);
          } catch (e) {
            error = e;
          }
          expect(error).to.be.instanceOf(AppError);
          expect((error as AppError).status).to.equal(409);
          expect((error as AppError).id).to.equal('invalid_transition');
          expect((error as AppError).message).to.match(/^C-014 .+, so .+\.$/);
        });
      }
    }
  }

  it('says in plain words why a step is refused', () => {
    const message = (status: QueueStatus, step: QueueStep) => {
      try {
        stepChanges(entry(status), step, NOW);
      } catch (error) {
        return (error as AppError).message;
      }
      return 'allowed';
    };
    expect(message('completed', 'call')).to.equal('C-014 has already been completed, so it cannot be called.');
    expect(message('waiting', 'complete')).to.equal('C-014 is still waiting, so it cannot be completed.');
    expect(message('skipped', 'start_consultation')).to.equal('C-014 was marked as a no-show, so the consultation cannot start.');
    expect(message('cancelled', 'return_to_queue')).to.equal('C-014 has been cancelled, so it cannot be returned to the queue.');
  });

  it('counts recalls and moves the call time with each one, keeping the first call', () => {
    const changes = stepChanges(entry('called'), 'recall', NOW);
    expect(changes).to.deep.equal({ status: 'called', calledAt: NOW, recallCount: 3 });
  });

  it('starts a fresh call with no recalls, remembering the first call of a returned patient', () => {
    expect(stepChanges({ ...entry('waiting'), recallCount: 2 }, 'call', NOW)).to.deep.equal({
      status: 'called',
      calledAt: NOW,
      firstCalledAt: NOW,
      recallCount: 0,
    });
    const returned = { status: 'waiting' as const, token: 'C-014', recallCount: 1, firstCalledAt: EARLIER };
    expect(stepChanges(returned, 'call', NOW).firstCalledAt).to.equal(EARLIER);
  });

  it('returns a skipped patient to the queue changing nothing but the status (the check-in time stays)', () => {
    expect(stepChanges(entry('skipped'), 'return_to_queue', NOW)).to.deep.equal({ status: 'waiting' });
  });
});
