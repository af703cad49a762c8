import { expect } from 'chai';
import { startTestServer, type TestServer } from '../support/server';

describe('tab icon', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server.close());

  it('serves /favicon.svg, and sends the browsers that ask for /favicon.ico there instead of a 404', async () => {
    const svg = await fetch(`${server.baseUrl}/favicon.svg`);
    expect(svg.status).to.equal(200);
    expect(svg.headers.get('content-type')).to.match(/^image\/svg\+xml/);
    expect(await svg.text()).to.match(/^<svg /);

    const ico = await fetch(`${server.baseUrl}/favicon.ico`, { redirect: 'manual' });
    expect(ico.status).to.equal(301);
    expect(ico.headers.get('location')).to.equal('/favicon.svg');
  });

  it('is named by every page, the built screens and the server-rendered ones', async () => {
    for (const page of ['/admin', '/kiosk', '/display', '/book', '/t/no-such-ticket']) {
      const html = await (await fetch(`${server.baseUrl}${page}`)).text();
      expect(html, page).to.contain('<link rel="icon" href="/favicon.svg"');
    }
  });
});
