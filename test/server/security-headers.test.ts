import { expect } from 'chai';
import { startTestServer, type TestServer } from '../support/server';

describe('security headers on every page (issue 11, point 8)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ env: { DISPLAY_FRAME_ANCESTORS: 'https://signage.example.com' } });
  });
  after(() => server.close());

  for (const path of ['/kiosk', '/display', '/admin', '/book', '/admin/anything', '/healthz']) {
    it(`${path}: CSP without inline script, nosniff, no referrer, no HSTS over plain http`, async () => {
      const res = await fetch(server.baseUrl + path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).to.contain("script-src 'self'").and.contain("object-src 'none'").and.contain("base-uri 'none'");
      expect(csp).not.to.match(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(res.headers.get('referrer-policy')).to.equal('no-referrer');
      expect(res.headers.get('strict-transport-security')).to.equal(null);
      const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1];
      expect(ancestors).to.equal(path === '/display' ? 'https://signage.example.com' : "'none'");
    });
  }

  it('sends nosniff and no-referrer on API answers', async () => {
    const api = await fetch(`${server.baseUrl}/api/clinic`);
    expect(api.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(api.headers.get('referrer-policy')).to.equal('no-referrer');
  });
});

describe('HSTS when the public address is https (issue 11, point 8)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ env: { PUBLIC_BASE_URL: 'https://queue.example-clinic.org' } });
  });
  after(() => server.close());

  it('sends Strict-Transport-Security on pages and API answers', async () => {
    for (const path of ['/kiosk', '/api/clinic']) {
      const res = await fetch(server.baseUrl + path);
      expect(res.headers.get('strict-transport-security'), path).to.match(/^max-age=\d{7,}/);
    }
  });
});
