import { expect } from 'chai';
import { Department, Session } from '../../server/models';
import { toAppError } from '../../server/middleware/error-handler';
import { resetDatabase } from '../support/db';
import { createDepartment } from '../support/factories';

/** Runs `work`, which must fail, and returns what it threw. */
async function thrown(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the database to refuse this');
}

describe('error mapping (what clients see when the database refuses)', () => {
  beforeEach(() => resetDatabase());

  it('turns a unique-constraint violation into 409 already_exists naming the field', async () => {
    await createDepartment({ name: 'Cardiology', prefix: 'C' });
    const { appError, unexpected } = toAppError(await thrown(() => Department.create({ name: 'Cardio 2', prefix: 'C' })));
    expect(appError.status).to.equal(409);
    expect(appError.id).to.equal('already_exists');
    expect(appError.message).to.match(/prefix/);
    expect(unexpected).to.equal(false);
  });

  it('turns a foreign-key violation into 409 in_use', async () => {
    const error = await thrown(() => Session.create({ id: 'x'.repeat(64), userId: 999999, expiresAt: new Date(), ip: null, userAgent: null }));
    const { appError } = toAppError(error);
    expect(appError.status).to.equal(409);
    expect(appError.id).to.equal('in_use');
  });

  it('turns a model validation failure into 422 naming the field', async () => {
    const { appError } = toAppError(await thrown(() => Department.create({ name: 'Lowercase', prefix: 'c1' })));
    expect(appError.status).to.equal(422);
    expect(appError.fields?.map((f) => f.path)).to.deep.equal(['prefix']);
  });

  it('hides anything unexpected behind a 500 with no details', () => {
    const { appError, unexpected } = toAppError(new TypeError("Cannot read properties of undefined (reading 'secret')"));
    expect(appError.status).to.equal(500);
    expect(appError.id).to.equal('internal_error');
    expect(appError.message).not.to.contain('secret');
    expect(unexpected).to.equal(true);
  });
});
