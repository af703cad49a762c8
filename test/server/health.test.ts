import { expect } from 'chai';
import { createLogger } from '../../server/logger';
import { startServer } from '../../server/server';
import { createSequelize } from '../../server/db/sequelize';
import { Agent } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

describe('GET /healthz', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server.close());

  it('answers 200 when the database answers', async () => {
    const res = await new Agent(server).get('/healthz');
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ status: 'ok', database: 'ok' });
  });

  it('answers 503 when the database does not', async () => {
    // A real MySQL client pointed at a port where nothing listens: the connection is refused at once.
    const sequelize = await createSequelize('mysql://root@127.0.0.1:1/none');
    const down = await startServer(
      { config: server.config, db: { sequelize, close: () => sequelize.close() }, logger: createLogger('silent') },
      0,
      '127.0.0.1',
    );
    try {
      const res = await fetch(`http://127.0.0.1:${down.port}/healthz`);
      expect(res.status).to.equal(503);
      expect(await res.json()).to.include({ status: 'degraded', database: 'unavailable' });
    } finally {
      await down.close();
      await sequelize.close();
    }
  });
});
