import { expect } from 'chai';
import type { Icd10SearchResponse } from '../../common/records';
import { icd10All, icd10Entry, searchIcd10 } from '../../server/services/records/icd10';
import { resetDatabase } from '../support/db';
import { signedIn } from '../support/records';
import { startTestServer, type TestServer } from '../support/server';

describe('records: the ICD-10 list and its search', () => {
  it('ships a few hundred distinct, well-formed codes with titles', () => {
    const entries = icd10All();
    expect(entries.length).to.be.greaterThan(300);
    expect(new Set(entries.map((e) => e.code)).size).to.equal(entries.length);
    for (const entry of entries) {
      expect(entry.code, entry.code).to.match(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/);
      expect(entry.title.trim().length, entry.code).to.be.greaterThan(3);
    }
    expect(icd10Entry('J45.9')).to.deep.equal({ code: 'J45.9', title: 'Asthma, unspecified' });
    expect(icd10Entry('j45.9')!.code).to.equal('J45.9');
    expect(icd10Entry('J45.99')).to.equal(undefined);
  });

  it('finds by exact code first, then by code prefix, with or without the dot', () => {
    expect(searchIcd10('J06.9')[0].code).to.equal('J06.9');
    expect(searchIcd10('j069')[0].code).to.equal('J06.9');
    const prefix = searchIcd10('J45').map((e) => e.code);
    expect(prefix).to.deep.equal(['J45.0', 'J45.1', 'J45.9']);
    expect(searchIcd10('I10').map((e) => e.code)[0]).to.equal('I10');
  });

  it('finds titles containing every word typed, at word starts, in any order', () => {
    const codes = searchIcd10('hypert').map((e) => e.code);
    expect(codes).to.include.members(['I10', 'I11.9', 'O13']);
    expect(searchIcd10('pain back low').map((e) => e.code)).to.deep.equal(['M54.5']);
    expect(searchIcd10('ertension')).to.deep.equal([]);
    expect(searchIcd10('Ménière')[0].code).to.equal('H81.0');
    expect(searchIcd10('pain', 3)).to.have.length(3);
  });
});

describe('records API: GET /api/icd10', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    await resetDatabase();
  });
  after(() => server.close());

  it('searches for any signed-in staff member, with a limit', async () => {
    const { agent } = await signedIn(server, 'reception');
    const res = await agent.get<Icd10SearchResponse>('/api/icd10?q=asthma&limit=2');
    expect(res.status).to.equal(200);
    expect(res.body.results).to.deep.equal([
      { code: 'J45.0', title: 'Predominantly allergic asthma' },
      { code: 'J45.1', title: 'Nonallergic asthma' },
    ]);
    const bad = await agent.get('/api/icd10?limit=500');
    expect([bad.status, bad.body.error.id]).to.deep.equal([422, 'validation_failed']);
    expect((await agent.get<Icd10SearchResponse>('/api/icd10')).body.results).to.have.length(20);
  });
});
