import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { parse } from 'yaml';
import { loadConfig } from '../../server/config';

/** The deployment recipe in deploy/ (README "Several servers"), checked without Docker: CI need not have it. */
const read = (file: string) => readFileSync(path.join('deploy', file), 'utf8');

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }> | string[];
  volumes?: string[];
  ports?: string[];
}

describe('deployment recipe (deploy/)', () => {
  const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, ComposeService> };
  const servers = ['mediqueue-1', 'mediqueue-2'];

  it('runs two MediQueue servers on one MariaDB and one Redis, behind nginx', () => {
    expect(Object.keys(compose.services).sort()).to.deep.equal(['mariadb', 'mediqueue-1', 'mediqueue-2', 'nginx', 'redis']);
    for (const name of servers) {
      const service = compose.services[name];
      expect(service.build, name).to.deep.equal({ context: '..', dockerfile: 'deploy/Dockerfile' });
      const env = service.environment!;
      expect(env.DATABASE_URL, name).to.match(/^mysql:\/\/[^@]+@mariadb:3306\//);
      expect(env.REDIS_URL, name).to.equal('redis://redis:6379');
      // Every value is one the server accepts: it would refuse to start otherwise.
      const config = loadConfig(env, { dotenv: false });
      expect(config).to.include({ env: 'production', trustProxy: true, seedDemo: false, redisUrl: 'redis://redis:6379' });
    }
    // The second server waits for the first (which migrates) to answer its health check.
    expect(compose.services['mediqueue-2'].depends_on).to.deep.include({ 'mediqueue-1': { condition: 'service_healthy' } });
    expect(compose.services.nginx.volumes).to.deep.equal(['./nginx.conf:/etc/nginx/conf.d/default.conf:ro']);
  });

  it('balances both servers without sticky sessions and passes WebSocket upgrades through', () => {
    const nginx = read('nginx.conf');
    const upstream = /upstream mediqueue \{([^}]*)\}/.exec(nginx)?.[1] ?? '';
    for (const name of servers) expect(upstream).to.contain(`server ${name}:3000`);
    expect(upstream).to.not.match(/ip_hash|hash |sticky/);
    expect(nginx).to.contain('proxy_set_header Upgrade $http_upgrade;');
    expect(nginx).to.contain('proxy_set_header Connection $connection_upgrade;');
    expect(nginx).to.contain('proxy_set_header X-Forwarded-For');
    expect(nginx).to.match(/proxy_read_timeout (\d+)s/);
    // Longer than the server's 15 s heartbeat, or quiet displays would be cut off.
    expect(Number(/proxy_read_timeout (\d+)s/.exec(nginx)![1])).to.be.greaterThan(15);
  });

  it('builds an image that starts the way the README does and checks /healthz', () => {
    const dockerfile = read('Dockerfile');
    expect(dockerfile).to.match(/^FROM node:20/m);
    expect(dockerfile).to.contain('RUN npm ci');
    expect(dockerfile).to.contain('RUN npm run build');
    expect(dockerfile).to.contain('/healthz');
    expect(dockerfile).to.match(/^CMD \["npm", "start"\]$/m);
  });
});
